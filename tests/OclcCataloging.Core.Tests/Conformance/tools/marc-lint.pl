#!/usr/bin/perl
# MARC::Lint on every bibliographic record (leader/06) of an ISO 2709 file. Prints one line per warning:
# "<record byte offset>\t<warning>". Records MARC::Record cannot parse are skipped (our reader reports them itself).
use strict;
use warnings;
use MARC::Record;
use MARC::Lint;

my $file = shift or die "usage: $0 FILE\n";
open(my $fh, '<:raw', $file) or die "$file: $!";
binmode STDOUT, ':raw';
local $/ = "\x1D";
my $lint = MARC::Lint->new;
my $offset = 0;
while (my $chunk = <$fh>) {
    my $at = $offset;
    $offset += length($chunk);
    next unless $chunk =~ /\x1D$/;
    if ($chunk =~ s/^([\x00\x0A\x0D\x1A ]+)//) { $at += length($1); }
    my $r = eval { local $SIG{__WARN__} = sub {}; MARC::Record->new_from_usmarc($chunk) };
    next unless $r && length($r->leader) == 24;
    next unless substr($r->leader, 6, 1) =~ /^[acdefgijkmoprt]$/;
    my @warnings = eval { local $SIG{__WARN__} = sub {}; $lint->check_record($r); $lint->warnings };
    for my $w (@warnings) {
        $w =~ s/[\r\n\t]+/ /g;
        print "$at\t$w\n";
    }
}
