using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;
using Xunit;
using Xunit.Abstractions;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// MARC-8 conformance (issue 3): our MARCXML for every MARC-8 record of the corpus against yaz-marcdump
/// (<c>-f MARC-8 -t UTF-8</c>) and Perl MARC::File::XML (BinaryEncoding utf8, MARC::Charset), after
/// canonicalisation (lengths masked, NFC). Every differing line is listed in marc8-expected-differences.txt
/// with its reason; an unlisted difference or a stale entry fails. Also the brkrtest.mrc / brkrtest_UTF8.mrc pair.
/// </summary>
public class Marc8ConformanceTests
{
    private readonly ITestOutputHelper _out;

    public Marc8ConformanceTests(ITestOutputHelper output) { _out = output; }

    private static string ExpectationsPath => Path.Combine(TestPaths.RepoRoot!, "tests", "OclcCataloging.Core.Tests", "Conformance", "marc8-expected-differences.txt");

    /// <summary>One expected differing line: file, record byte offset, tool, our line, their line, reason.</summary>
    internal sealed record Expected(string File, long Offset, string Tool, string Ours, string Theirs, string Reason)
    {
        public string Key => File + "|" + Offset + "|" + Tool + "|" + Ours + "|" + Theirs;
    }

    /// <summary>
    /// Parses the expectations file: blocks of <c>file:</c>, <c>record:</c> (byte offset), <c>tool:</c> (yaz or
    /// perl), <c>ours:</c>, <c>theirs:</c> and <c>reason:</c> lines separated by blank lines; '#' starts a comment.
    /// A missing line (a record one side has fewer lines for) is written <c>&lt;none&gt;</c>.
    /// </summary>
    internal static List<Expected> LoadExpectations()
    {
        var list = new List<Expected>();
        var block = new Dictionary<string, string>();
        void Flush()
        {
            if (block.Count == 0) return;
            foreach (string k in new[] { "file", "record", "tool", "ours", "theirs", "reason" })
                if (!block.ContainsKey(k) || block[k].Length == 0) throw new InvalidDataException("marc8-expected-differences.txt: an entry lacks '" + k + "': " + string.Join(" / ", block.Values));
            if (block["reason"].Length < 20) throw new InvalidDataException("marc8-expected-differences.txt: the reason for " + block["file"] + " " + block["record"] + " is too short to be specific.");
            list.Add(new Expected(block["file"], long.Parse(block["record"], CultureInfo.InvariantCulture), block["tool"], block["ours"], block["theirs"], block["reason"]));
            block.Clear();
        }
        foreach (string raw in File.ReadAllLines(ExpectationsPath, Encoding.UTF8))
        {
            if (raw.StartsWith('#')) continue;
            if (raw.Trim().Length == 0)
            {
                Flush();
                continue;
            }
            int colon = raw.IndexOf(':');
            if (colon < 0) throw new InvalidDataException("marc8-expected-differences.txt: line without a key: " + raw);
            string key = raw.Substring(0, colon).Trim();
            string value = raw.Substring(colon + 1);
            if (value.StartsWith(' ')) value = value.Substring(1);
            block[key] = block.TryGetValue(key, out string? prev) ? prev + " " + value.Trim() : value;
        }
        Flush();
        return list;
    }

    /// <summary>ISO 2709 files with records whose leader/09 is not 'a' (MARC-8), and those records.</summary>
    private static IEnumerable<(string File, string Rel, byte[] Content, List<MarcRecord> Records)> Marc8Files()
    {
        foreach (string file in XmlConformanceTests.CorpusFiles(XmlConformanceTests.IsIsoFile))
        {
            byte[] content = XmlConformanceTests.Content(file);
            var records = XmlConformanceTests.ReadIso(content, file)
                .Where(r => r.Record != null && r.Record.Leader.CharacterCodingScheme != 'a')
                .Select(r => r.Record!).ToList();
            if (records.Count > 0) yield return (file, XmlConformanceTests.Rel(file), content, records);
        }
    }

    /// <summary>
    /// Warnings that mean our ISO 2709 reader framed the record or found its fields differently from a naive reader
    /// (record length, directory, base address, terminators). Such records are compared with yaz in
    /// XmlConformanceTests/Iso2709CorpusTests; here they would only repeat those structural differences, so the
    /// MARC-8 comparison leaves them out and says how many (per file) in the test output.
    /// </summary>
    internal static readonly HashSet<string> StructuralWarnings = new()
    {
        MarcDiagnosticCodes.RecordLengthMismatch, MarcDiagnosticCodes.RecordLengthNotNumeric, MarcDiagnosticCodes.OversizeRecord,
        MarcDiagnosticCodes.MissingRecordTerminator, MarcDiagnosticCodes.TruncatedRecord, MarcDiagnosticCodes.BaseAddressInvalid,
        MarcDiagnosticCodes.DirectoryInvalid, MarcDiagnosticCodes.DirectoryRebuilt, MarcDiagnosticCodes.FieldOffsetInvalid,
        MarcDiagnosticCodes.OversizeField, MarcDiagnosticCodes.MissingFieldTerminator,
    };

    private static readonly MarcXmlCanonicalizer.Settings Canon = new() { MaskLeaderStructure = true };

    private static IEnumerable<(string File, string Rel, byte[] Content, List<MarcRecord> Records, int Structural)> ComparableMarc8Files()
    {
        foreach (var (file, rel, content, records) in Marc8Files())
        {
            var ok = records.Where(r => !r.Warnings.Any(w => StructuralWarnings.Contains(w.Code))).ToList();
            yield return (file, rel, content, ok, records.Count - ok.Count);
        }
    }

    private static byte[] OurXml(List<MarcRecord> records)
    {
        var ms = new MemoryStream();
        using (var w = new MarcXmlWriter(ms, new MarcXmlWriterOptions { LeaveOpen = true }))
        {
            foreach (var r in records) w.Write(r);
            w.Complete();
        }
        return ms.ToArray();
    }

    private const string PerlToXml = @"
use strict; use warnings;
use MARC::Batch;
use MARC::File::XML (BinaryEncoding => 'utf8', RecordFormat => 'USMARC');
binmode STDOUT, ':raw';
my $file = shift;
open(my $fh, '<:raw', $file) or die $!;
local $/ = ""\x1D"";
my $offset = 0;
print qq{<?xml version=""1.0"" encoding=""UTF-8""?>\n<collection xmlns=""http://www.loc.gov/MARC21/slim"">\n};
while (my $chunk = <$fh>) {
    my $at = $offset; $offset += length($chunk);
    next unless $chunk =~ /\x1D$/;
    my $r = eval { MARC::Record->new_from_usmarc($chunk) };
    next unless $r;
    next if substr($r->leader, 9, 1) eq 'a';
    my $x = eval { MARC::File::XML::record($r) };
    next unless defined $x;
    print ""<!-- Record 0 offset $at -->\n"";
    utf8::encode($x) if utf8::is_utf8($x);
    print $x, ""\n"";
}
print ""</collection>\n"";
";

    private static bool PerlMarcXmlAvailable =>
        ExternalTools.Perl != null && ExternalTools.Run(ExternalTools.Perl, new[] { "-MMARC::File::XML", "-MMARC::Charset", "-e", "1" }, TimeSpan.FromSeconds(30)).ExitCode == 0;

    private List<CanonicalRecord> Theirs(string tool, string path)
    {
        if (tool == "yaz")
        {
            var yaz = ExternalTools.Run(ExternalTools.YazMarcdump!, new[] { "-p", "-f", "MARC-8", "-t", "UTF-8", "-i", "marc", "-o", "marcxml", path }, TimeSpan.FromMinutes(2));
            return MarcXmlCanonicalizer.Canonicalize(Escaped(yaz.StdOut), Canon);
        }
        var perl = ExternalTools.Run(ExternalTools.Perl!, new[] { "-e", PerlToXml, path }, TimeSpan.FromMinutes(2));
        return MarcXmlCanonicalizer.Canonicalize(Escaped(perl.StdOut), Canon);
    }

    /// <summary>
    /// The tool's output (captured as Latin-1) decoded as UTF-8, with raw C0 controls (which the tools copy into
    /// their XML unescaped) turned into character references the canonicaliser accepts and shows as &lt;U+XXXX&gt;.
    /// </summary>
    private static string Escaped(string latin1Output)
    {
        string text = new UTF8Encoding(false, false).GetString(Encoding.Latin1.GetBytes(latin1Output));
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') sb.Append("&#x").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(';');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    [CorpusFact(RequiresYaz = true)]
    public void Our_MarcXml_for_Marc8_records_matches_yaz_and_Perl_except_for_listed_differences()
    {
        bool perl = PerlMarcXmlAvailable;
        if (!perl) _out.WriteLine("Perl MARC::File::XML / MARC::Charset not installed: only yaz is compared (Perl entries are not checked).");
        var tools = perl ? new[] { "yaz", "perl" } : new[] { "yaz" };
        List<Expected> expected = LoadExpectations();
        var expectedKeys = expected.ToDictionary(e => e.Key, e => e);
        var used = new HashSet<string>();
        var unexplained = new List<string>();
        var temps = new List<string>();
        try
        {
            _out.WriteLine($"{"file",-50} {"tool",-5} {"recs",5} {"same",5} {"listed",6} {"unexpl",6} {"notInTool",6}");
            foreach (var (file, rel, content, records, structural) in ComparableMarc8Files())
            {
                if (structural > 0) _out.WriteLine($"{rel,-50} {structural} record(s) with structural warnings left out");
                if (records.Count == 0) continue;
                var ours = MarcXmlCanonicalizer.Canonicalize(OurXml(records), Canon);
                var byOffset = new Dictionary<long, CanonicalRecord>();
                for (int i = 0; i < records.Count; i++) byOffset[records[i].Origin!.ByteOffset] = ours[i];
                string path = file;
                if (MarcFormatDetector.IsGzip(File.ReadAllBytes(file), 2))
                {
                    path = Path.Combine(Path.GetTempPath(), "oclc-m8-" + Guid.NewGuid().ToString("N") + ".mrc");
                    File.WriteAllBytes(path, content);
                    temps.Add(path);
                }
                foreach (string tool in tools)
                {
                    int same = 0, listed = 0, bad = 0, matched = 0;
                    List<CanonicalRecord> theirs;
                    try
                    {
                        theirs = Theirs(tool, path);
                    }
                    catch (System.Xml.XmlException e)
                    {
                        // the tool wrote XML that is not well-formed: listed as one entry (record -1) or unexplained
                        string key0 = rel + "|-1|" + tool + "|<document>|<not well-formed>";
                        if (expectedKeys.ContainsKey(key0)) used.Add(key0);
                        else unexplained.Add("file: " + rel + "\nrecord: -1\ntool: " + tool + "\nours: <document>\ntheirs: <not well-formed>\nreason: ? (" + e.Message + ")\n");
                        _out.WriteLine($"{rel,-50} {tool,-5} output is not well-formed XML: {e.Message}");
                        continue;
                    }
                    foreach (CanonicalRecord t in theirs)
                    {
                        if (t.SourceOffset == null || !byOffset.TryGetValue(t.SourceOffset.Value, out CanonicalRecord? mine)) continue; // UTF-8 record or one we frame differently: compared elsewhere
                        matched++;
                        if (mine.Text == t.Text)
                        {
                            same++;
                            continue;
                        }
                        int n = Math.Max(mine.Lines.Count, t.Lines.Count);
                        for (int i = 0; i < n; i++)
                        {
                            string a = i < mine.Lines.Count ? mine.Lines[i] : "<none>";
                            string b = i < t.Lines.Count ? t.Lines[i] : "<none>";
                            if (a == b) continue;
                            string key = rel + "|" + t.SourceOffset + "|" + tool + "|" + a + "|" + b;
                            if (expectedKeys.ContainsKey(key))
                            {
                                used.Add(key);
                                listed++;
                            }
                            else
                            {
                                bad++;
                                unexplained.Add("file: " + rel + "\nrecord: " + t.SourceOffset + "\ntool: " + tool + "\nours: " + a + "\ntheirs: " + b + "\nreason: ?\n");
                            }
                        }
                    }
                    // records the tool did not write at the same offset (it framed or skipped them: see Iso2709CorpusTests) are not compared
                    _out.WriteLine($"{rel,-50} {tool,-5} {records.Count,5} {same,5} {listed,6} {bad,6} {records.Count - matched,6}");
                }
            }
        }
        finally
        {
            foreach (string t in temps) File.Delete(t);
        }
        var stale = expected.Where(e => !used.Contains(e.Key) && (perl || e.Tool != "perl")).ToList();
        foreach (var s in stale) _out.WriteLine("STALE: " + s.File + " record " + s.Offset + " (" + s.Tool + "): " + s.Ours);
        foreach (string u in unexplained.Take(2000)) _out.WriteLine(u);
        Assert.True(unexplained.Count == 0 && stale.Count == 0,
            unexplained.Count + " unexplained differing line(s), " + stale.Count + " stale expectation(s); see the test output.\n" + string.Join("\n", unexplained.Take(20)));
    }

    [CorpusFact]
    public void Expectations_file_has_no_blanket_or_duplicate_entries()
    {
        var list = LoadExpectations();
        Assert.All(list, e => Assert.True(e.Tool == "yaz" || e.Tool == "perl", "tool must be yaz or perl: " + e.Tool));
        Assert.All(list, e => Assert.DoesNotContain("*", e.File));
        Assert.Equal(list.Count, list.Select(e => e.Key).Distinct().Count());
    }

    /// <summary>Issue 3, Done-when 1: brkrtest.mrc and brkrtest_UTF8.mrc convert into each other.</summary>
    [CorpusFact]
    public void Brkrtest_Marc8_and_Utf8_convert_both_ways_to_the_same_records()
    {
        var marc8 = XmlConformanceTests.ReadIso(File.ReadAllBytes(TestPaths.CorpusFile("marc4j", "brkrtest.mrc")), "brkrtest.mrc").Select(r => r.Record!).ToList();
        byte[] utf8Bytes = File.ReadAllBytes(TestPaths.CorpusFile("marc4j", "brkrtest_UTF8.mrc"));
        var utf8 = XmlConformanceTests.ReadIso(utf8Bytes, "brkrtest_UTF8.mrc").Select(r => r.Record!).ToList();
        Assert.Equal(8, marc8.Count);
        Assert.Equal(8, utf8.Count);
        byte[] marc8Bytes = File.ReadAllBytes(TestPaths.CorpusFile("marc4j", "brkrtest.mrc"));
        for (int i = 0; i < 8; i++)
        {
            // MARC-8 -> Unicode: the UTF-8 file is not normalised (marks after their base), so compare without normalisation ...
            MarcRecord u = MarcEncodingConverter.ToUnicode(marc8[i], new Marc8DecoderOptions { Normalization = Marc8Normalization.None });
            Assert.Empty(u.Warnings);
            Assert.Equal(new List<string>(), u.Compare(utf8[i]));
            // ... and the default NFC output equals the UTF-8 file's text in NFC
            MarcRecord nfc = MarcEncodingConverter.ToUnicode(marc8[i]);
            Assert.Equal(Fields(utf8[i].ToMarcText().Normalize(NormalizationForm.FormC)), Fields(nfc.ToMarcText()));
            // written as UTF-8 ISO 2709: the UTF-8 file's bytes, leader lengths aside
            byte[] written = Iso2709Writer.ToBytes(u);
            var o = utf8[i].Origin!;
            byte[] expectedUtf8 = utf8Bytes.AsSpan((int)o.ByteOffset, (int)o.ByteLength).ToArray();
            Assert.Equal(MaskLengths(expectedUtf8), MaskLengths(written));

            // Unicode -> MARC-8: the MARC-8 file's bytes exactly (its leader lengths are right for MARC-8)
            MarcRecord m = MarcEncodingConverter.ToMarc8(utf8[i]);
            Assert.Empty(m.Warnings);
            var mo = marc8[i].Origin!;
            Assert.Equal(marc8Bytes.AsSpan((int)mo.ByteOffset, (int)mo.ByteLength).ToArray(), Iso2709Writer.ToBytes(m));
        }
    }

    private static string Fields(string marcText) => marcText.Substring(marcText.IndexOf('\n') + 1);

    private static string MaskLengths(byte[] record)
    {
        string s = Encoding.Latin1.GetString(record);
        return "#####" + s.Substring(5, 7) + "#####" + s.Substring(17);
    }

    /// <summary>Every MARC-8 record of the corpus decodes without throwing, and no decoded subfield is empty unless its bytes are.</summary>
    [CorpusFact]
    public void Every_Marc8_record_of_the_corpus_decodes_and_no_subfield_is_emptied()
    {
        int records = 0, warned = 0;
        var byCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, rel, _, list) in Marc8Files())
        {
            foreach (MarcRecord r in list)
            {
                records++;
                MarcRecord u = MarcEncodingConverter.ToUnicode(r);
                Assert.Equal('a', u.Leader.CharacterCodingScheme);
                Assert.Equal(r.Fields.Count, u.Fields.Count);
                for (int i = 0; i < r.Fields.Count; i++)
                {
                    if (r.Fields[i] is DataField d && u.Fields[i] is DataField e)
                    {
                        Assert.Equal(d.Subfields.Count, e.Subfields.Count);
                        for (int k = 0; k < d.Subfields.Count; k++)
                        {
                            if (d.Subfields[k].RawValue.RawCount > 0 || d.Subfields[k].Value.Length > 0)
                                Assert.True(e.Subfields[k].Value.Length > 0, rel + " record " + r.Origin!.Ordinal + " field " + d.Tag + " $" + d.Subfields[k].Code + " decoded empty");
                        }
                    }
                }
                var conv = u.Warnings.Skip(r.Warnings.Count).ToList();
                if (conv.Count > 0) warned++;
                foreach (var w in conv)
                {
                    byCode[w.Code] = byCode.GetValueOrDefault(w.Code) + 1;
                    Assert.NotNull(w.Tag);
                    Assert.True(w.ByteOffset >= r.Origin!.ByteOffset && w.ByteOffset < r.Origin.ByteOffset + r.Origin.ByteLength, "warning offset outside the record: " + w);
                }
            }
        }
        _out.WriteLine(records + " MARC-8 records decoded, " + warned + " with conversion warnings: " + string.Join(", ", byCode.Select(kv => kv.Key + " " + kv.Value)));
        Assert.True(records > 1000);
    }
}
