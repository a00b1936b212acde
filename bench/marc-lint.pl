#!/usr/bin/perl
# Reference validator for bench/Invoke-Benchmark.ps1: reads an ISO 2709 file with MARC::Batch (USMARC, strict_off,
# warnings_off) and runs MARC::Lint's check_record on every record, counting warnings. Prints one JSON line like the
# C# driver: {"command":"perl-lint","records":N,"warnings":N,"seconds":S,"recordsPerSecond":R}.
# Usage: perl marc-lint.pl FILE
use strict;
use warnings;
use MARC::Batch;
use MARC::Lint;
use Time::HiRes qw(time);

my $file = shift @ARGV or die "usage: $0 FILE\n";
my $start = time;
my $batch = MARC::Batch->new('USMARC', $file);
$batch->strict_off();
$batch->warnings_off();
my $lint = MARC::Lint->new;
my ($records, $warnings) = (0, 0);
{
    local $SIG{__WARN__} = sub {};
    while (my $record = $batch->next()) {
        $records++;
        $lint->check_record($record);
        $warnings += scalar($lint->warnings);
    }
}
my $seconds = time - $start;
printf "{\"command\":\"perl-lint\",\"records\":%d,\"warnings\":%d,\"seconds\":%.3f,\"recordsPerSecond\":%.0f}\n",
    $records, $warnings, $seconds, $seconds > 0 ? $records / $seconds : 0;
