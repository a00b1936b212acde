using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.IO;

/// <summary>
/// Reading ahead on a second thread hands back exactly what the reader returns on the caller's thread: the same
/// results in the same order, the reader's exceptions in their place, within a bounded queue, and no thread left.
/// </summary>
public sealed class MarcReadAheadTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oclc-ahead-" + Guid.NewGuid().ToString("N"));

    public MarcReadAheadTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MarcQueueLimits Small(int records = 3, int inFlight = 1, long bytes = 1 << 20) =>
        new() { BatchRecords = records, BatchesInFlight = inFlight, BatchBytes = bytes };

    /// <summary>Records, a damaged one, stray bytes and unreadable chunks, in a known order.</summary>
    private string MixedFile()
    {
        byte[] damaged = Build(Utf8Leader, ("001", U("ocn9")), ("245", U("10$aOK$ bad")));
        byte[] junk = L("NOT A RECORD\u001d");
        var parts = new List<byte[]>();
        for (int i = 0; i < 50; i++)
        {
            parts.Add(i % 2 == 0 ? Marc8Record("ocm" + i) : Utf8Record("ocn" + i));
            if (i % 7 == 3) parts.Add(damaged);
            if (i % 11 == 5) parts.Add(junk);
        }
        parts.Add(new byte[] { 0, 0, 0 });
        string path = Path.Combine(_dir, "mixed.mrc");
        File.WriteAllBytes(path, Concat(parts.ToArray()));
        return path;
    }

    private static string Describe(MarcReadResult r) =>
        r.Record != null ? "record " + r.Record.Origin!.ByteOffset + " " + r.Record.ControlNumber + " warnings=" + r.Record.Warnings.Count
        : r.Error != null ? "unreadable " + r.Error.Origin.ByteOffset + " " + r.Error.Code
        : "stray " + r.StrayBytes!.ByteOffset + " " + r.StrayBytes.Bytes.Length;

    private static List<string> ReadDirectly(string path)
    {
        using var reader = MarcFileReader.Open(path);
        var log = new List<string>();
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) log.Add(Describe(r));
        return log;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(64, 16)]
    public void Results_come_back_as_the_reader_returns_them_in_file_order(int batchRecords, int inFlight)
    {
        string path = MixedFile();
        List<string> expected = ReadDirectly(path);
        Assert.Contains(expected, l => l.StartsWith("unreadable", StringComparison.Ordinal));
        Assert.Contains(expected, l => l.StartsWith("stray", StringComparison.Ordinal));
        Assert.Contains(expected, l => l.EndsWith("warnings=1", StringComparison.Ordinal));

        using var reader = MarcFileReader.Open(path);
        var actual = new List<string>();
        using (var ahead = new MarcReadAhead(reader, Small(batchRecords, inFlight)))
        {
            ahead.Start();
            MarcReadResult? r;
            long last = 0;
            while ((r = ahead.ReadNext()) != null)
            {
                actual.Add(Describe(r));
                Assert.True(ahead.Position >= last, "the position never goes back");
                last = ahead.Position;
            }
            Assert.Equal(reader.Length, ahead.Position);
            Assert.Null(ahead.ReadNext());
        }
        Assert.Equal(expected, actual);
    }

    /// <summary>An endless source of records of <paramref name="bytes"/> bytes each.</summary>
    private sealed class EndlessSource
    {
        private readonly long _bytes;
        private long _reads;

        internal EndlessSource(long bytes) => _bytes = bytes;

        internal long Reads => Interlocked.Read(ref _reads);

        internal MarcReadResult Read()
        {
            long n = Interlocked.Increment(ref _reads);
            var record = new MarcRecord { Origin = new MarcOrigin(null, n, n * _bytes, _bytes, MarcFormat.Iso2709) };
            record.AddControlField("001", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new MarcReadResult(record);
        }
    }

    [Theory]
    [InlineData(100, 5)]     // bounded by records: 5 a batch
    [InlineData(600, 1000)]  // bounded by bytes: 2 records of 600 bytes make a 1,000-byte batch
    public void The_reading_thread_stays_within_the_queue_bounds_however_slow_the_consumer(long recordBytes, int batchRecords)
    {
        var source = new EndlessSource(recordBytes);
        var limits = Small(batchRecords, inFlight: 2, bytes: 1000);
        int perBatch = (int)Math.Min(batchRecords, (1000 + recordBytes - 1) / recordBytes);
        // Two batches waiting, one being filled, one being consumed.
        long bound = (limits.BatchesInFlight + 2) * perBatch;
        using var ahead = new MarcReadAhead(source.Read, () => 0, limits);
        ahead.Start();
        for (long consumed = 1; consumed <= 200; consumed++)
        {
            MarcReadResult r = ahead.ReadNext()!;
            Assert.Equal(consumed.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Record!.ControlNumber);
            if (consumed % 20 == 0) Thread.Sleep(5); // let the reading thread run ahead as far as it may
            Assert.InRange(source.Reads - consumed, 0, bound);
        }
    }

    [Fact]
    public void Cancel_ends_the_results_and_dispose_leaves_no_thread()
    {
        var source = new EndlessSource(10);
        var ahead = new MarcReadAhead(source.Read, () => 0, Small(4, 2));
        ahead.Start();
        Assert.NotNull(ahead.ReadNext());
        ahead.Cancel();
        int after = 0;
        while (ahead.ReadNext() != null) Assert.InRange(++after, 0, 4); // at most what was already handed over in the batch
        ahead.Dispose();
        Assert.False(ahead.IsReading);
        long reads = source.Reads;
        Thread.Sleep(20);
        Assert.Equal(reads, source.Reads);
    }

    [Fact]
    public void Dispose_stops_a_reading_thread_that_waits_for_room_in_the_queue()
    {
        var source = new EndlessSource(10);
        var ahead = new MarcReadAhead(source.Read, () => 0, Small(2, 1));
        ahead.Start();
        for (int i = 0; i < 100 && source.Reads < 6; i++) Thread.Sleep(10); // the queue is full: the thread waits
        ahead.Dispose();
        Assert.False(ahead.IsReading);
    }

    [Fact]
    public void An_exception_of_the_reader_is_thrown_in_its_place_after_the_results_before_it()
    {
        var failure = new IOException("disk gone");
        int n = 0;
        MarcReadResult? Read()
        {
            if (++n == 6) throw failure;
            var r = new MarcRecord();
            r.AddControlField("001", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new MarcReadResult(r);
        }
        using var ahead = new MarcReadAhead(Read, () => 0, Small(4, 1));
        ahead.Start();
        for (int i = 1; i <= 5; i++) Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ahead.ReadNext()!.Record!.ControlNumber);
        IOException thrown = Assert.Throws<IOException>(() => ahead.ReadNext());
        Assert.Same(failure, thrown);
        Assert.Null(ahead.ReadNext());
    }

    [Fact]
    public void An_unexpected_exception_is_not_swallowed()
    {
        using var ahead = new MarcReadAhead(() => throw new InvalidOperationException("bug"), () => 0, Small());
        ahead.Start();
        Assert.Equal("bug", Assert.Throws<InvalidOperationException>(() => ahead.ReadNext()).Message);
    }
}
