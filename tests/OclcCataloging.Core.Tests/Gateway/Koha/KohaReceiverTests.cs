using System.Collections.Concurrent;
using System.Net;
using OclcCataloging.Gateway;
using OclcCataloging.Gateway.Koha;
using OclcCataloging.Marc;
using OclcCataloging.Simulators.Koha;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.Koha.KohaFakes;

namespace OclcCataloging.Core.Tests.Gateway.Koha;

/// <summary>The listener with the Koha sink: what the Connexion client reads, what Koha loads, and the spool.</summary>
public sealed class KohaReceiverTests : IDisposable
{
    private readonly string _spoolDir = Path.Combine(Path.GetTempPath(), "koha-spool-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_spoolDir, true); } catch (DirectoryNotFoundException) { }
    }

    private static GatewayListener Listen(KohaReceiver receiver, NetworkCredential? logon = null)
    {
        var listener = new GatewayListener(new GatewayListenerOptions
        {
            BindAddress = IPAddress.Loopback, Port = 0, IdleTimeout = TimeSpan.FromSeconds(2), Credential = logon, MaxConnections = 64,
        }, receiver.HandleAsync);
        listener.Start();
        return listener;
    }

    private static GatewayClient Client(GatewayListener l, GatewayLogon? logon = null) =>
        new(new GatewayClientOptions("127.0.0.1", l.LocalEndPoint.Port) { ReceiverType = GatewayReceiverType.Koha, Logon = logon, ReplyTimeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task The_client_reads_kohas_answer_in_the_daemons_words()
    {
        await using var koha = await Start();
        using var receiver = new KohaReceiver(new KohaSvcImporter(Connection(koha), Direct()));
        using var listener = Listen(receiver);
        var result = await Client(listener).SendAsync(GatewayRecord.FromRecord(Bib("c1")));
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Equal("Success.  Batch number 1 - biblio record number 100 added to Koha.\n\n" + koha.BaseAddress + "cgi-bin/koha/catalogue/detail.pl?biblionumber=100", result.ReplyText);
        Assert.Equal("100", result.ReceiverRecordId);
        Assert.Equal(1, koha.Catalog.LoadCount("c1"));
    }

    [Fact]
    public async Task Koha_gets_utf8_marcxml_with_leader_09_a_from_a_marc8_record()
    {
        await using var koha = await Start();
        using var receiver = new KohaReceiver(new KohaSvcImporter(Connection(koha), Direct()));
        using var listener = Listen(receiver);
        var unicode = GatewayTestRecords.Bib("Cafe\u0301", "m8", scheme: 'a');
        var sent = GatewayRecord.FromRecord(unicode, GatewayRecordEncoding.Marc8);
        Assert.Equal((byte)' ', sent.Bytes[9]); // the wire carries MARC-8
        var result = await Client(listener).SendAsync(sent);
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        string xml = koha.Requests.Last().MarcXml!;
        MarcRecord got = OclcCataloging.Marc.Xml.MarcXmlReader.ParseRecord(xml);
        Assert.Equal("Cafe\u0301".Normalize(), got.GetValue("245", 'a')!.Normalize());
        Assert.Equal('a', got.Leader.CharacterCodingScheme);
    }

    [Fact]
    public async Task A_wrong_connexion_logon_is_unauthorized_and_koha_sees_nothing()
    {
        await using var koha = await Start();
        using var receiver = new KohaReceiver(new KohaSvcImporter(Connection(koha), Direct()));
        using var listener = Listen(receiver, new NetworkCredential("catuser", "pässwörd"));
        var result = await Client(listener, new GatewayLogon(null, new NetworkCredential("catuser", "wrong"))).SendAsync(GatewayRecord.FromRecord(Bib("u1")));
        Assert.Equal("Unauthorized request", result.ReplyText);
        Assert.Empty(koha.Requests);
    }

    [Fact]
    public async Task Koha_down_spools_and_the_resend_loads_each_record_once()
    {
        int port = FreePort();
        var spool = new KohaSpool(_spoolDir);
        var logs = new ConcurrentQueue<string>();
        using var receiver = new KohaReceiver(new KohaSvcImporter(Connection(new Uri("http://127.0.0.1:" + port)), Direct()), spool, logs.Enqueue);
        using (var listener = Listen(receiver))
        {
            for (int i = 0; i < 3; i++)
            {
                var r = await Client(listener).SendAsync(GatewayRecord.FromRecord(Bib("down" + i)));
                Assert.Equal("Unsuccessful request", r.ReplyText);
            }
        }
        Assert.Equal(3, spool.List(KohaSpoolState.Pending).Count);
        Assert.DoesNotContain(logs, l => l.Contains("pw%1"));

        await using var koha = await Start(port: port);
        using var resendReceiver = new KohaReceiver(new KohaSvcImporter(Connection(koha), Direct()));
        var results = new List<KohaSpoolResendResult>();
        await new KohaSpoolResender(spool, resendReceiver).ResendAsync(_ => true, results.Add, CancellationToken.None);
        Assert.Equal(3, results.Count(r => r.StateAfter == null));
        Assert.Empty(spool.List(KohaSpoolState.Pending));
        for (int i = 0; i < 3; i++) Assert.Equal(1, koha.Catalog.LoadCount("down" + i));

        // A second resend finds nothing: nothing is loaded twice.
        results.Clear();
        await new KohaSpoolResender(spool, resendReceiver).ResendAsync(_ => true, results.Add, CancellationToken.None);
        Assert.Empty(results);
        Assert.Equal(3, koha.Catalog.Loads.Values.Sum());
    }

    [Fact]
    public async Task An_answer_lost_after_loading_is_spooled_as_unknown_and_never_resent()
    {
        await using var koha = await Start();
        var spool = new KohaSpool(_spoolDir);
        koha.InjectFault(new KohaFault { Kind = "drop" });
        using var receiver = new KohaReceiver(new KohaSvcImporter(Connection(koha), Direct()), spool);
        using (var listener = Listen(receiver))
            Assert.Equal("Unsuccessful request", (await Client(listener).SendAsync(GatewayRecord.FromRecord(Bib("lost")))).ReplyText);
        Assert.Single(spool.List(KohaSpoolState.Unknown));
        await new KohaSpoolResender(spool, receiver).ResendAsync(_ => true, _ => { }, CancellationToken.None);
        Assert.Equal(1, koha.Catalog.LoadCount("lost"));
        Assert.Single(spool.List(KohaSpoolState.Unknown));
    }

    [Fact]
    public async Task Hostile_input_leaves_the_koha_sink_running()
    {
        await using var koha = await Start();
        using var receiver = new KohaReceiver(new KohaSvcImporter(Connection(koha), Direct()));
        using var listener = Listen(receiver);
        foreach (byte[] bad in new[]
        {
            "12345xyz\0"u8.ToArray(), "GET /admin/health HTTP/1.1\r\n\r\n\0"u8.ToArray(), new byte[] { 0 }, "A9999999x\0"u8.ToArray(),
        })
            Assert.Equal("Bad request", await RawReply(listener, bad));
        Assert.Empty(koha.Requests);
        Assert.Equal(GatewayStatus.Accepted, (await Client(listener).SendAsync(GatewayRecord.FromRecord(Bib("after")))).Status);
    }

    private static async Task<string> RawReply(GatewayListener listener, byte[] bytes)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, listener.LocalEndPoint.Port);
        var s = tcp.GetStream();
        await s.WriteAsync(bytes);
        var reply = new MemoryStream();
        var buf = new byte[256];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int n;
        while ((n = await s.ReadAsync(buf, cts.Token)) > 0)
        {
            int nul = Array.IndexOf(buf, (byte)0, 0, n);
            reply.Write(buf, 0, nul >= 0 ? nul : n);
            if (nul >= 0) break;
        }
        return System.Text.Encoding.UTF8.GetString(reply.ToArray());
    }

    [Fact]
    public async Task Eight_senders_times_1000_exports_are_each_loaded_exactly_once()
    {
        const int Senders = 8, PerSender = 1000;
        await using var koha = await Start();
        using var receiver = new KohaReceiver(new KohaSvcImporter(Connection(koha), Direct()));
        using var listener = Listen(receiver);
        var tasks = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            var client = Client(listener);
            int ok = 0;
            for (int i = 0; i < PerSender; i++)
                if ((await client.SendAsync(GatewayRecord.FromRecord(Bib("s" + s + "r" + i)))).Status == GatewayStatus.Accepted) ok++;
            return ok;
        })).ToArray();
        int[] accepted = await Task.WhenAll(tasks);
        Assert.All(accepted, n => Assert.Equal(PerSender, n));
        var loads = koha.Catalog.Loads;
        Assert.Equal(Senders * PerSender, loads.Count);
        Assert.All(loads.Values, n => Assert.Equal(1, n));
        Assert.Equal(Senders * PerSender, receiver.Imported);
    }
}
