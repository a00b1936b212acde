using System.Collections.Concurrent;
using System.Text;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;
using Xunit;
using Xunit.Abstractions;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// The ISO 2709 reader and writer against every ISO 2709 file of the shared corpus (../shared/corpus), with
/// yaz-marcdump and Perl MARC::Batch as oracles for how many records a file holds.
/// </summary>
public class Iso2709CorpusTests
{
    private readonly ITestOutputHelper _output;

    public Iso2709CorpusTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Every file is read without an exception, and we recover at least as many records as yaz-marcdump and as
    /// Perl MARC::Batch.
    /// <para>
    /// How Perl is counted, honestly: MARC::Batch splits the input on 0x1D and returns a "record" for every
    /// chunk, even one with no MARC structure at all (MARC-Charset/farsi.marc is a bare MARC-8 text fragment; Perl
    /// returns one record with an empty leader and no fields, yaz none). We return such a chunk as a
    /// <see cref="MarcReadError"/> carrying its raw bytes, not as a record: no record can honestly be made of it.
    /// So the checks are: our records >= yaz records; our records >= Perl records that have at least one field;
    /// our records + unreadable chunks >= all Perl records (every chunk Perl returned is accounted for, none lost).
    /// </para>
    /// </summary>
    [CorpusFact(RequiresYaz = true, RequiresPerlMarc = true)]
    public void Every_file_is_read_and_at_least_as_many_records_are_recovered_as_by_yaz_and_perl()
    {
        var files = Iso2709Corpus.Files();
        Assert.NotEmpty(files);
        var rows = new ConcurrentDictionary<string, Row>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            byte[] data = Iso2709Corpus.Bytes(file);
            var row = new Row { File = file };
            try
            {
                var results = Iso2709Corpus.Read(data, file);
                row.Records = results.Count(r => r.IsRecord);
                row.Errors = results.Count(r => !r.IsRecord);
                row.Warned = results.Count(r => r.Record is { HasWarnings: true });
                row.Rebuilt = results.Count(r => r.Record != null && r.Record.Warnings.Any(w => w.Code == MarcDiagnosticCodes.DirectoryRebuilt));
                // touching every subfield must not throw either
                foreach (var r in results)
                {
                    if (r.Record == null) continue;
                    foreach (var f in r.Record.Fields) _ = f.Text;
                }
            }
            catch (Exception e)
            {
                row.Exception = e.GetType().Name + ": " + e.Message;
            }
            Iso2709Corpus.WithPlainFile(file, data, path =>
            {
                row.Yaz = Iso2709Corpus.YazCount(path);
                row.Perl = Iso2709Corpus.PerlCount(path);
                return 0;
            });
            rows[file] = row;
        });

        var sb = new StringBuilder();
        sb.AppendLine("| file | ours: records | ours: unreadable chunks | ours: records with warnings (directory rebuilt) | yaz-marcdump | Perl MARC::Batch: records (with fields, died) |");
        sb.AppendLine("|---|---|---|---|---|---|");
        var failures = new List<string>();
        foreach (var row in rows.Values.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            sb.AppendLine($"| {row.File} | {row.Records} | {row.Errors} | {row.Warned} ({row.Rebuilt}) | {row.Yaz} | {row.Perl!.Records} ({row.Perl.RecordsWithFields}, {row.Perl.Died}) |");
            if (row.Exception != null) failures.Add(row.File + ": unhandled " + row.Exception);
            if (row.Records < row.Yaz) failures.Add(row.File + $": {row.Records} records < yaz {row.Yaz}");
            if (row.Records < row.Perl.RecordsWithFields) failures.Add(row.File + $": {row.Records} records < Perl records with fields {row.Perl.RecordsWithFields}");
            if (row.Records + row.Errors < row.Perl.Records) failures.Add(row.File + $": {row.Records} records + {row.Errors} unreadable chunks < Perl {row.Perl.Records}");
        }
        sb.AppendLine($"Totals: ours {rows.Values.Sum(r => r.Records)} records + {rows.Values.Sum(r => r.Errors)} unreadable chunks; yaz {rows.Values.Sum(r => r.Yaz)}; Perl {rows.Values.Sum(r => r.Perl!.Records)}.");
        _output.WriteLine(sb.ToString());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Every valid record of the corpus is written back byte for byte: read -> write ISO 2709 -> the exact input
    /// bytes of that record. Valid means no warning at all, and leader/09 'a' (then also well-formed UTF-8, which
    /// the reader checks) or blank (MARC-8). Records whose only warnings are about content the writer copies as
    /// it is (leader bytes, subfield codes, UTF-8, junk before the record) must come back identical too.
    /// </summary>
    [CorpusFact]
    public void Every_valid_record_is_written_back_byte_for_byte()
    {
        var contentOnly = new HashSet<string>
        {
            MarcDiagnosticCodes.JunkBetweenRecords, MarcDiagnosticCodes.InvalidLeader, MarcDiagnosticCodes.InvalidUtf8,
            MarcDiagnosticCodes.InvalidSubfieldCode, MarcDiagnosticCodes.EmptySubfieldCode, MarcDiagnosticCodes.DataBeforeFirstSubfield,
            MarcDiagnosticCodes.InvalidTag,
        };
        var sb = new StringBuilder();
        sb.AppendLine("| file | records | checked UTF-8 | checked MARC-8 | also checked: content warnings only | not checked |");
        sb.AppendLine("|---|---|---|---|---|---|");
        var failures = new List<string>();
        int totalUtf8 = 0, totalMarc8 = 0, totalContent = 0;
        foreach (string file in Iso2709Corpus.Files())
        {
            byte[] data = Iso2709Corpus.Bytes(file);
            int records = 0, utf8 = 0, marc8 = 0, content = 0, skipped = 0;
            foreach (var result in Iso2709Corpus.Read(data, file))
            {
                if (result.Record is not { } record) continue;
                records++;
                char scheme = record.Leader.CharacterCodingScheme;
                // An entry map other than 4500 is reported but changes nothing: the leader is kept as read.
                bool valid = record.Warnings.All(w => w.Code == MarcDiagnosticCodes.EntryMapInvalid) && (scheme == 'a' || scheme == ' ');
                bool copyable = record.HasWarnings && record.Warnings.All(w => contentOnly.Contains(w.Code));
                if (!valid && !copyable)
                {
                    skipped++;
                    continue;
                }
                var origin = record.Origin!;
                byte[] input = data.AsSpan((int)origin.ByteOffset, (int)origin.ByteLength).ToArray();
                byte[] output = Iso2709Writer.ToBytes(record);
                if (!input.AsSpan().SequenceEqual(output))
                {
                    failures.Add($"{file} record {origin.Ordinal} at byte {origin.ByteOffset}: written bytes differ from the input"
                        + (valid ? "" : " (warnings: " + string.Join(",", record.Warnings.Select(w => w.Code)) + ")"));
                }
                if (!valid) content++;
                else if (scheme == 'a') utf8++;
                else marc8++;
            }
            totalUtf8 += utf8;
            totalMarc8 += marc8;
            totalContent += content;
            sb.AppendLine($"| {file} | {records} | {utf8} | {marc8} | {content} | {skipped} |");
        }
        sb.AppendLine($"Checked byte for byte: {totalUtf8} UTF-8 + {totalMarc8} MARC-8 valid records, and {totalContent} records with content warnings only.");
        _output.WriteLine(sb.ToString());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(50)));
        Assert.True(totalUtf8 > 1000 && totalMarc8 > 1000, "Expected the corpus to hold over 1,000 valid records of each encoding.");
    }

    /// <summary>Reading through a non-seekable stream that trickles a few bytes per read gives the same results as from memory.</summary>
    [CorpusFact]
    public void Every_file_reads_the_same_from_a_trickling_non_seekable_stream()
    {
        foreach (string file in Iso2709Corpus.Files())
        {
            byte[] data = Iso2709Corpus.Bytes(file);
            if (data.Length > 2_000_000) continue;
            string expected = Marc.Iso2709.Iso2709ReaderFramingTests.Summary(Iso2709Corpus.Read(data, file));
            var list = Marc.Iso2709.Iso2709TestData.ReadAll(new Marc.Iso2709.Iso2709TestData.TrickleStream(data, 1, 4093, 17, 65536), new Iso2709ReaderOptions { BufferSize = 4096 });
            Assert.Equal(expected, Marc.Iso2709.Iso2709ReaderFramingTests.Summary(list));
        }
    }

    private sealed class Row
    {
        public string File = "";
        public int Records, Errors, Warned, Rebuilt, Yaz;
        public Iso2709Corpus.PerlCounts? Perl;
        public string? Exception;
    }
}
