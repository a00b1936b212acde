using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OclcCataloging.Gateway;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.GatewayTestRecords;

namespace OclcCataloging.Core.Tests.Gateway;

public class GatewayListenerTests
{
    private static GatewayListener Start(Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>> onRecord,
        Action<GatewayListenerOptions>? configure = null)
    {
        var options = new GatewayListenerOptions { BindAddress = IPAddress.Loopback, Port = 0, IdleTimeout = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        var listener = new GatewayListener(options, onRecord);
        listener.Start();
        return listener;
    }

    private static GatewayClient Client(GatewayListener listener, GatewayReceiverType type = GatewayReceiverType.Koha, GatewayLogon? logon = null) =>
        new(new GatewayClientOptions("127.0.0.1", listener.LocalEndPoint.Port)
        {
            ReceiverType = type,
            Logon = logon,
            ReplyTimeout = TimeSpan.FromSeconds(10),
        });

    private static Task<GatewayListenerVerdict> Ok(GatewayReceivedRecord r, CancellationToken ct) => Task.FromResult(GatewayListenerVerdict.Accept());

    /// <summary>Sends raw bytes and reads the reply up to its NUL or the end of the stream.</summary>
    private static async Task<string> Raw(GatewayListener listener, byte[] bytes)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, listener.LocalEndPoint.Port);
        var s = tcp.GetStream();
        await s.WriteAsync(bytes);
        var reply = new MemoryStream();
        var buf = new byte[1024];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            int n;
            try { n = await s.ReadAsync(buf, cts.Token); } catch (IOException) { break; }
            if (n == 0) break;
            int nul = Array.IndexOf(buf, (byte)0, 0, n);
            reply.Write(buf, 0, nul >= 0 ? nul : n);
            if (nul >= 0) break;
        }
        return Encoding.UTF8.GetString(reply.ToArray());
    }

    [Fact]
    public async Task Client_and_listener_agree_koha_style()
    {
        var got = new ConcurrentQueue<GatewayReceivedRecord>();
        using var listener = Start((r, ct) => { got.Enqueue(r); return Task.FromResult(GatewayListenerVerdict.Accept("555", "http://here/555")); });
        var record = Rec("Caught");
        var result = await Client(listener, logon: new GatewayLogon("u1", new NetworkCredential("01INST", "pw"))).SendAsync(record);
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Equal("555", result.ReceiverRecordId);
        Assert.Equal("http://here/555", result.Url);
        var r = Assert.Single(got);
        Assert.Equal(record.Bytes, r.Bytes);
        Assert.Equal("u1", r.UserId);
        Assert.Equal("01INST", r.LogonId);
    }

    [Fact]
    public async Task Folio_style_replies_are_understood()
    {
        using var listener = Start((r, ct) => Task.FromResult(r.Sequence == 1 ? GatewayListenerVerdict.Accept() : GatewayListenerVerdict.Reject("duplicate")),
            o => o.ReplyStyle = GatewayReplyStyle.Folio);
        var ok = await Client(listener, GatewayReceiverType.Folio).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Accepted, ok.Status);
        Assert.Equal("Import ok\n", ok.ReplyText);
        var no = await Client(listener, GatewayReceiverType.Folio).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, no.Status);
        Assert.Equal("Error: duplicate\n", no.ReplyText);
    }

    [Fact]
    public async Task Logon_is_checked_with_non_ascii_values()
    {
        int handed = 0;
        using var listener = Start((r, ct) => { Interlocked.Increment(ref handed); return Task.FromResult(GatewayListenerVerdict.Accept()); },
            o => o.Credential = new NetworkCredential("katalogisør", "pässwörd"));
        var good = await Client(listener, logon: new GatewayLogon(null, new NetworkCredential("katalogisør", "pässwörd"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Accepted, good.Status);
        var bad = await Client(listener, logon: new GatewayLogon(null, new NetworkCredential("katalogisør", "passwort"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, bad.Status);
        Assert.Equal("Unauthorized request", bad.ReplyText);
        var none = await Client(listener).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, none.Status);
        Assert.Equal(1, handed);
    }

    [Fact]
    public async Task Bad_input_is_answered_and_the_listener_keeps_working()
    {
        var logs = new ConcurrentQueue<string>();
        int handed = 0;
        using var listener = Start((r, ct) => { Interlocked.Increment(ref handed); return Task.FromResult(GatewayListenerVerdict.Accept()); },
            o => o.Log = logs.Enqueue);
        Assert.Equal("Bad request", await Raw(listener, Encoding.ASCII.GetBytes("12345xyz\0")));
        Assert.Equal("Bad request", await Raw(listener, Encoding.ASCII.GetBytes("GET /admin/health HTTP/1.1\r\n\r\n\0")));
        Assert.Equal("Bad request", await Raw(listener, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Rec().Bytes).Concat(new byte[] { 0 }).ToArray()));
        Assert.Equal("Bad request", await Raw(listener, Encoding.ASCII.GetBytes("A9999999x\0")));
        byte[] bad = Rec().Bytes;
        Encoding.ASCII.GetBytes("00050").CopyTo(bad, 0); // leader length no longer the byte length
        Assert.Equal("Bad request", await Raw(listener, bad.Concat(new byte[] { 0 }).ToArray()));
        Assert.Equal("Bad request", await Raw(listener, new byte[] { 0 }));

        Assert.Equal(GatewayStatus.Accepted, (await Client(listener).SendAsync(Rec())).Status);
        Assert.Equal(1, handed);
        Assert.NotEmpty(logs);
    }

    [Fact]
    public async Task Oversize_requests_are_refused_within_the_bounded_buffer()
    {
        int handed = 0;
        using var listener = Start((r, ct) => { Interlocked.Increment(ref handed); return Task.FromResult(GatewayListenerVerdict.Accept()); },
            o => o.MaxRequestBytes = 1000);
        var result = await Client(listener).SendAsync(Rec(new string('x', 3000)));
        Assert.Equal(GatewayStatus.Rejected, result.Status);
        Assert.Equal(0, handed);
        Assert.Equal(GatewayStatus.Accepted, (await Client(listener).SendAsync(Rec())).Status);
    }

    [Fact]
    public async Task Silent_and_half_sent_connections_time_out_without_a_record()
    {
        int handed = 0;
        using var listener = Start((r, ct) => { Interlocked.Increment(ref handed); return Task.FromResult(GatewayListenerVerdict.Accept()); },
            o => o.IdleTimeout = TimeSpan.FromMilliseconds(200));
        using (var silent = new TcpClient())
        using (var half = new TcpClient())
        {
            await silent.ConnectAsync(IPAddress.Loopback, listener.LocalEndPoint.Port);
            await half.ConnectAsync(IPAddress.Loopback, listener.LocalEndPoint.Port);
            byte[] rec = Rec().Bytes;
            await half.GetStream().WriteAsync(rec.AsMemory(0, 40));
            var buf = new byte[16];
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.True(await ReadsToEnd(silent.GetStream(), cts.Token));
            Assert.True(await ReadsToEnd(half.GetStream(), cts.Token));
        }
        Assert.Equal(GatewayStatus.Accepted, (await Client(listener).SendAsync(Rec())).Status);
        Assert.Equal(1, handed);
    }

    private static async Task<bool> ReadsToEnd(NetworkStream s, CancellationToken ct)
    {
        var buf = new byte[256];
        try
        {
            while (await s.ReadAsync(buf, ct) > 0) { }
        }
        catch (IOException)
        {
        }
        return true;
    }

    [Fact]
    public async Task A_failing_handler_gives_unsuccessful_request()
    {
        using var listener = Start((r, ct) => throw new InvalidOperationException("disk full"));
        var result = await Client(listener).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, result.Status);
        Assert.Equal("Unsuccessful request", result.ReplyText);
        Assert.Equal(GatewayStatus.Rejected, (await Client(listener).SendAsync(Rec())).Status);
    }

    [Fact]
    public async Task Eight_concurrent_senders_times_200_records_each_arrive_exactly_once()
    {
        const int Senders = 8, PerSender = 200;
        var received = new ConcurrentDictionary<string, byte[]>();
        int duplicates = 0;
        using var listener = Start((r, ct) =>
        {
            string id = GatewayRecord.FromBytes(r.Bytes).ControlNumber!;
            if (!received.TryAdd(id, r.Bytes)) Interlocked.Increment(ref duplicates);
            return Task.FromResult(GatewayListenerVerdict.Accept());
        }, o => o.Credential = new NetworkCredential("loader", "pässwörd"));

        var sent = new ConcurrentDictionary<string, byte[]>();
        var logon = new GatewayLogon(null, new NetworkCredential("loader", "pässwörd"));
        var tasks = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            var client = Client(listener, logon: logon);
            int accepted = 0;
            for (int i = 0; i < PerSender; i++)
            {
                string id = "s" + s + "r" + i;
                var rec = GatewayRecord.FromRecord(Bib("Load " + id + " ñ", control: id));
                sent[id] = rec.Bytes;
                var result = await client.SendAsync(rec);
                if (result.Status == GatewayStatus.Accepted) accepted++;
            }
            return accepted;
        })).ToArray();
        int[] counts = await Task.WhenAll(tasks);

        Assert.All(counts, c => Assert.Equal(PerSender, c));
        Assert.Equal(0, duplicates);
        Assert.Equal(Senders * PerSender, received.Count);
        Assert.Equal(Senders * PerSender, listener.RecordsAccepted);
        foreach (var kv in sent) Assert.Equal(kv.Value, received[kv.Key]);
    }

    [Fact]
    public async Task Stop_is_clean_and_the_port_is_closed_afterwards()
    {
        var listener = Start(Ok);
        int port = listener.LocalEndPoint.Port;
        Assert.Equal(GatewayStatus.Accepted, (await Client(listener).SendAsync(Rec())).Status);
        await listener.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        listener.Dispose();
        var after = await new GatewayClient(new GatewayClientOptions("127.0.0.1", port)).SendAsync(Rec());
        Assert.Equal(GatewayStatus.NotSent, after.Status);
    }

    private static GatewayRecord Rec(string title = "Listener test") => GatewayRecord.FromRecord(Bib(title));
}
