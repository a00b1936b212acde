#!/usr/bin/perl
# Counts what Perl MARC::Batch (MARC::Record, format USMARC) gets out of an ISO 2709 file, as an oracle for
# the conformance tests. Lenient settings: strict_off (carry on after a bad record), warnings_off.
# Each call to next() is wrapped in eval, so a record MARC::Record dies on is counted as "died" and reading goes on.
# Output, one "name: number" per line:
#   records:             records next() returned
#   records_with_fields: of those, records with at least one field (MARC::Batch also returns a "record" for
#                        any chunk between record terminators, e.g. non-MARC bytes, with an empty leader)
#   died:                calls to next() that died
use strict;
use warnings;
use MARC::Batch;

my $file = shift or die "usage: $0 FILE\n";
my $batch = MARC::Batch->new('USMARC', $file);
$batch->strict_off;
$batch->warnings_off;

my ($records, $with_fields, $died) = (0, 0, 0);
while (1) {
    my $record = eval { $batch->next };
    if ($@) {
        $died++;
        last if $died > 1_000_000;    # never loop forever on a reader that does not advance
        next;
    }
    last unless defined $record;
    $records++;
    $with_fields++ if scalar($record->fields) > 0;
}
print "records: $records\nrecords_with_fields: $with_fields\ndied: $died\n";
