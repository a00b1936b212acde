using System;
using System.Net.Http;
using System.Net.Sockets;
using Xunit;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>
/// The project's Zebra SRU test server (tests/peers/zebra). Its address comes from OCLC_ZEBRA_SRU (default
/// http://127.0.0.1:21210/Default). It counts as available when the port answers and a known test record is found,
/// so some other server on the port is not mistaken for it.
/// </summary>
public static class ZebraServer
{
    public const string DefaultAddress = "http://127.0.0.1:21210/Default";

    private static readonly Lazy<string?> LazyMissing = new(Probe);

    public static Uri Address => new(Environment.GetEnvironmentVariable("OCLC_ZEBRA_SRU") is { Length: > 0 } env ? env : DefaultAddress);

    /// <summary>Why Zebra tests cannot run, or null when they can.</summary>
    public static string? MissingReason => LazyMissing.Value;

    private static string? Probe()
    {
        string hint = " Start it with 'bash tests/peers/zebra/start-zebra.sh /tmp/oclc-zebra 21210' (needs Debian package idzebra-2.0) or set OCLC_ZEBRA_SRU.";
        Uri address;
        try { address = Address; }
        catch (UriFormatException) { return "Skipped: OCLC_ZEBRA_SRU is not a valid address." + hint; }
        try
        {
            using var tcp = new TcpClient();
            if (!tcp.ConnectAsync(address.Host, address.Port).Wait(TimeSpan.FromSeconds(2)))
                return "Skipped: no Zebra SRU test server answers at " + address + "." + hint;
        }
        catch (Exception)
        {
            return "Skipped: no Zebra SRU test server answers at " + address + "." + hint;
        }
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string body = http.GetStringAsync(address + "?version=1.2&operation=searchRetrieve&maximumRecords=0&query=rec.id%3Dokb0001").GetAwaiter().GetResult();
            return body.Contains("numberOfRecords>1<", StringComparison.Ordinal) ? null
                : "Skipped: the server at " + address + " answers but is not the project's Zebra test server (record okb0001 not found)." + hint;
        }
        catch (Exception ex)
        {
            return "Skipped: the server at " + address + " did not answer an SRU request (" + ex.Message + ")." + hint;
        }
    }
}

/// <summary>A fact that needs the Zebra SRU test server; skipped with the reason when it is not running.</summary>
public sealed class RequiresZebraFactAttribute : FactAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? ZebraServer.MissingReason;
        set => base.Skip = value;
    }
}

/// <summary>A theory that needs the Zebra SRU test server (see <see cref="RequiresZebraFactAttribute"/>).</summary>
public sealed class RequiresZebraTheoryAttribute : TheoryAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? ZebraServer.MissingReason;
        set => base.Skip = value;
    }
}
