#!/usr/bin/perl
# Reference reader for bench/Invoke-Benchmark.ps1: reads an ISO 2709 file with MARC::Batch exactly as
# /work/shared/docs/marc.md section 2.2 describes ("perl_batch_*"): format USMARC, strict_off,
# warnings_off, call next in a loop and count each record's fields. Prints one JSON line like the
# C# driver: {"command":"perl-batch","records":N,"fields":N,"seconds":S,"recordsPerSecond":R}.
# Usage: perl marc-batch.pl FILE
use strict;
use warnings;
use MARC::Batch;
use Time::HiRes qw(time);

my $file = shift @ARGV or die "usage: $0 FILE\n";
my $start = time;
my $batch = MARC::Batch->new('USMARC', $file);
$batch->strict_off();
$batch->warnings_off();
my ($records, $fields) = (0, 0);
while (my $record = $batch->next()) {
    $records++;
    $fields += scalar($record->fields());
}
my $seconds = time - $start;
printf "{\"command\":\"perl-batch\",\"records\":%d,\"fields\":%d,\"seconds\":%.3f,\"recordsPerSecond\":%.0f}\n",
    $records, $fields, $seconds, $seconds > 0 ? $records / $seconds : 0;
