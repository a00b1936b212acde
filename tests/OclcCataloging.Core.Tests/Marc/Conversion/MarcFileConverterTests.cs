using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Conversion;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Conversion;

/// <summary>
/// The two-thread converter against the one-thread path the cmdlets take (MarcFileReader, then
/// MarcEncodingConverter and MarcFileWriter per record): the same bytes, and the same reports in the same order.
/// </summary>
public sealed class MarcFileConverterTests : IDisposable
{
    private static readonly MarcFormat[] Formats = { MarcFormat.Iso2709, MarcFormat.MarcXml, MarcFormat.Json, MarcFormat.Mrk, MarcFormat.Mrk8 };
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oclc-conv-" + Guid.NewGuid().ToString("N"));

    public MarcFileConverterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(P(name), bytes);
        return P(name);
    }

    /// <summary>Many small records with distinct 001s, mixing MARC-8 and UTF-8.</summary>
    private static byte[] ManyRecords(int count)
    {
        var parts = new List<byte[]>();
        for (int i = 0; i < count; i++)
            parts.Add(i % 3 == 0 ? Marc8Record("ocm" + i.ToString("D8")) : Utf8Record("ocn" + i.ToString("D8")));
        return Concat(parts.ToArray());
    }

    private static MarcFileConverterOptions Options(MarcFormat output, MarcEncoding encoding = MarcEncoding.Leader, int batch = 256, int? threads = null) => new()
    {
        Threads = threads ?? Environment.ProcessorCount,
        OutputEncoding = encoding,
        Queue = { BatchRecords = batch, BatchesInFlight = 2 },
        Writer = new MarcFileWriterOptions { Format = output },
    };

    /// <summary>The one-thread path of Import-MarcFile | Export-MarcFile; the log names each report in order.</summary>
    private static List<string> Sequential(IEnumerable<string> inputs, string destination, MarcFileConverterOptions o, bool messages = false)
    {
        var log = new List<string>();
        var pending = new List<MarcDiagnostic>();
        var wo = o.Writer;
        using var writer = new MarcFileWriter(MarcFileWriter.ChooseTarget(destination, wo.Format, false), new MarcFileWriterOptions
        {
            OversizePolicy = wo.OversizePolicy,
            JsonArray = wo.JsonArray,
            Diagnostic = (r, d) => pending.Add(d),
        });
        long n = 0;
        foreach (string file in inputs)
        {
            using var reader = MarcFileReader.Open(file, o.InputFormat, o.InputEncoding);
            log.Add("opened " + Path.GetFileName(file) + " " + reader.Format);
            long inARow = 0;
            MarcReadResult? result;
            while ((result = reader.ReadNext()) != null)
            {
                if (result.Record is { } record)
                {
                    inARow = 0;
                    n++;
                    if (record.HasWarnings) log.Add("read-warning " + n + " " + Codes(record));
                    try
                    {
                        MarcRecord output = MarcEncodingConverter.ToEncoding(record, o.OutputEncoding);
                        for (int i = record.Warnings.Count; i < output.Warnings.Count; i++) pending.Add(output.Warnings[i]);
                        writer.Write(output);
                    }
                    catch (MarcWriteException e) { log.Add("not-written " + n + " " + e.Code + (messages ? " " + e.Message : "")); }
                    catch (MarcEncodingException e) { log.Add("not-written " + n + " " + MarcDiagnosticCodes.CharacterNotEncodable + (messages ? " " + e.Message : "")); }
                    finally
                    {
                        foreach (var d in pending) log.Add("changed " + n + " " + d.Code + (messages ? " " + d.Message : ""));
                        pending.Clear();
                    }
                }
                else if (result.Error is { } error)
                {
                    log.Add("unreadable " + error.Origin.ByteOffset);
                    if (++inARow == o.MaxUnreadableInARow && o.MaxUnreadableInARow > 0)
                    {
                        log.Add("gave-up " + inARow);
                        break;
                    }
                }
                else if (result.StrayBytes is { } stray)
                {
                    log.Add("stray " + stray.ByteOffset);
                }
            }
            log.Add("finished " + Path.GetFileName(file));
        }
        writer.Commit();
        return log;
    }

    /// <summary>Runs the converter to the end and commits; the log names its events as <see cref="Sequential"/> does.</summary>
    private static (List<string> Log, MarcConversionSummary Summary) Convert(IEnumerable<string> inputs, string destination, MarcFileConverterOptions o, bool messages = false)
    {
        using var converter = new MarcFileConverter(inputs, MarcFileWriter.ChooseTarget(destination, o.Writer.Format, false), o);
        converter.Start();
        var log = Drain(converter, messages);
        Assert.Equal("completed", log[^1]);
        log.RemoveAt(log.Count - 1);
        converter.Commit();
        return (log, converter.Summary);
    }

    private static List<string> Drain(MarcFileConverter converter, bool messages = false)
    {
        var log = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!converter.IsFinished)
        {
            Assert.True(clock.Elapsed < Wait, "the conversion did not finish in " + Wait);
            MarcConversionEvent? e = converter.Take(TimeSpan.FromMilliseconds(50));
            if (e == null) continue;
            log.Add(e.Kind switch
            {
                MarcConversionEventKind.FileOpened => "opened " + Path.GetFileName(e.File) + " " + e.Format,
                MarcConversionEventKind.RecordReadWithWarnings => "read-warning " + e.RecordNumber + " " + Codes(e.Record!),
                MarcConversionEventKind.RecordNotWritten => "not-written " + e.RecordNumber + " " + e.Code + (messages ? " " + e.Message : ""),
                MarcConversionEventKind.RecordWrittenWithChange => "changed " + e.RecordNumber + " " + e.Diagnostic!.Code + (messages ? " " + e.Diagnostic!.Message : ""),
                MarcConversionEventKind.Unreadable => "unreadable " + e.ReadError!.Origin.ByteOffset,
                MarcConversionEventKind.StrayBytes => "stray " + e.StrayBytes!.ByteOffset,
                MarcConversionEventKind.GaveUp => "gave-up " + e.Count,
                MarcConversionEventKind.FileFinished => "finished " + Path.GetFileName(e.File),
                MarcConversionEventKind.Completed => "completed",
                _ => e.Kind + " " + e.Exception?.Message,
            });
        }
        return log;
    }

    private void AssertSameAsSequential(string[] inputs, MarcFileConverterOptions o, string extension)
    {
        string expected = P("expected" + extension), actual = P("actual" + extension);
        List<string> expectedLog = Sequential(inputs, expected, o);
        var (log, _) = Convert(inputs, actual, o);
        Assert.Equal(expectedLog, log);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
    }

    [Fact]
    public void Every_format_pair_gives_the_bytes_the_one_thread_path_gives()
    {
        string mrc = Write("in.mrc", ManyRecords(40));
        var inputs = new Dictionary<MarcFormat, string>();
        foreach (MarcFormat f in Formats)
        {
            string path = P("in-" + f);
            Sequential(new[] { mrc }, path, Options(f));
            inputs[f] = path;
        }
        foreach (MarcFormat from in Formats)
        {
            foreach (MarcFormat to in Formats)
            {
                var o = Options(to, batch: 7);
                o.InputFormat = from;
                string expected = P("expected-" + from + "-" + to), actual = P("actual-" + from + "-" + to);
                List<string> expectedLog = Sequential(new[] { inputs[from] }, expected, o);
                var (log, summary) = Convert(new[] { inputs[from] }, actual, o);
                Assert.Equal(expectedLog, log);
                Assert.True(File.ReadAllBytes(expected).SequenceEqual(File.ReadAllBytes(actual)), from + " -> " + to + ": the files differ");
                Assert.Equal(40, summary.RecordsIn);
                Assert.Equal(40, summary.RecordsOut);
                Assert.Equal(new FileInfo(actual).Length, summary.BytesOut);
            }
        }
    }

    [Theory]
    [InlineData(MarcEncoding.Utf8)]
    [InlineData(MarcEncoding.Marc8)]
    public void Character_coding_conversion_gives_the_same_bytes_and_warnings(MarcEncoding encoding)
    {
        string mrc = Write("in.mrc", ManyRecords(30));
        AssertSameAsSequential(new[] { mrc }, Options(MarcFormat.Iso2709, encoding, batch: 4), ".mrc");
        AssertSameAsSequential(new[] { mrc }, Options(MarcFormat.MarcXml, encoding, batch: 5), ".xml");
    }

    [Fact]
    public void Records_keep_their_order_across_many_batches_and_files()
    {
        string a = Write("a.mrc", ManyRecords(1000)), b = Write("b.mrc", ManyRecords(333));
        string actual = P("out.mrc");
        var (_, summary) = Convert(new[] { a, b }, actual, Options(MarcFormat.Iso2709, batch: 3));
        Assert.Equal(File.ReadAllBytes(a).Concat(File.ReadAllBytes(b)), File.ReadAllBytes(actual));
        Assert.Equal(1333, summary.RecordsOut);
        Assert.Equal(2, summary.Files);
    }

    [Fact]
    public void Rejects_and_warnings_come_in_the_order_and_with_the_numbers_of_the_one_thread_path()
    {
        byte[] damaged = Build(Utf8Leader, ("001", U("ocn9")), ("245", U("10$aOK$ bad")));
        Assert.True(ReadSingle(damaged).HasWarnings, "the test record must be read with a warning");
        byte[] bell = Build(Utf8Leader, ("001", U("ocn7")), ("245", U("10$aBell\u0007here")));
        byte[] junk = L("NOT A RECORD\u001d");
        string mrc = Write("mixed.mrc", Concat(Marc8Record("ocm1"), junk, damaged, bell, Utf8Record("ocn2"), junk, new byte[] { 0, 0, 0 }));
        string empty = Write("empty.mrc", Array.Empty<byte>());

        var o = Options(MarcFormat.MarcXml, batch: 2);
        string expected = P("expected.xml"), actual = P("actual.xml");
        List<string> expectedLog = Sequential(new[] { mrc, empty }, expected, o);
        var (log, summary) = Convert(new[] { mrc, empty }, actual, o);

        Assert.Equal(expectedLog, log);
        Assert.Contains(log, l => l.StartsWith("read-warning 2 ", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("changed 3 ", StringComparison.Ordinal));
        Assert.Equal(2, log.Count(l => l.StartsWith("unreadable", StringComparison.Ordinal)));
        Assert.Contains(log, l => l.StartsWith("stray", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
        Assert.Equal(4, summary.RecordsIn);
        Assert.Equal(4, summary.RecordsOut);
        Assert.Equal(2, summary.Rejected);
        Assert.Equal(1, summary.StrayByteRuns);
        Assert.Equal(2, summary.Warnings);
    }

    [Fact]
    public void A_record_that_cannot_be_written_is_reported_with_its_number_and_the_others_are_written()
    {
        var big = new MarcRecord();
        big.AddControlField("001", "big1");
        big.AddDataField("500", "  ", "a", new string('x', 10_000));
        var small = new MarcRecord();
        small.AddControlField("001", "small2");
        string xml = P("in.xml");
        using (var w = new MarcFileWriter(xml, new MarcFileWriterOptions { Format = MarcFormat.MarcXml }))
        {
            w.Write(small);
            w.Write(big);
            w.Write(small);
            w.Commit();
        }
        var o = Options(MarcFormat.Iso2709);
        string expected = P("expected.mrc"), actual = P("actual.mrc");
        List<string> expectedLog = Sequential(new[] { xml }, expected, o);
        var (log, summary) = Convert(new[] { xml }, actual, o);

        Assert.Equal(expectedLog, log);
        Assert.Contains("not-written 2 " + MarcDiagnosticCodes.FieldTooLong, log);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
        Assert.Equal(2, summary.RecordsOut);
        Assert.Equal(1, summary.Rejected);
    }

    [Fact]
    public void Too_many_unreadable_chunks_in_a_row_skip_the_rest_of_the_file_as_the_reader_does()
    {
        byte[] junk = L("NOT A RECORD\u001d");
        string mrc = Write("junk.mrc", Concat(Marc8Record("ocm1"), junk, junk, junk, Utf8Record("ocn2")));
        var o = Options(MarcFormat.Iso2709);
        o.MaxUnreadableInARow = 2;
        AssertSameAsSequential(new[] { mrc }, o, ".mrc");
        Assert.Equal(Marc8Record("ocm1"), File.ReadAllBytes(P("actual.mrc")));
    }

    [Fact]
    public void A_file_that_cannot_be_opened_is_reported_and_the_next_one_is_converted()
    {
        string good = Write("good.mrc", Utf8Record("ocn1"));
        string missing = P("missing.mrc");
        using var converter = new MarcFileConverter(new[] { missing, good }, MarcFileWriter.ChooseTarget(P("out.mrc"), MarcFormat.Iso2709, false), Options(MarcFormat.Iso2709));
        converter.Start();
        var log = Drain(converter);
        Assert.StartsWith("FileNotOpened", log[0], StringComparison.Ordinal);
        Assert.Equal("completed", log[^1]);
        converter.Commit();
        Assert.Equal(Utf8Record("ocn1"), File.ReadAllBytes(P("out.mrc")));
    }

    [Fact]
    public void Nothing_is_written_until_commit_and_disposing_without_it_leaves_the_existing_file()
    {
        string mrc = Write("in.mrc", ManyRecords(50));
        string dest = Write("out.xml", Encoding.ASCII.GetBytes("keep me"));
        using (var converter = new MarcFileConverter(new[] { mrc }, MarcFileWriter.ChooseTarget(dest, MarcFormat.MarcXml, false), Options(MarcFormat.MarcXml)))
        {
            Assert.Throws<InvalidOperationException>(() => converter.Commit());
            converter.Start();
            Assert.Equal("completed", Drain(converter)[^1]);
            Assert.Equal("keep me", File.ReadAllText(dest));
        }
        Assert.Equal("keep me", File.ReadAllText(dest));
        Assert.Equal(new[] { "in.mrc", "out.xml" }, Directory.GetFiles(_dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    public static IEnumerable<object[]> ThreadRows()
    {
        foreach (int threads in new[] { 0, 1, 3 })
            foreach (MarcFormat format in Formats)
                foreach (MarcEncoding encoding in new[] { MarcEncoding.Leader, MarcEncoding.Utf8, MarcEncoding.Marc8 })
                    yield return new object[] { threads, format, encoding, false };
        foreach (int threads in new[] { 0, 1, 3 })
            yield return new object[] { threads, MarcFormat.Json, MarcEncoding.Leader, true };
    }

    /// <summary>
    /// Records that cannot be written (first of all, and in later batches), damaged records, unreadable chunks, stray
    /// bytes, MARC-8 and UTF-8 records over three files, in small batches: whatever the number of serialising threads,
    /// the bytes and every report (with its message) are those of the one-thread path.
    /// </summary>
    [Theory]
    [MemberData(nameof(ThreadRows))]
    public void Any_number_of_threads_gives_the_bytes_and_reports_of_the_one_thread_path(int threads, MarcFormat format, MarcEncoding encoding, bool jsonArray)
    {
        // MARCXML that ISO 2709 and MARC-in-JSON refuse: a plain value under a data field tag (the first four records)
        // and a field over 9,999 bytes (records 6, 10 and 14, in later batches); a control character MARCXML replaces.
        var text = new StringBuilder("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n");
        const string leader = "<leader>00000nam a2200000 a 4500</leader>";
        for (int i = 0; i < 4; i++)
            text.Append("<record>" + leader + "<controlfield tag=\"001\">mismatch" + i + "</controlfield><controlfield tag=\"245\">plain</controlfield></record>\n");
        for (int i = 0; i < 12; i++)
        {
            string value = i % 4 == 1 ? new string('x', 10_000) : "Caf\u00e9 " + i + (i % 5 == 0 ? "&#x7;" : "");
            text.Append("<record>" + leader + "<controlfield tag=\"001\">r" + i + "</controlfield><datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">"
                + value + "</subfield></datafield></record>\n");
        }
        text.Append("</collection>\n");
        string xml = Write("refused.xml", Encoding.UTF8.GetBytes(text.ToString()));
        byte[] damaged = Build(Utf8Leader, ("001", U("ocn9")), ("245", U("10$aOK$ bad")));
        byte[] junk = L("NOT A RECORD\u001d");
        string mixed = Write("mixed.mrc", Concat(Marc8Record("ocm1"), junk, damaged, Utf8Record("ocn2"), junk, damaged, new byte[] { 0, 0, 0 }));
        string many = Write("many.mrc", ManyRecords(60));
        string[] inputs = { xml, mixed, many };

        var o = Options(format, encoding, batch: 3, threads: threads);
        o.Writer.JsonArray = jsonArray;
        string expected = P("expected.out"), actual = P("actual.out");
        List<string> expectedLog = Sequential(inputs, expected, o, messages: true);
        var (log, summary) = Convert(inputs, actual, o, messages: true);

        Assert.Equal(expectedLog, log);
        Assert.True(File.ReadAllBytes(expected).SequenceEqual(File.ReadAllBytes(actual)), threads + " threads, " + format + ", " + encoding + ": the files differ");
        Assert.Contains(log, l => l.StartsWith("read-warning", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("unreadable", StringComparison.Ordinal));
        if (format == MarcFormat.Iso2709 || format == MarcFormat.Json) Assert.Contains(log, l => l.StartsWith("not-written 1 ", StringComparison.Ordinal));
        if (format == MarcFormat.Iso2709) Assert.Contains(log, l => l.StartsWith("not-written 14 ", StringComparison.Ordinal));
        Assert.Equal(summary.RecordsIn - log.Count(l => l.StartsWith("not-written", StringComparison.Ordinal)), summary.RecordsOut);
    }

    [Fact]
    public void Cancelling_stops_both_threads_and_leaves_no_output()
    {
        string mrc = Write("in.mrc", ManyRecords(20_000));
        string dest = P("out.xml");
        var converter = new MarcFileConverter(new[] { mrc }, MarcFileWriter.ChooseTarget(dest, MarcFormat.MarcXml, false), Options(MarcFormat.MarcXml, batch: 16));
        converter.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (converter.RecordsRead == 0 && !converter.IsFinished && clock.Elapsed < Wait) Thread.Sleep(1);
        converter.Cancel();
        List<string> log = Drain(converter);
        Assert.DoesNotContain("completed", log);
        Assert.Throws<InvalidOperationException>(() => converter.Commit());
        converter.Dispose();
        Assert.False(File.Exists(dest));
        Assert.Equal(new[] { "in.mrc" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Cancelling_stops_every_thread_and_leaves_no_temporary_file(int threads)
    {
        string mrc = Write("in.mrc", ManyRecords(20_000));
        string dest = P("out.mrc");
        var converter = new MarcFileConverter(new[] { mrc }, MarcFileWriter.ChooseTarget(dest, MarcFormat.Iso2709, false), Options(MarcFormat.Iso2709, batch: 8, threads: threads));
        converter.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (converter.RecordsRead < 100 && !converter.IsFinished && clock.Elapsed < Wait) Thread.Sleep(1);
        converter.Cancel();
        Assert.DoesNotContain("completed", Drain(converter));
        converter.Dispose(); // joins every thread
        Assert.False(File.Exists(dest));
        Assert.Equal(new[] { "in.mrc" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(MarcFormat.MarcXml, false)]
    [InlineData(MarcFormat.Json, true)]
    [InlineData(MarcFormat.Json, false)]
    [InlineData(MarcFormat.Iso2709, false)]
    [InlineData(MarcFormat.Mrk8, false)]
    public void Appending_with_serialising_threads_gives_the_bytes_of_one_thread(MarcFormat format, bool jsonArray)
    {
        string many = Write("many.mrc", ManyRecords(50));
        byte[]? expected = null;
        foreach (int threads in new[] { 0, 3 })
        {
            string dest = P("append-" + threads);
            var seed = Options(format);
            seed.Writer.JsonArray = jsonArray;
            Sequential(new[] { Write("seed.mrc", ManyRecords(3)) }, dest, seed);
            var o = Options(format, batch: 4, threads: threads);
            o.Writer.JsonArray = jsonArray;
            using (var converter = new MarcFileConverter(new[] { many }, MarcFileWriter.ChooseTarget(dest, format, append: true), o))
            {
                converter.Start();
                Assert.Equal("completed", Drain(converter)[^1]);
                converter.Commit();
            }
            byte[] bytes = File.ReadAllBytes(dest);
            if (expected == null) expected = bytes;
            else Assert.True(expected.SequenceEqual(bytes), format + ": appending with threads gives other bytes");
        }
    }
}
