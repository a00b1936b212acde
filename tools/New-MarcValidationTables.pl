#!/usr/bin/perl
# Regenerates the MARC 21 tables Test-MarcRecord validates against:
#   src/OclcCataloging.Core/Marc/Validation/Tables/bibliographic.tsv
#   src/OclcCataloging.Core/Marc/Validation/Tables/authority.tsv
#   src/OclcCataloging.Core/Marc/Validation/Tables/holdings.tsv
#   src/OclcCataloging.Core/Marc/Validation/Tables/codes.tsv
# The file format is described in docs/design/marc-validation.md ("Table files").
#
# Sources (facts only, written in our own format; see the design note for the update numbers):
#  - Bibliographic tags, indicators and subfields, and the language / geographic area code lists: the Library of
#    Congress's MARC 21 Bibliographic format and MARC Code Lists, as tabulated in the installed Perl module
#    MARC::Lint 1.53 (its data section; its changelog: "Updates No. 25-30 (December 2017-May 2020)") and MARC::Lint::CodeData.
#    LC's site (www.loc.gov/marc) cannot be reached from the build machine; pass --lint to use another copy.
#  - Authority and holdings tags, indicators and subfields: LC's MARC 21 Authority and Holdings format pages as
#    scraped into JSON by the timathom/marc-schema project (marc21_authority_schema.json,
#    marc21_holdings_schema.json); pass their paths with --authority and --holdings.
#  - Control fields the scrape lacks and obsolete tags: the lists at the end of this script, from the same LC pages.
#
# Usage: perl tools/New-MarcValidationTables.pl --authority PATH --holdings PATH [--out DIR] [--lint PATH]
use strict;
use warnings;
use Getopt::Long;
use JSON::PP;
use File::Spec;
no warnings qw(once);

my ($authority_json, $holdings_json, $lint_path);
my $out = File::Spec->catdir(dirname_of(__FILE__), '..', 'src', 'OclcCataloging.Core', 'Marc', 'Validation', 'Tables');
GetOptions('authority=s' => \$authority_json, 'holdings=s' => \$holdings_json, 'out=s' => \$out, 'lint=s' => \$lint_path)
    or die "usage: $0 --authority PATH --holdings PATH [--out DIR] [--lint PATH]\n";
die "--authority and --holdings are required\n" unless $authority_json && $holdings_json;

require MARC::Lint::CodeData;
unless ($lint_path) {
    require MARC::Lint;
    $lint_path = $INC{'MARC/Lint.pm'};
}

sub dirname_of { my ($p) = @_; $p =~ s{[/\\][^/\\]*$}{}; return $p eq $_[0] ? '.' : $p; }

# ---- our table model: tag => { rep => 'R'|'N', ind1 => chars|'*', ind2 => chars|'*', sub => [[code, 'R'|'N'], ...] | undef, label }
sub expand_codes {
    my ($spec) = @_;    # "b01", "0-9", "blank"
    return '#' if $spec eq 'blank';
    my $s = $spec;
    $s =~ s/^b/#/;
    $s =~ s/(\w)-(\w)/join('', $1 .. $2)/ge;
    return $s;
}

sub read_lint_tables {
    my ($path) = @_;
    open(my $fh, '<', $path) or die "$path: $!";
    local $/;
    my $text = <$fh>;
    close $fh;
    my ($data) = $text =~ /\n__DATA__\n(.*)\z/s or die "$path: no data section";
    my %t;
    for my $block (split /\n\s*\n/, $data) {
        my @lines = grep { /\S/ } split /\n/, $block;
        next unless @lines;
        my ($tag, $rep, $label) = split /\s+/, shift(@lines), 3;
        next unless defined $tag && $tag =~ /^\d{3}$/;
        my %f = (rep => ($rep eq 'NR' ? 'N' : 'R'), ind1 => '*', ind2 => '*', sub => undef, label => ucfirst(lc($label // '')));
        if (@lines >= 3 && $tag ge '010') {
            my @subs;
            for my $line (@lines) {
                my ($key, $val) = split /\s+/, $line, 3;
                if ($key =~ /^ind([12])$/) {
                    $f{"ind$1"} = ($val eq 'Same' ? '*' : expand_codes($val));
                } elsif ($key =~ /^(.)-(.)$/) {
                    push @subs, [$_, $val eq 'NR' ? 'N' : 'R'] for ($1 .. $2);
                } elsif (length($key) == 1) {
                    push @subs, [$key, $val eq 'NR' ? 'N' : 'R'];
                }
            }
            $f{sub} = \@subs if @subs && $f{ind1} ne '*';
            # 880 takes its rules from the field it links to (subfield 6); it stays unchecked here.
        }
        $t{$tag} = \%f;
    }
    return \%t;
}

sub json_codes {
    my ($ind) = @_;
    return '*' unless $ind && $ind->{codes};
    my $s = '';
    for my $k (sort keys %{ $ind->{codes} }) {
        if ($k eq ' ') { $s = '#' . $s; next; }
        if ($k =~ /^(\w)-(\w)$/) { $s .= join('', $1 .. $2); next; }
        $s .= $k if length($k) == 1;
    }
    return $s eq '' ? '*' : $s;
}

sub read_schema_tables {
    my ($path) = @_;
    open(my $fh, '<:raw', $path) or die "$path: $!";
    local $/;
    my $doc = JSON::PP->new->decode(<$fh>);
    close $fh;
    my %t;
    for my $tag (keys %{ $doc->{fields} }) {
        next unless $tag =~ /^\d{3}$/;
        my $f = $doc->{fields}{$tag};
        my %e = (rep => ($f->{repeatable} ? 'R' : 'N'), ind1 => '*', ind2 => '*', sub => undef, label => $f->{label} // '');
        if ($tag ge '010' && $f->{subfields}) {
            $e{ind1} = json_codes($f->{indicator1});
            $e{ind2} = json_codes($f->{indicator2});
            my @subs;
            for my $code (sort keys %{ $f->{subfields} }) {
                my $rep = $f->{subfields}{$code}{repeatable} ? 'R' : 'N';
                (my $range = $code) =~ s/\$//g;
                if ($range =~ /^(\w)-(\w)$/) {
                    # a range such as "a-z" marks a locally defined block (853-855 $a-$z captions): accept any code.
                    push @subs, [$_, 'R'] for ($1 .. $2);
                } elsif (length($range) == 1) {
                    push @subs, [$range, $rep];
                }
            }
            $e{sub} = \@subs;
            $e{ind1} = '*' if $tag eq '880';
            $e{ind2} = '*' if $tag eq '880';
            $e{sub} = undef if $tag eq '880';
        }
        $t{$tag} = \%e;
    }
    return \%t;
}

sub add_control_fields {
    my ($t, $list) = @_;
    for my $item (@$list) {
        my ($tag, $rep, $label) = @$item;
        $t->{$tag} //= { rep => $rep, ind1 => '*', ind2 => '*', sub => undef, label => $label };
    }
}

sub write_table {
    my ($file, $format, $source, $update, $t, $obsolete) = @_;
    open(my $fh, '>:raw', $file) or die "$file: $!";
    print $fh "# MARC 21 $format format: tags, indicators, subfields. Generated by tools/New-MarcValidationTables.pl; do not edit.\n";
    print $fh "# Columns: tag, R|N (repeatable), ind1, ind2 (# = blank, * = not checked), subfields (code + R|N each; * = not checked), flags (O = obsolete), name.\n";
    print $fh "\@format\t$format\n\@source\t$source\n\@update\t$update\n";
    my %obs = map { $_ => 1 } @$obsolete;
    for my $tag (sort keys %$t) {
        my $f = $t->{$tag};
        my $subs = defined $f->{sub} ? join('', map { $_->[0] . $_->[1] } @{ $f->{sub} }) : '*';
        $subs = '*' if $subs eq '';
        my $flags = $obs{$tag} ? 'O' : '';
        (my $label = $f->{label}) =~ s/[\t\r\n]+/ /g;
        print $fh join("\t", $tag, $f->{rep}, $f->{ind1}, $f->{ind2}, $subs, $flags, $label), "\n";
    }
    for my $tag (@$obsolete) {
        next if $t->{$tag};
        print $fh join("\t", $tag, 'R', '*', '*', '*', 'O', 'Obsolete'), "\n";
    }
    close $fh;
}

sub write_codes {
    my ($file) = @_;
    open(my $fh, '>:raw', $file) or die "$file: $!";
    print $fh "# MARC Code Lists for Languages and Geographic Areas (LC), as tabulated in MARC::Lint::CodeData $MARC::Lint::CodeData::VERSION.\n";
    print $fh "# Generated by tools/New-MarcValidationTables.pl; do not edit. Columns: list, code.\n";
    my @lists = (
        ['language', \%MARC::Lint::CodeData::LanguageCodes],
        ['language-obsolete', \%MARC::Lint::CodeData::ObsoleteLanguageCodes],
        ['geographic', \%MARC::Lint::CodeData::GeogAreaCodes],
        ['geographic-obsolete', \%MARC::Lint::CodeData::ObsoleteGeogAreaCodes],
    );
    for my $l (@lists) {
        print $fh "$l->[0]\t$_\n" for sort keys %{ $l->[1] };
    }
    close $fh;
}

my $bib = read_lint_tables($lint_path);
my $auth = read_schema_tables($authority_json);
my $hold = read_schema_tables($holdings_json);

# Control fields each format defines (LC's "Control Fields" pages); the JSON scrape lists only 001, 003, 005.
add_control_fields($auth, [['001', 'N', 'Control number'], ['003', 'N', 'Control number identifier'],
    ['005', 'N', 'Date and time of latest transaction'], ['008', 'N', 'Fixed-length data elements']]);
add_control_fields($hold, [['001', 'N', 'Control number'], ['003', 'N', 'Control number identifier'],
    ['004', 'N', 'Control number for related bibliographic record'], ['005', 'N', 'Date and time of latest transaction'],
    ['006', 'R', 'Fixed-length data elements--additional material characteristics'],
    ['007', 'R', 'Physical description fixed field'], ['008', 'N', 'Fixed-length data elements']]);

# Obsolete bibliographic fields (LC's format pages mark them [OBSOLETE]).
my @bib_obsolete = qw(211 212 214 241 265 301 302 303 304 305 308 315 350 359 440 503 512 517 523 527 537 543 570 582 652 680 681 683 755);

write_table("$out/bibliographic.tsv", 'Bibliographic', 'LC MARC 21 Bibliographic via MARC::Lint 1.53 data section',
    'Update No. 30 (May 2020)', $bib, \@bib_obsolete);
write_table("$out/authority.tsv", 'Authority', 'LC MARC 21 Authority pages via timathom/marc-schema (2024-02)',
    'Update No. 37 (December 2023)', $auth, []);
write_table("$out/holdings.tsv", 'Holdings', 'LC MARC 21 Holdings pages via timathom/marc-schema (2024-02)',
    'Update No. 37 (December 2023)', $hold, []);
write_codes("$out/codes.tsv");
print "Tables written to $out\n";
