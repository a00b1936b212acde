#!/usr/bin/perl
# Writes the OclcCataloging test server's records (MARCXML collections) and the matching 1,000-key batch file.
# Deterministic: the same files on every run. Usage:
#   perl generate-test-data.pl DATA_DIR            records for zebraidx (start-zebra.sh does this)
#   perl generate-test-data.pl --keys KEYS_DIR     batch-1000.keys.txt + batch-1000.expected.txt (committed)
use strict;
use warnings;

sub xml_escape { my $s = shift; $s =~ s/&/&amp;/g; $s =~ s/</&lt;/g; $s =~ s/>/&gt;/g; $s =~ s/"/&quot;/g; return $s; }

sub isbn13_check {
    my $stem = shift;    # 12 digits
    my $sum = 0;
    my @d = split //, $stem;
    for my $i (0 .. 11) { $sum += $d[$i] * ($i % 2 ? 3 : 1); }
    return (10 - $sum % 10) % 10;
}

sub isbn10_check {
    my $stem = shift;    # 9 digits
    my $sum = 0;
    my @d = split //, $stem;
    for my $i (0 .. 8) { $sum += $d[$i] * (10 - $i); }
    my $c = (11 - $sum % 11) % 11;
    return $c == 10 ? 'X' : $c;
}

# Batch bib i (0..999): ISBN 97819 + 7-digit i + check; OCLC number 800000000 + i.
sub batch_isbn { my $stem = sprintf('97819%07d', shift); return $stem . isbn13_check($stem); }
sub batch_isbn_hyphenated { my $isbn = shift; return join('-', substr($isbn, 0, 3), substr($isbn, 3, 1), substr($isbn, 4, 5), substr($isbn, 9, 3), substr($isbn, 12, 1)); }
# ISBNs with valid check digits that no record carries.
sub missing_isbn { my $stem = sprintf('97819%07d', 5000000 + shift); return $stem . isbn13_check($stem); }

sub field {
    my ($tag, $ind, @subfields) = @_;
    my $x = sprintf('<datafield tag="%s" ind1="%s" ind2="%s">', $tag, substr($ind, 0, 1), substr($ind, 1, 1));
    while (@subfields) { my $code = shift @subfields; my $value = shift @subfields; $x .= sprintf('<subfield code="%s">%s</subfield>', $code, xml_escape($value)); }
    return $x . '</datafield>';
}

sub record {
    my ($leader, $id, $f008, @fields) = @_;
    return '<record><leader>' . $leader . '</leader><controlfield tag="001">' . $id . '</controlfield>'
        . '<controlfield tag="003">OclcCatalogingTest</controlfield><controlfield tag="008">' . $f008 . '</controlfield>'
        . join('', @fields) . "</record>\n";
}

sub bib {
    my ($id, %b) = @_;
    my @f;
    push @f, field('010', '  ', a => $b{lccn}) if $b{lccn};
    push @f, field('020', '  ', a => $b{isbn}) if $b{isbn};
    push @f, field('022', '0 ', a => $b{issn}) if $b{issn};
    push @f, field('035', '  ', a => $b{oclc}) if $b{oclc};
    push @f, field('100', '1 ', a => $b{author}) if $b{author};
    push @f, field('245', ($b{author} ? '1' : '0') . '0', a => $b{title});
    push @f, field('246', '3 ', a => $b{alt}) if $b{alt};
    push @f, field('650', ' 0', a => $_) for @{ $b{subjects} || [] };
    my $type = $b{serial} ? 'as' : 'am';
    return record("00000n${type} a2200000 a 4500", $id, '260101s' . ($b{year} || '2020') . '    nyu           000 1 eng d', @f);
}

sub authority {
    my ($id, $lccn, $tag, $heading, @seefrom) = @_;
    my @f = (field('010', '  ', a => $lccn), field($tag, '  ', @$heading));
    (my $seetag = $tag) =~ s/^1/4/;
    push @f, field($seetag, '  ', @$_) for @seefrom;
    return record('00000nz  a2200000n  4500', $id, '260101n| azannaabn          |a aaa      ', @f);
}

sub write_collection {
    my ($path, @records) = @_;
    open(my $out, '>', $path) or die "$path: $!";
    print $out qq{<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n}, @records, "</collection>\n";
    close $out;
}

sub write_records {
    my $dir = shift;
    my @known = (
        bib('okb0001', title => 'The master and Margarita', author => 'Bulgakov, Mikhail, 1891-1940', year => '1978',
            isbn => '0-679-76080-' . isbn10_check('067976080'), oclc => '(OCoLC)ocm00054321', lccn => '   78005201 ',
            subjects => ['Devil -- Fiction']),
        bib('okb0002', title => 'My brilliant friend', author => 'Ferrante, Elena', year => '2012',
            isbn => '978-1-60945-078-' . isbn13_check('978160945078') . ' (pbk.)', oclc => '(OCoLC)ocn712345678', lccn => '  2001012345',
            subjects => ['Friendship -- Fiction']),
        bib('okb0003', title => 'Zendegi', author => 'Egan, Greg, 1961-', year => '2010',
            isbn => '978-1-59780-174-' . isbn13_check('978159780174'), oclc => '(OCoLC)on1234567890', lccn => '   84023765 '),
        bib('okb0004', title => 'Die Zauberflote', alt => 'The magic flute', author => 'Mozart, Wolfgang Amadeus, 1756-1791', year => '1791',
            oclc => '(OCoLC)00098765', subjects => ['Operas']),
        bib('okb0005', title => 'Journal of batch searching', serial => 1, issn => '1234-5679', oclc => '(OCoLC)ocm00024680'),
        bib('okb0006', title => 'Adventures of Huckleberry Finn', author => 'Twain, Mark, 1835-1910', year => '1885',
            oclc => '(OCoLC)ocm00013579', subjects => ['Mississippi River -- Fiction']),
    );
    write_collection("$dir/bibs-known.xml", @known);

    my @authorities = (
        authority('oka0001', 'n  79021164', '100', [a => 'Twain, Mark,', d => '1835-1910'], [a => 'Clemens, Samuel Langhorne,', d => '1835-1910'], [a => 'Snodgrass, Quintus Curtius,', d => '1835-1910']),
        authority('oka0002', 'n  80022917', '100', [a => 'Mozart, Wolfgang Amadeus,', d => '1756-1791'], [a => 'Mozart, Johann Chrysostom Wolfgang Amadeus,', d => '1756-1791']),
        authority('oka0003', 'n  91122386', '100', [a => 'Ferrante, Elena'], [a => 'Ferrante, Helena']),
        authority('oka0004', 'n  79063823', '100', [a => 'Bulgakov, Mikhail,', d => '1891-1940'], [a => 'Bulgakov, Mikhail Afanasevich,', d => '1891-1940']),
        authority('oka0005', 'n  94084012', '100', [a => 'Egan, Greg,', d => '1961-'], [a => 'Egan, Gregory,', d => '1961-']),
        authority('oka0006', 'n  79032879', '100', [a => 'Austen, Jane,', d => '1775-1817'], [a => 'Austen, J.', q => '(Jane),', d => '1775-1817']),
        authority('oka0007', 'n  78087607', '100', [a => 'Dickens, Charles,', d => '1812-1870'], [a => 'Boz,', d => '1812-1870']),
        authority('oka0008', 'n  79041870', '100', [a => 'Woolf, Virginia,', d => '1882-1941'], [a => 'Stephen, Virginia,', d => '1882-1941']),
        authority('oka0009', 'n  79022383', '100', [a => 'Tolstoy, Leo,', c => 'graf,', d => '1828-1910'], [a => 'Tolstoi, Lev,', c => 'graf,', d => '1828-1910']),
        authority('oka0010', 'n  79100813', '100', [a => 'Shelley, Mary Wollstonecraft,', d => '1797-1851'], [a => 'Godwin, Mary Wollstonecraft,', d => '1797-1851']),
        authority('oka0011', 'n  79060645', '110', [a => 'Chemical Society (Great Britain)'], [a => 'Great Britain.', b => 'Chemical Society']),
        authority('oka0012', 'n  79043460', '110', [a => 'American Library Association'], [a => 'ALA']),
        authority('oka0013', 'n  2001045678', '111', [a => 'International Conference on Batch Searching'], [a => 'ICBS']),
        authority('oka0014', 'n  79041994', '151', [a => 'Mississippi River'], [a => 'Father of Waters']),
        authority('oka0015', 'no 97012345', '130', [a => 'Reading in mountain lakes'], [a => 'Mountain lakes reading']),
        authority('oka0016', 'sh 85061704', '150', [a => 'Ojibwa Indians', x => 'Treaties'], [a => 'Chippewa Indians', x => 'Treaties']),
        authority('oka0017', 'sh 85026371', '150', [a => 'Civil rights'], [a => 'Human rights, Civil']),
        authority('oka0018', 'sh 85017454', '150', [a => 'Buddhism'], [a => 'Buddhist religion']),
        authority('oka0019', 'sh 85052028', '150', [a => 'Friendship', v => 'Fiction']),
        authority('oka0020', 'sh 85020816', '150', [a => 'Cataloging'], [a => 'Cataloguing']),
        authority('oka0021', 'sh 85076502', '150', [a => 'Libraries', x => 'Automation'], [a => 'Library automation']),
        authority('oka0022', 'sh 85095213', '150', [a => 'Operas'], [a => 'Grand operas']),
        authority('oka0023', 'sh 85029552', '150', [a => 'Computer programming'], [a => 'Programming (Computers)']),
    );
    write_collection("$dir/authorities.xml", @authorities);

    # 160 bibs sharing the title word "zzpaging": paging past 150 and the MaxRecords cap.
    my @paging = map {
        bib(sprintf('okp%04d', $_), title => "Paging sample zzpaging volume $_", author => 'Pager, Paula', oclc => sprintf('(OCoLC)on%d', 9100000000 + $_))
    } 1 .. 160;
    write_collection("$dir/bibs-paging-160.xml", @paging);

    # 1,000 bibs with distinct ISBNs (hyphenated in the record) and OCLC numbers, for the 1,000-key batch.
    my @batch = map {
        bib(sprintf('okb1%04d', $_), title => "Batch record number $_", author => 'Batcher, Bob', isbn => batch_isbn_hyphenated(batch_isbn($_)),
            oclc => sprintf('(OCoLC)ocn%09d', 800000000 + $_))
    } 0 .. 999;
    write_collection("$dir/bibs-batch-1000.xml", @batch);
}

sub write_keys {
    my $dir = shift;
    my @found;
    for my $i (0 .. 699) {
        my $isbn = batch_isbn($i);
        my @forms = ($isbn, batch_isbn_hyphenated($isbn), "bn:$isbn", "$isbn (pbk.)", batch_isbn_hyphenated($isbn) . ' : $12.00');
        push @found, $forms[$i % @forms];
    }
    for my $i (700 .. 759) {
        my $n = 800000000 + $i;
        my @forms = ("#$n", "*$n", "no:$n", "ocn$n", "(OCoLC)ocn$n", "(OCoLC)$n");
        push @found, $forms[$i % @forms];
    }
    my @notfound = ((map { missing_isbn($_) } 0 .. 99), (map { '#' . (700000000 + $_) } 0 .. 49));
    my @toomany = map { ('ti:zzpaging', 'kw:zzpaging', 'au:pager', 'ti:zzpag*', 'ti:paging and ti:sample')[$_ % 5] } 0 .. 49;
    my @error = map { sprintf('an:n%08d', 79000000 + $_) } 0 .. 39;
    my @all = (@found, @notfound, @toomany, @error);
    die 'expected 1000 keys' unless @all == 1000;
    # Interleave the groups deterministically: 7919 is coprime with 1000, so this is a permutation.
    my @keys = map { $all[($_ * 7919) % 1000] } 0 .. 999;
    open(my $out, '>', "$dir/batch-1000.keys.txt") or die $!;
    print $out "$_\n" for @keys;
    close $out;
    open($out, '>', "$dir/batch-1000.expected.txt") or die $!;
    print $out "# Expected outcome of batch-1000.keys.txt against the project's Zebra test server\n";
    print $out "# (SruSearchTarget with SruIndexMap.Zebra, MaxRecords 1, TooManyThreshold 100).\n";
    print $out "# Found: ISBN keys (plain, hyphenated, bn:, with qualifiers) and OCLC-number keys (#, *, no:, ocn, (OCoLC)).\n";
    print $out "# NotFound: valid ISBNs and OCLC numbers no record carries. TooMany: keys matching the 160 zzpaging bibs.\n";
    print $out "# Error: an: keys; the server has no authority-record-number index and answers with SRU diagnostic 16.\n";
    printf $out "Found=%d\nNotFound=%d\nTooMany=%d\nError=%d\nRecords=%d\n", scalar(@found), scalar(@notfound), scalar(@toomany), scalar(@error), scalar(@found);
    close $out;
}

if (@ARGV == 2 && $ARGV[0] eq '--keys') { write_keys($ARGV[1]); }
elsif (@ARGV == 1) { write_records($ARGV[0]); }
else { die "usage: $0 DATA_DIR | --keys KEYS_DIR\n"; }
