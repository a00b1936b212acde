using System.Net;
using System.Net.Sockets;
using OclcCataloging.Gateway.Koha;
using OclcCataloging.Ils.Koha;
using OclcCataloging.Marc;
using OclcCataloging.Simulators.Koha;

namespace OclcCataloging.Core.Tests.Gateway.Koha;

internal static class KohaFakes
{
    public static Task<KohaServer> Start(bool legacy = false, int delayMs = 0, int port = 0) =>
        KohaSimulator.StartInProcessAsync(new KohaSimulatorOptions { Legacy = legacy, DelayMs = delayMs, Port = port, User = "staff", Password = "pw%1" });

    public static KohaConnection Connection(Uri staff, string password = "pw%1") =>
        new(staff, new NetworkCredential("staff", password)) { Timeout = TimeSpan.FromSeconds(10) };

    public static KohaConnection Connection(KohaServer koha, string password = "pw%1") => Connection(koha.BaseAddress, password);

    public static KohaImportFields Direct(string match = "", string overlay = "", string nomatch = "") =>
        new() { ImportMode = "direct", Match = match, OverlayAction = overlay, NomatchAction = nomatch };

    public static MarcRecord Bib(string control, string? isbn = null, string title = "Koha test")
    {
        var r = GatewayTestRecords.Bib(title, control);
        if (isbn != null) r.AddDataField("020", "  ", "a", isbn);
        return r;
    }

    public static string Xml(MarcRecord r) => KohaMarcXml.FromRecord(r);

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
