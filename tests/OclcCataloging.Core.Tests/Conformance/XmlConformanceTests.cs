using System.Globalization;
using System.IO.Compression;
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
/// MARCXML against the shared corpus and the reference tools (docs/marc.md section 4): reading every MARCXML
/// file, ISO 2709 -> MARCXML -> ISO 2709 byte identity, and our MARCXML against yaz-marcdump's after
/// canonicalisation.
/// </summary>
public class XmlConformanceTests
{
    private readonly ITestOutputHelper _out;

    public XmlConformanceTests(ITestOutputHelper output) { _out = output; }

    // ------------------------------------------------------------------ corpus helpers

    internal static IEnumerable<string> CorpusFiles(Func<string, bool> filter)
    {
        return Directory.EnumerateFiles(TestPaths.CorpusDir!, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("MANIFEST.md", StringComparison.Ordinal))
            .Where(filter)
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    internal static string Rel(string path) => Path.GetRelativePath(TestPaths.CorpusDir!, path).Replace('\\', '/');

    private static readonly string[] NotIso = { ".xml", ".json", ".ndj", ".mrk", ".mrk8", ".md" };

    internal static bool IsIsoFile(string path) => !NotIso.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The file's bytes, gunzipped when it is gzip.</summary>
    internal static byte[] Content(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (!MarcFormatDetector.IsGzip(bytes, bytes.Length)) return bytes;
        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    internal static List<MarcReadResult> ReadIso(byte[] content, string name)
    {
        var list = new List<MarcReadResult>();
        using var reader = new Iso2709Reader(new MemoryStream(content), name);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r);
        return list;
    }

    internal static List<MarcReadResult> ReadXml(byte[] content, string? name = null, MarcXmlReaderOptions? options = null)
    {
        var list = new List<MarcReadResult>();
        using var reader = new MarcXmlReader(new MemoryStream(content), name, options);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r);
        return list;
    }

    /// <summary>Content as a file yaz can read (gzip files are written out decompressed).</summary>
    private static string FileForTools(string path, byte[] content, List<string> temps)
    {
        if (!MarcFormatDetector.IsGzip(File.ReadAllBytes(path), 2)) return path;
        string tmp = Path.Combine(Path.GetTempPath(), "oclc-xml-conf-" + Guid.NewGuid().ToString("N") + ".mrc");
        File.WriteAllBytes(tmp, content);
        temps.Add(tmp);
        return tmp;
    }

    private static readonly Regex RecordsRead = new(@"records read:\s*(\d+)", RegexOptions.CultureInvariant);

    // ------------------------------------------------------------------ (1) every MARCXML file

    private const string PerlXmlCount = @"
use strict; use warnings;
use MARC::Batch;
use MARC::File::XML (BinaryEncoding => 'utf8', RecordFormat => 'USMARC');
my $b = MARC::Batch->new('XML', shift); $b->strict_off; $b->warnings_off;
my ($n, $died) = (0, 0);
while (1) { my $r = eval { $b->next }; if ($@) { $died++; last if $died > 100000; next; } last unless defined $r; $n++; }
print ""records: $n\ndied: $died\n"";
";

    [CorpusFact(RequiresYaz = true)]
    public void Every_MarcXml_file_is_read_with_at_least_as_many_records_as_yaz_and_Perl()
    {
        bool perl = ExternalTools.Perl != null &&
                    ExternalTools.Run(ExternalTools.Perl, new[] { "-MMARC::File::XML", "-e", "1" }, TimeSpan.FromSeconds(30)).ExitCode == 0;
        if (!perl) _out.WriteLine("Perl MARC::File::XML is not installed (Debian libmarc-xml-perl): the Perl column comes from MANIFEST.md (marked *).");

        var failures = new List<string>();
        _out.WriteLine($"{"file",-45} {"ours",5} {"errors",6} {"warned",6} {"yaz",5} {"perl",5}");
        foreach (string file in CorpusFiles(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            byte[] bytes = File.ReadAllBytes(file);
            List<MarcReadResult> results = ReadXml(bytes, file);
            int ours = results.Count(r => r.IsRecord);
            int errors = results.Count(r => !r.IsRecord);
            int warned = results.Count(r => r.IsRecord && r.Record!.HasWarnings);

            var yaz = ExternalTools.Run(ExternalTools.YazMarcdump!, new[] { "-n", "-r", "-i", "marcxml", file }, TimeSpan.FromMinutes(2));
            Match m = RecordsRead.Match(yaz.StdErr + "\n" + yaz.StdOut);
            int yazCount = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

            int perlCount = -1;
            string perlShown = "-";
            if (perl)
            {
                var p = ExternalTools.Run(ExternalTools.Perl!, new[] { "-e", PerlXmlCount, file }, TimeSpan.FromMinutes(2));
                Match pm = Regex.Match(p.StdOut, @"records: (\d+)");
                perlCount = pm.Success ? int.Parse(pm.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
                perlShown = perlCount.ToString(CultureInfo.InvariantCulture);
            }
            else if (ManifestPerlCount(Rel(file)) is int fromManifest)
            {
                perlCount = fromManifest;
                perlShown = fromManifest.ToString(CultureInfo.InvariantCulture) + "*";
            }

            _out.WriteLine($"{Rel(file),-45} {ours,5} {errors,6} {warned,6} {yazCount,5} {perlShown,5}");
            foreach (var r in results)
            {
                if (r.Error != null) _out.WriteLine("    error: " + r.Error);
                else if (r.Record!.HasWarnings) _out.WriteLine("    record " + r.Record.Origin!.Ordinal + ": " + string.Join(" | ", r.Record.Warnings));
            }
            if (ours < Math.Max(yazCount, perlCount))
                failures.Add(Rel(file) + ": " + ours + " records, yaz " + yazCount + ", Perl " + perlCount);
            // ordinals count records and errors, in order
            for (int i = 0; i < results.Count; i++)
            {
                MarcOrigin o = results[i].Record?.Origin ?? results[i].Error!.Origin;
                if (o.Ordinal != i + 1) failures.Add(Rel(file) + ": result " + (i + 1) + " has ordinal " + o.Ordinal);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The Perl count MANIFEST.md gives for a file ("others: perl=ok=N"), or null.</summary>
    private static int? ManifestPerlCount(string rel)
    {
        string manifest = Path.Combine(TestPaths.CorpusDir!, "MANIFEST.md");
        if (!File.Exists(manifest)) return null;
        string text = File.ReadAllText(manifest);
        int at = text.IndexOf("## " + rel + "\n", StringComparison.Ordinal);
        if (at < 0) return null;
        int end = text.IndexOf("\n## ", at + 3, StringComparison.Ordinal);
        string section = end < 0 ? text.Substring(at) : text.Substring(at, end - at);
        Match m = Regex.Match(section, @"perl=ok=(\d+)");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    // ------------------------------------------------------------------ (2) ISO 2709 -> MARCXML -> ISO 2709

    [CorpusFact]
    public void Valid_Utf8_Iso2709_records_survive_MarcXml_byte_for_byte()
    {
        int compared = 0, files = 0;
        var failures = new List<string>();
        var excluded = new List<string>();
        foreach (string file in CorpusFiles(IsIsoFile))
        {
            byte[] content = Content(file);
            var candidates = ReadIso(content, file)
                .Where(r => r.Record != null && r.Record.Leader.CharacterCodingScheme == 'a' && !r.Record.HasWarnings)
                .Select(r => r.Record!)
                .ToList();
            if (candidates.Count == 0) continue;
            files++;

            // one MARCXML document for the file, as Export-MarcFile would write it
            var diagnosed = new HashSet<MarcRecord>(ReferenceEqualityComparer.Instance);
            var ms = new MemoryStream();
            using (var w = new MarcXmlWriter(ms, new MarcXmlWriterOptions { LeaveOpen = true, Diagnostic = (rec, d) => diagnosed.Add(rec) }))
            {
                foreach (var rec in candidates) w.Write(rec);
                w.Complete();
            }
            List<MarcReadResult> back = ReadXml(ms.ToArray());
            Assert.Equal(candidates.Count, back.Count);

            for (int i = 0; i < candidates.Count; i++)
            {
                MarcRecord original = candidates[i];
                MarcOrigin o = original.Origin!;
                byte[] expected = new byte[o.ByteLength];
                Array.Copy(content, o.ByteOffset, expected, 0, o.ByteLength);
                Assert.True(back[i].IsRecord, Rel(file) + " record " + o.Ordinal + ": " + back[i].Error);
                MarcRecord readBack = back[i].Record!;
                if (diagnosed.Contains(original))
                {
                    // characters XML 1.0 cannot carry were replaced by U+FFFD (and reported) by design; with the
                    // CharacterReference policy the same record must survive byte for byte
                    excluded.Add(Rel(file) + " record " + o.Ordinal + " has characters XML 1.0 cannot carry: compared through &#x..; references");
                    readBack = MarcXmlReader.ParseRecord(MarcXmlWriter.ToXml(original, new MarcXmlWriterOptions { InvalidCharacters = InvalidXmlCharacterPolicy.CharacterReference }));
                }
                byte[] actual = Iso2709Writer.ToBytes(readBack);
                compared++;
                if (!expected.AsSpan().SequenceEqual(actual))
                    failures.Add(Rel(file) + " record " + o.Ordinal + " at byte " + o.ByteOffset + ": " + FirstDifference(expected, actual));
            }
        }
        _out.WriteLine(compared + " valid UTF-8 records in " + files + " files compared byte for byte.");
        foreach (string e in excluded) _out.WriteLine(e);
        Assert.True(compared > 0, "no record compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [CorpusFact]
    public void Valid_Marc8_Iso2709_records_survive_MarcXml_as_their_Unicode_conversion()
    {
        // MARCXML is Unicode: a MARC-8 record is written decoded (leader/09 'a'). Reading it back must give exactly
        // MarcEncodingConverter.ToUnicode of the original; converting that back to MARC-8 gives the original bytes
        // whenever the original used LC's canonical escapes (counted, not required: redundant escapes are not kept).
        int compared = 0, byteExact = 0;
        var failures = new List<string>();
        foreach (string file in CorpusFiles(IsIsoFile))
        {
            byte[] content = Content(file);
            var candidates = ReadIso(content, file)
                .Where(r => r.Record != null && r.Record.Leader.CharacterCodingScheme != 'a' && !r.Record.HasWarnings)
                .Select(r => r.Record!)
                .ToList();
            if (candidates.Count == 0) continue;
            var ms = new MemoryStream();
            using (var w = new MarcXmlWriter(ms, new MarcXmlWriterOptions { LeaveOpen = true, InvalidCharacters = InvalidXmlCharacterPolicy.CharacterReference }))
            {
                foreach (var rec in candidates) w.Write(rec);
                w.Complete();
            }
            List<MarcReadResult> back = ReadXml(ms.ToArray());
            Assert.Equal(candidates.Count, back.Count);
            for (int i = 0; i < candidates.Count; i++)
            {
                MarcOrigin o = candidates[i].Origin!;
                MarcRecord unicode = MarcEncodingConverter.ToUnicode(candidates[i]);
                MarcRecord readBack = back[i].Record!;
                compared++;
                var diffs = unicode.Compare(readBack);
                if (diffs.Count > 0) failures.Add(Rel(file) + " record " + o.Ordinal + ": " + string.Join("; ", diffs.Take(3)));
                byte[] expected = content.AsSpan((int)o.ByteOffset, (int)o.ByteLength).ToArray();
                if (expected.AsSpan().SequenceEqual(Iso2709Writer.ToBytes(MarcEncodingConverter.ToMarc8(readBack)))) byteExact++;
            }
        }
        _out.WriteLine(compared + " valid MARC-8 records compared through MARCXML; " + byteExact + " of them come back byte for byte after ToMarc8.");
        Assert.True(compared > 0, "no record compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    private static string FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && a[i] == b[i]) i++;
        string Around(byte[] x) => Encoding.Latin1.GetString(x, Math.Max(0, i - 20), Math.Min(x.Length, i + 20) - Math.Max(0, i - 20)).Replace('\x1e', '|').Replace('\x1f', '$');
        return "lengths " + a.Length + "/" + b.Length + ", first difference at " + i + ": '" + Around(a) + "' vs '" + Around(b) + "'";
    }

    // ------------------------------------------------------------------ (3) our MARCXML vs yaz-marcdump's

    /// <summary>
    /// What is known to differ from yaz in one file, and why.
    /// <para><see cref="Rule"/>: narrow transformations that explain a difference exactly (each tied to the damage
    /// our ISO 2709 reader reports, where there is one); a record they explain counts as "ruled".</para>
    /// <para><see cref="Remaining"/>: records that still differ after the rules, each of which must carry the ISO reader
    /// warning <see cref="RemainingWarning"/> (yaz and we read the damaged record differently).</para>
    /// </summary>
    internal sealed record YazExpectation(Rule Rule, int Remaining, string? RemainingWarning, string Reason);

    /// <summary>
    /// Files where our MARCXML differs from yaz's after canonicalisation. Every file not listed must match yaz
    /// record for record; a listed file must differ exactly as described (a rule that is no longer needed fails too).
    /// </summary>
    internal static readonly Dictionary<string, YazExpectation> YazExpectations = new()
    {
        ["Evergreen/auth-1066.mrc"] = new(Rule.YazLeaderDefaults, 0, null,
            "leader/22 is blank in all 1066 records; yaz writes '0' (docs/marc.md 4.3 item 4), we keep the leader as it is."),
        ["folio_migration_tools/with_control_caracther_and_corrupt_ldr05.mrc"] = new(Rule.YazLeaderDefaults | Rule.YazDropsInvalidXmlCharacters, 0, null,
            "leader/22 is 'e' (yaz writes '0'); 505 $a holds U+0001, which XML 1.0 cannot carry: yaz drops it without a word, we write U+FFFD and report it."),
        ["Evergreen/nepali.marc"] = new(Rule.YazDropsDataBeforeFirstSubfield, 0, null,
            "one 260 has a third blank after the indicators, before the first subfield delimiter: yaz drops it, we keep it as a subfield with code=\"\" (Subfield.NoCode)."),
        ["marc4j/bad_oversize_field_bad_directory.mrc"] = new(Rule.YazStopsAtDamagedDirectory, 0, null,
            "record 2 has a 520 longer than 9999 bytes, so its directory is misaligned: yaz stops at that entry and loses 520 and 935, our reader rebuilds the directory (DirectoryRebuilt) and keeps them."),
        ["marc4j/pride-and-prejudice-with-many-errors.mrc"] = new(Rule.None, 16, MarcDiagnosticCodes.DirectoryRebuilt,
            "16 records with a broken directory (pymarc: RecordDirectoryInvalid): yaz reads a shifted directory (tag '010' with data 'BT$...' where 001 is BTJ...) and stops, our reader rebuilds the directory from the field terminators."),
        ["pymarc/utf8_invalid.mrc"] = new(Rule.None, 1, MarcDiagnosticCodes.InvalidSubfieldCode,
            "a subfield code byte 0xEF (first byte of the UTF-8 for U+FFFD) in a UTF-8 record: yaz takes the whole UTF-8 character as the code, the record model keeps one byte as the code (U+00EF) and the two following bytes become invalid UTF-8 in the value (U+FFFD each)."),
    };

    [Flags]
    internal enum Rule
    {
        None = 0,
        /// <summary>yaz replaces leader/10, 11, 20, 21, 22 when not a digit by 2, 2, 4, 5, 0 (yaz_marc_set_leader):
        /// our leader is compared after applying the same substitution.</summary>
        YazLeaderDefaults = 1,
        /// <summary>yaz drops characters XML 1.0 cannot carry without a word; we write U+FFFD and report each one:
        /// our line is compared after deleting the U+FFFD, whose number must equal the occurrences the writer reported.</summary>
        YazDropsInvalidXmlCharacters = 2,
        /// <summary>yaz drops data before the first subfield delimiter; we keep it as a <c>code=""</c> subfield. Our line
        /// is compared without that subfield, only in records our ISO reader flagged DataBeforeFirstSubfield.</summary>
        YazDropsDataBeforeFirstSubfield = 4,
        /// <summary>yaz stops reading a record at a damaged directory entry; our reader rebuilds the directory. yaz's
        /// lines must be a proper prefix of ours, only in records our ISO reader flagged DirectoryRebuilt.</summary>
        YazStopsAtDamagedDirectory = 8,
    }

    [CorpusFact(RequiresYaz = true)]
    public void Our_MarcXml_for_Utf8_Iso2709_files_matches_yaz_marcdump()
    {
        var failures = new List<string>();
        var temps = new List<string>();
        try
        {
            _out.WriteLine($"{"file",-55} {"utf8",5} {"yaz",5} {"same",5} {"ruled",5} {"diff",5} {"notYaz",6}");
            foreach (string file in CorpusFiles(IsIsoFile))
            {
                string rel = Rel(file);
                byte[] content = Content(file);
                List<MarcReadResult> iso = ReadIso(content, file);
                var utf8 = iso.Where(r => r.Record != null && r.Record.Leader.CharacterCodingScheme == 'a').Select(r => r.Record!).ToList();
                if (utf8.Count == 0) continue;

                // ours
                var replaced = new Dictionary<MarcRecord, int>(ReferenceEqualityComparer.Instance);
                var ms = new MemoryStream();
                using (var w = new MarcXmlWriter(ms, new MarcXmlWriterOptions
                {
                    LeaveOpen = true,
                    Diagnostic = (rec, d) => replaced[rec] = replaced.GetValueOrDefault(rec) + 1,
                }))
                {
                    foreach (var rec in utf8) w.Write(rec);
                    w.Complete();
                }
                List<CanonicalRecord> ours = MarcXmlCanonicalizer.Canonicalize(ms.ToArray());
                Assert.Equal(utf8.Count, ours.Count);
                var oursByOffset = new Dictionary<long, (MarcRecord Record, CanonicalRecord Canon)>();
                for (int i = 0; i < utf8.Count; i++) oursByOffset[utf8[i].Origin!.ByteOffset] = (utf8[i], ours[i]);

                // yaz
                string toolFile = FileForTools(file, content, temps);
                var yaz = ExternalTools.Run(ExternalTools.YazMarcdump!, new[] { "-p", "-i", "marc", "-o", "marcxml", toolFile }, TimeSpan.FromMinutes(2));
                List<CanonicalRecord> theirs = MarcXmlCanonicalizer.Canonicalize(Encoding.Latin1.GetBytes(yaz.StdOut));

                YazExpectations.TryGetValue(rel, out YazExpectation? expectation);
                var unexplained = new List<string>();
                int same = 0, ruled = 0, differ = 0, yazOnly = 0;
                var matched = new HashSet<long>();
                foreach (CanonicalRecord y in theirs)
                {
                    if (y.SourceOffset == null || !oursByOffset.TryGetValue(y.SourceOffset.Value, out var mine))
                    {
                        // yaz emitted a record we have not got as a UTF-8 record at that offset
                        if (y.SourceOffset != null && iso.Any(r => r.Record?.Origin?.ByteOffset == y.SourceOffset)) continue; // non-Unicode record: not compared
                        yazOnly++;
                        if (yazOnly <= 3) _out.WriteLine("  " + rel + ": yaz record at offset " + y.SourceOffset + " has no counterpart:\n" + Indent(y.Text));
                        continue;
                    }
                    matched.Add(y.SourceOffset.Value);
                    if (mine.Canon.Text == y.Text)
                    {
                        same++;
                        continue;
                    }
                    if (expectation != null && expectation.Rule != Rule.None && ApplyRules(expectation.Rule, mine.Record, mine.Canon.Lines, y.Lines, replaced.GetValueOrDefault(mine.Record)))
                    {
                        ruled++;
                        continue;
                    }
                    differ++;
                    if (expectation?.RemainingWarning == null || !mine.Record.Warnings.Any(w => w.Code == expectation.RemainingWarning))
                        unexplained.Add(rel + " record at offset " + y.SourceOffset + " differs and has no " + (expectation?.RemainingWarning ?? "expectation"));
                    if (differ <= 3) _out.WriteLine("  " + rel + " record at offset " + y.SourceOffset + " differs (ISO reader warnings: " + string.Join(", ", mine.Record.Warnings.Select(w => w.Code).Distinct()) + "):\n" + Diff(mine.Canon.Lines, y.Lines));
                }
                int notInYaz = utf8.Count - matched.Count;
                _out.WriteLine($"{rel,-55} {utf8.Count,5} {theirs.Count,5} {same,5} {ruled,5} {differ,5} {notInYaz,6}");
                int expected = expectation?.Remaining ?? 0;
                if (differ + yazOnly != expected)
                    failures.Add(rel + ": " + (differ + yazOnly) + " record(s) differ from yaz, expected " + expected + (expectation != null ? " (" + expectation.Reason + ")" : ""));
                else failures.AddRange(unexplained);
                if (expectation != null && expectation.Rule != Rule.None && ruled == 0)
                    failures.Add(rel + ": the expectation rule " + expectation.Rule + " is no longer needed; remove it.");
            }
        }
        finally
        {
            foreach (string t in temps) File.Delete(t);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool ApplyRules(Rule rule, MarcRecord record, List<string> ours, List<string> yaz, int replacedCount)
    {
        bool Flagged(string code) => record.Warnings.Any(w => w.Code == code);

        if ((rule & Rule.YazStopsAtDamagedDirectory) != 0 && Flagged(MarcDiagnosticCodes.DirectoryRebuilt) && yaz.Count < ours.Count)
            ours = ours.Take(yaz.Count).ToList();
        if (ours.Count != yaz.Count) return false;
        int removed = 0;
        for (int i = 0; i < ours.Count; i++)
        {
            string a = ours[i], b = yaz[i];
            if (a == b) continue;
            if (i == 0 && (rule & Rule.YazLeaderDefaults) != 0)
            {
                a = YazLeader(a);
                if (a == b) continue;
            }
            if ((rule & Rule.YazDropsDataBeforeFirstSubfield) != 0 && Flagged(MarcDiagnosticCodes.DataBeforeFirstSubfield))
            {
                a = Regex.Replace(a, @"^(=\S{3}  ..)\$\{\}[^$]*", "$1");
                if (a == b) continue;
            }
            if ((rule & Rule.YazDropsInvalidXmlCharacters) != 0)
            {
                int n = a.Count(c => c == '\uFFFD');
                if (n > 0 && a.Replace("\uFFFD", "") == b)
                {
                    removed += n;
                    continue;
                }
            }
            return false;
        }
        return (rule & Rule.YazDropsInvalidXmlCharacters) == 0 || removed == replacedCount;
    }

    /// <summary>Our canonical leader line as yaz would write it: non-digits in 10, 11, 20, 21, 22 become 2, 2, 4, 5, 0.</summary>
    private static string YazLeader(string line)
    {
        const string prefix = "=LDR  ";
        char[] c = line.Substring(prefix.Length).ToCharArray();
        if (c.Length != 24) return line;
        (int Pos, char Value)[] defaults = { (10, '2'), (11, '2'), (20, '4'), (21, '5'), (22, '0') };
        foreach (var (pos, value) in defaults)
        {
            if (c[pos] < '0' || c[pos] > '9') c[pos] = value;
        }
        return prefix + new string(c);
    }

    private static string Indent(string s) => "    " + s.Replace("\n", "\n    ");

    private static string Diff(List<string> ours, List<string> yaz)
    {
        var sb = new StringBuilder();
        int n = Math.Max(ours.Count, yaz.Count);
        for (int i = 0; i < n; i++)
        {
            string a = i < ours.Count ? ours[i] : "<none>";
            string b = i < yaz.Count ? yaz[i] : "<none>";
            if (a == b) continue;
            sb.Append("    ours: ").Append(a).Append('\n').Append("    yaz:  ").Append(b).Append('\n');
        }
        return sb.ToString();
    }
}
