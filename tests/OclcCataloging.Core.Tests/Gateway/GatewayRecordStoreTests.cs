using System.Collections.Concurrent;
using System.Net;
using OclcCataloging.Gateway;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.GatewayTestRecords;

namespace OclcCataloging.Core.Tests.Gateway;

/// <summary>
/// The listener with a <see cref="GatewayRecordStore"/> under load: 8 concurrent senders × 1,000 records each, over
/// real connections. Every record must be saved exactly once and byte-identical to what was sent.
/// </summary>
public sealed class GatewayRecordStoreTests : IDisposable
{
    private const int Senders = 8;
    private const int RecordsPerSender = 1000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oclc-gw-store-" + Guid.NewGuid().ToString("N"));

    public GatewayRecordStoreTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    /// <summary>Distinct records: sender and number in the 001 and the title, so each one can be found again.</summary>
    private static byte[][] RecordsOf(int sender) => RecordsOf(sender, RecordsPerSender);

    private static byte[][] RecordsOf(int sender, int count) =>
        Enumerable.Range(1, count)
            .Select(i => Bytes(Bib("Load sender " + sender + " record " + i + " Café", "s" + sender + "-r" + i.ToString("D4"))))
            .ToArray();

    private static async Task<(GatewayListener listener, GatewayRecordStore store)> StartAsync(string path, bool folder)
    {
        var store = new GatewayRecordStore(path, folder);
        var listener = new GatewayListener(
            new GatewayListenerOptions { BindAddress = IPAddress.Loopback, Port = 0, MaxConnections = 32 },
            (r, ct) =>
            {
                store.Save(r);
                return Task.FromResult(GatewayListenerVerdict.Accept());
            });
        listener.Start();
        await Task.Yield();
        return (listener, store);
    }

    private static async Task<List<GatewaySendResult>> SendAllAsync(int port, byte[][][] bySender)
    {
        var results = new ConcurrentBag<GatewaySendResult>();
        await Task.WhenAll(bySender.Select(records => Task.Run(async () =>
        {
            var client = new GatewayClient(new GatewayClientOptions("127.0.0.1", port) { ReceiverType = GatewayReceiverType.Koha, ReplyTimeout = TimeSpan.FromSeconds(30) });
            foreach (byte[] r in records) results.Add(await client.SendAsync(GatewayRecord.FromBytes(r)));
        })));
        return results.ToList();
    }

    private static string Key(byte[] b) => Convert.ToBase64String(b);

    [Fact]
    public async Task Folder_gets_every_record_exactly_once_byte_identical_under_8_concurrent_senders()
    {
        // 8 × 250 here (a file and an fsync per record); the 8 × 1,000 load runs in the single-file test.
        const int perSender = 250;
        var bySender = Enumerable.Range(1, Senders).Select(s => RecordsOf(s, perSender)).ToArray();
        var (listener, store) = await StartAsync(_dir, folder: true);
        List<GatewaySendResult> results;
        using (store)
        using (listener)
        {
            results = await SendAllAsync(listener.LocalEndPoint.Port, bySender);
        }

        Assert.Equal(Senders * perSender, results.Count(r => r.Status == GatewayStatus.Accepted));
        string[] files = Directory.GetFiles(_dir);
        Assert.Equal(Senders * perSender, files.Length);
        Assert.All(files, f => Assert.EndsWith(".mrc", f));
        var saved = files.Select(f => Key(File.ReadAllBytes(f))).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var sent = bySender.SelectMany(s => s).Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(sent, saved);
        Assert.Equal(Senders * perSender, store.RecordsSaved);
    }

    [Fact]
    public async Task File_gets_every_record_exactly_once_as_whole_records_under_8_concurrent_senders()
    {
        string file = Path.Combine(_dir, "caught.mrc");
        var bySender = Enumerable.Range(1, Senders).Select(s => RecordsOf(s)).ToArray();
        var (listener, store) = await StartAsync(file, folder: false);
        using (store)
        using (listener)
        {
            var results = await SendAllAsync(listener.LocalEndPoint.Port, bySender);
            Assert.Equal(Senders * RecordsPerSender, results.Count(r => r.Status == GatewayStatus.Accepted));
        }

        // The file must split into whole records by their leader lengths, with nothing left over.
        var saved = new List<string>();
        byte[] all = File.ReadAllBytes(file);
        int offset = 0;
        while (offset < all.Length)
        {
            int length = int.Parse(System.Text.Encoding.ASCII.GetString(all, offset, 5));
            Assert.Equal(0x1D, all[offset + length - 1]);
            saved.Add(Convert.ToBase64String(all, offset, length));
            offset += length;
        }
        Assert.Equal(all.Length, offset);
        var sent = bySender.SelectMany(s => s).Select(Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.Equal(sent, saved.OrderBy(k => k, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Folder_store_leaves_no_partial_file_and_names_are_unique()
    {
        using var store = new GatewayRecordStore(_dir, folder: true);
        byte[] bytes = Bytes(Bib());
        var record = NewReceived(bytes, 1);
        string a = store.Save(record);
        string b = store.Save(NewReceived(bytes, 1));
        Assert.NotEqual(a, b);
        Assert.Equal(a, record.SavedPath);
        Assert.Equal(bytes, File.ReadAllBytes(a));
        Assert.Empty(Directory.GetFiles(_dir, "*.partial"));
        Assert.Equal(2, store.RecordsSaved);
    }

    [Fact]
    public void Folder_store_refuses_a_missing_folder()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new GatewayRecordStore(Path.Combine(_dir, "missing"), folder: true));
    }

    [Fact]
    public async Task A_record_the_callback_cannot_store_is_answered_as_not_stored_and_the_listener_goes_on()
    {
        int calls = 0;
        using var listener = new GatewayListener(new GatewayListenerOptions { BindAddress = IPAddress.Loopback, Port = 0 }, (r, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new IOException("disk full");
            return Task.FromResult(GatewayListenerVerdict.Accept());
        });
        listener.Start();
        var client = new GatewayClient(new GatewayClientOptions("127.0.0.1", listener.LocalEndPoint.Port) { ReceiverType = GatewayReceiverType.Koha });
        var first = await client.SendAsync(GatewayRecord.FromRecord(Bib()));
        var second = await client.SendAsync(GatewayRecord.FromRecord(Bib()));
        Assert.Equal(GatewayStatus.Rejected, first.Status);
        Assert.Equal("Unsuccessful request", first.ReplyText);
        Assert.Equal(GatewayStatus.Accepted, second.Status);
    }

    private static GatewayReceivedRecord NewReceived(byte[] bytes, long sequence) =>
        (GatewayReceivedRecord)Activator.CreateInstance(typeof(GatewayReceivedRecord),
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null,
            new object?[] { bytes, null, null, null, sequence }, null)!;
}
