using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.IO;

/// <summary>
/// Writing on a second thread gives the bytes and the reports of writing on the caller's thread (the way
/// Export-MarcFile does it: convert the coding, write, report what the writer said about each record), in record
/// order, within a bounded queue; failures come back in their place and no thread is left.
/// </summary>
public sealed class MarcWriteBehindTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oclc-behind-" + Guid.NewGuid().ToString("N"));

    public MarcWriteBehindTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private static MarcQueueLimits Small(int records = 3, int inFlight = 1) => new() { BatchRecords = records, BatchesInFlight = inFlight };

    /// <summary>MARC-8 and UTF-8 records, one with a character MARC-8 lacks, one too long for ISO 2709, one with a control character XML cannot hold.</summary>
    private static List<MarcRecord> Records()
    {
        var list = new List<MarcRecord>();
        for (int i = 0; i < 40; i++) list.Add(ReadSingle(i % 3 == 0 ? Marc8Record("ocm" + i) : Utf8Record("ocn" + i)));
        var big = new MarcRecord(new Leader("00000nam a2200000 i 4500"));
        big.AddControlField("001", "big");
        for (int i = 0; i < 12; i++) big.AddDataField("500", "  ", "a", new string('x', 9000));
        list.Insert(7, big);
        var bell = new MarcRecord(new Leader("00000nam a2200000 i 4500"));
        bell.AddControlField("001", "bell");
        bell.AddDataField("245", "10", "a", "Bell\u0007here");
        list.Insert(20, bell);
        var longField = new MarcRecord(new Leader("00000nam a2200000 i 4500"));
        longField.AddControlField("001", "long");
        longField.AddDataField("520", "  ", "a", new string('y', 10_000));
        list.Insert(30, longField);
        return list;
    }

    private static string Codes(IEnumerable<MarcDiagnostic> warnings) => string.Join(",", warnings.Select(w => w.Code));

    /// <summary>The one-thread path: the log names each report in order.</summary>
    private static List<string> Synchronously(List<MarcRecord> records, string path, MarcFormat format, MarcEncoding encoding)
    {
        var log = new List<string>();
        var pending = new List<MarcDiagnostic>();
        using var writer = new MarcFileWriter(path, new MarcFileWriterOptions { Format = format, Diagnostic = (r, d) => pending.Add(d) });
        long n = 0;
        foreach (MarcRecord record in records)
        {
            n++;
            try
            {
                MarcRecord output = MarcEncodingConverter.ToEncoding(record, encoding);
                for (int i = record.Warnings.Count; i < output.Warnings.Count; i++) pending.Add(output.Warnings[i]);
                writer.Write(output);
            }
            catch (Exception e) when (e is MarcWriteException || e is MarcEncodingException)
            {
                log.Add("not-written " + n + " " + e.Message);
            }
            if (pending.Count > 0) log.Add("warnings " + n + " " + Codes(pending));
            pending.Clear();
        }
        writer.Commit();
        return log;
    }

    private static List<string> Behind(List<MarcRecord> records, string path, MarcFormat format, MarcEncoding encoding, MarcQueueLimits limits)
    {
        var log = new List<string>();
        MarcWriteBehind? behind = null;
        using var writer = new MarcFileWriter(path, new MarcFileWriterOptions { Format = format, Diagnostic = (r, d) => Assert.True(behind!.TryAddWarning(d)) });
        using (behind = new MarcWriteBehind(writer.Write, limits))
        {
            behind.Start();
            void Report()
            {
                while (behind.TryTakeOutcome(out MarcWriteOutcome o))
                {
                    Assert.Null(o.Failure);
                    if (o.Error != null) log.Add("not-written " + o.Number + " " + o.Error.Message);
                    if (o.Warnings.Count > 0) log.Add("warnings " + o.Number + " " + Codes(o.Warnings));
                }
            }
            long n = 0;
            foreach (MarcRecord record in records)
            {
                n++;
                MarcRecord output = MarcEncodingConverter.ToEncoding(record, encoding);
                var warnings = output.Warnings.Skip(record.Warnings.Count).ToList();
                behind.Write(output, record, n, warnings.Count > 0 ? warnings : null);
                Report();
            }
            behind.Complete();
            Report();
            Assert.False(behind.IsRunning);
        }
        writer.Commit();
        return log;
    }

    [Theory]
    [InlineData(MarcFormat.Iso2709, MarcEncoding.Leader)]
    [InlineData(MarcFormat.Iso2709, MarcEncoding.Utf8)]
    [InlineData(MarcFormat.Iso2709, MarcEncoding.Marc8)]
    [InlineData(MarcFormat.MarcXml, MarcEncoding.Leader)]
    [InlineData(MarcFormat.MarcXml, MarcEncoding.Utf8)]
    [InlineData(MarcFormat.MarcXml, MarcEncoding.Marc8)]
    [InlineData(MarcFormat.Json, MarcEncoding.Utf8)]
    [InlineData(MarcFormat.Json, MarcEncoding.Marc8)]
    [InlineData(MarcFormat.Mrk, MarcEncoding.Utf8)]
    [InlineData(MarcFormat.Mrk, MarcEncoding.Marc8)]
    [InlineData(MarcFormat.Mrk8, MarcEncoding.Utf8)]
    public void The_bytes_and_reports_are_those_of_writing_on_the_callers_thread(MarcFormat format, MarcEncoding encoding)
    {
        List<string> expectedLog = Synchronously(Records(), P("expected"), format, encoding);
        List<string> log = Behind(Records(), P("actual"), format, encoding, Small(3, 1));
        Assert.Equal(expectedLog, log);
        Assert.Equal(File.ReadAllBytes(P("expected")), File.ReadAllBytes(P("actual")));
        if (format == MarcFormat.Iso2709) Assert.Contains(log, l => l.StartsWith("not-written 8 ", StringComparison.Ordinal));
        if (format == MarcFormat.MarcXml) Assert.Contains(log, l => l.StartsWith("warnings 21 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_handed_in_come_before_the_writers_own()
    {
        var writerWarning = new MarcDiagnostic(MarcSeverity.Warning, "W", "from the writer", -1, null);
        var callerWarning = new MarcDiagnostic(MarcSeverity.Warning, "C", "from the caller", -1, null);
        MarcWriteBehind? behind = null;
        using (behind = new MarcWriteBehind(r => behind!.TryAddWarning(writerWarning), Small()))
        {
            behind.Start();
            var record = new MarcRecord();
            behind.Write(record, record, 1, new[] { callerWarning });
            behind.Flush();
            Assert.True(behind.TryTakeOutcome(out MarcWriteOutcome o));
            Assert.Equal(new[] { "C", "W" }, o.Warnings.Select(w => w.Code));
            Assert.False(behind.TryAddWarning(writerWarning)); // not on the writing thread now
        }
    }

    [Fact]
    public void The_caller_waits_for_room_instead_of_queueing_without_bound()
    {
        long written = 0;
        var limits = Small(4, 2);
        long bound = (limits.BatchesInFlight + 2) * limits.BatchRecords;
        using var behind = new MarcWriteBehind(r =>
        {
            if (Interlocked.Increment(ref written) % 50 == 0) Thread.Sleep(5);
        }, limits);
        behind.Start();
        var record = new MarcRecord();
        for (long n = 1; n <= 500; n++)
        {
            behind.Write(record, record, n, null);
            Assert.InRange(n - Interlocked.Read(ref written), 0, bound);
        }
        behind.Flush();
        Assert.Equal(500, Interlocked.Read(ref written));
        Assert.False(behind.HasOutcome);
    }

    [Fact]
    public void A_failure_ends_writing_in_its_place_and_nothing_after_it_is_written()
    {
        var failure = new IOException("disk full");
        var seen = new List<string>();
        using var behind = new MarcWriteBehind(r =>
        {
            seen.Add(r.ControlNumber!);
            if (r.ControlNumber == "5") throw failure;
        }, Small(2, 1));
        behind.Start();
        for (int n = 1; n <= 50; n++)
        {
            var r = new MarcRecord();
            r.AddControlField("001", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            behind.Write(r, r, n, null); // never waits for ever once writing has failed
        }
        behind.Flush();
        Assert.True(behind.HasFailed);
        Assert.True(behind.TryTakeOutcome(out MarcWriteOutcome o));
        Assert.Equal(5, o.Number);
        Assert.Same(failure, o.Failure);
        Assert.False(behind.TryTakeOutcome(out _));
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, seen);
        behind.Complete();
        Assert.False(behind.IsRunning);
    }

    [Fact]
    public void An_unexpected_exception_comes_back_as_the_failure()
    {
        using var behind = new MarcWriteBehind(r => throw new InvalidOperationException("bug"), Small());
        behind.Start();
        var record = new MarcRecord();
        behind.Write(record, record, 1, null);
        behind.Flush();
        Assert.True(behind.TryTakeOutcome(out MarcWriteOutcome o));
        Assert.IsType<InvalidOperationException>(o.Failure);
    }

    [Fact]
    public void Cancel_stops_a_blocked_writer_and_dispose_leaves_no_thread()
    {
        using var gate = new ManualResetEventSlim(false);
        int calls = 0;
        var behind = new MarcWriteBehind(r =>
        {
            Interlocked.Increment(ref calls);
            gate.Wait(TimeSpan.FromSeconds(30));
        }, Small(1, 1));
        behind.Start();
        var record = new MarcRecord();
        var producer = new Thread(() =>
        {
            for (int n = 1; n <= 100; n++) behind.Write(record, record, n, null); // waits: the writer is stuck
        });
        producer.Start();
        for (int i = 0; i < 300 && Volatile.Read(ref calls) == 0; i++) Thread.Sleep(10);
        behind.Cancel();
        Assert.True(producer.Join(TimeSpan.FromSeconds(30)), "the producer was not released by Cancel");
        gate.Set();
        behind.Dispose();
        Assert.False(behind.IsRunning);
        Assert.Equal(1, Volatile.Read(ref calls));
    }
}
