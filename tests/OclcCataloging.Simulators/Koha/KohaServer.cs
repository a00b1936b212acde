using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using OclcCataloging.Ils.Koha;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Simulators.Koha;

/// <summary>A running fake Koha: its address, its catalogue and load counter, the requests it got, and faults to inject.</summary>
public sealed class KohaServer : IRunningSimulator
{
    private const string SessionCookie = "CGISESSID";
    private readonly KohaSimulatorOptions _options;
    private readonly ConcurrentDictionary<string, KohaSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<KohaRecordedRequest> _requests = new();
    private readonly List<KohaFault> _faults = new();
    private WebApplication? _app;

    internal KohaServer(KohaSimulatorOptions options) { _options = options; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public KohaCatalog Catalog { get; } = new();

    public IReadOnlyList<KohaRecordedRequest> Requests => _requests.ToArray();

    public void InjectFault(KohaFault fault) { lock (_faults) _faults.Add(fault); }

    public void ClearFaults() { lock (_faults) _faults.Clear(); }

    public void Reset()
    {
        Catalog.Reset();
        _requests.Clear();
        _sessions.Clear();
        ClearFaults();
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, _options.Port);
            o.Limits.MaxRequestBodySize = 10_000_000;
        });
        var app = builder.Build();
        app.MapGet("/cgi-bin/koha/svc/authentication", (Delegate)AuthenticationPage);
        app.MapPost("/cgi-bin/koha/svc/authentication", (Delegate)AuthenticationLogin);
        app.MapPost("/cgi-bin/koha/mainpage.pl", (Delegate)LegacyLogin);
        app.MapPost("/cgi-bin/koha/svc/import_bib", (Delegate)ImportBib);
        app.MapPost("/api/v1/biblios", (Delegate)RestAdd);
        app.MapPut("/api/v1/biblios/{id:int}", (Func<HttpContext, int, Task>)RestReplace);
        app.MapGet("/api/v1/biblios/{id:int}", (Func<HttpContext, int, Task>)RestGet);
        app.MapGet("/_simulator/loads", (HttpContext c) => c.Response.WriteAsJsonAsync(Catalog.Loads));
        app.MapGet("/_simulator/requests", (HttpContext c) => c.Response.WriteAsJsonAsync(Requests));
        app.MapGet("/_simulator/staged", (HttpContext c) => c.Response.WriteAsJsonAsync(Catalog.Staged));
        app.MapPost("/_simulator/reset", () => { Reset(); return Results.NoContent(); });
        app.MapPost("/_simulator/faults", (HttpContext c) =>
        {
            var q = c.Request.Query;
            InjectFault(new KohaFault
            {
                Kind = q["kind"].FirstOrDefault() ?? "status",
                PathContains = q["path"].FirstOrDefault() ?? "import_bib",
                Status = int.TryParse(q["status"], NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 500,
                Error = q["error"].FirstOrDefault() ?? "Batch create error",
                Times = int.TryParse(q["times"], NumberStyles.None, CultureInfo.InvariantCulture, out int t) ? t : 1,
            });
            return Results.NoContent();
        });
        app.MapDelete("/_simulator/faults", () => { ClearFaults(); return Results.NoContent(); });
        app.MapPost("/_simulator/seed", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body, Encoding.UTF8);
            int id = Catalog.Seed(MarcXmlReader.ParseRecord(await reader.ReadToEndAsync()));
            await c.Response.WriteAsJsonAsync(new { id });
        });
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Urls.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    // ---- svc login ----

    private async Task AuthenticationPage(HttpContext c)
    {
        Record(c, null);
        KohaSession session = SessionOf(c) ?? NewSession(c, authenticated: false);
        if (!_options.Legacy) c.Response.Headers["CSRF-TOKEN"] = session.CsrfToken;
        await Xml(c, 200, "<response>\n  <status>" + (session.Authenticated ? "ok" : "expired") + "</status>\n</response>");
    }

    private async Task AuthenticationLogin(HttpContext c)
    {
        var form = await c.Request.ReadFormAsync();
        Record(c, null);
        if (_options.Legacy)
        {
            await LoginWith(c, form["userid"], form["password"]);
            return;
        }
        KohaSession? anonymous = SessionOf(c);
        if (anonymous == null || form["csrf_token"] != anonymous.CsrfToken)
        {
            await Xml(c, 403, "<response>\n  <status>failed</status>\n  <error>wrong_csrf_token</error>\n</response>");
            return;
        }
        await LoginWith(c, form["login_userid"], form["login_password"]);
    }

    private async Task LegacyLogin(HttpContext c)
    {
        var form = await c.Request.ReadFormAsync();
        Record(c, null);
        await LoginWith(c, form["userid"], form["password"]);
    }

    private async Task LoginWith(HttpContext c, string? user, string? password)
    {
        if (user != _options.User || password != _options.Password)
        {
            await Xml(c, 401, "<response>\n  <status>failed</status>\n</response>");
            return;
        }
        KohaSession session = NewSession(c, authenticated: true);
        if (!_options.Legacy) c.Response.Headers["CSRF-TOKEN"] = session.CsrfToken;
        await Xml(c, 200, "<response>\n  <status>ok</status>\n</response>");
    }

    private KohaSession NewSession(HttpContext c, bool authenticated)
    {
        var session = new KohaSession(Token(), Token(), authenticated);
        _sessions[session.Id] = session;
        c.Response.Cookies.Append(SessionCookie, session.Id, new CookieOptions { Path = "/", HttpOnly = true });
        return session;
    }

    private KohaSession? SessionOf(HttpContext c) =>
        c.Request.Cookies.TryGetValue(SessionCookie, out string? id) && id != null && _sessions.TryGetValue(id, out var s) ? s : null;

    private static string Token() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    // ---- svc/import_bib ----

    private async Task ImportBib(HttpContext c)
    {
        var form = await c.Request.ReadFormAsync();
        KohaFault? fault = TakeFault(c);
        if (fault?.Kind == "expire") { _sessions.Clear(); fault = null; }
        KohaSession? session = SessionOf(c);
        bool authorised = session != null && session.Authenticated
            && (_options.Legacy || c.Request.Headers["Csrf-Token"] == session.CsrfToken);
        var fields = new KohaImportFields
        {
            Match = form["match"].ToString(),
            OverlayAction = form["overlay_action"].ToString(),
            NomatchAction = form["nomatch_action"].ToString(),
            ItemAction = form["item_action"].ToString(),
            ImportMode = form["import_mode"].ToString(),
            Framework = form["framework"].ToString(),
            OverlayFramework = form["overlay_framework"].ToString(),
            MarcModificationTemplateId = form["marc_modification_template_id"].ToString(),
        };
        string xml = form["xml"].ToString();
        MarcRecord? record = null;
        try { if (xml.Length > 0) record = MarcXmlReader.ParseRecord(xml); } catch (FormatException) { }
        Record(c, record, fields);
        if (!authorised)
        {
            await Xml(c, 403, "<response>\n  <auth_status>failed</auth_status>\n</response>");
            return;
        }
        if (xml.Length == 0) { c.Response.StatusCode = 400; return; }
        if (fault != null && await Fail(c, fault)) return;
        if (record == null)
        {
            await SvcFailed(c, "Batch create error");
            return;
        }
        if (_options.DelayMs > 0) await Task.Delay(_options.DelayMs);
        KohaSvcResult result = Catalog.Import(record, fields);
        if (fault?.Kind == "drop") { c.Abort(); return; }
        if (fault?.Kind == "notxml") { c.Response.ContentType = "text/html"; await c.Response.WriteAsync("<html><body>Software error</body>"); return; }
        string url = new Uri(BaseAddress, "cgi-bin/koha/catalogue/detail.pl?biblionumber=" + result.Biblio).AbsoluteUri;
        // XML::Simple's XMLout: keys sorted, no attributes, two-space indent.
        await Xml(c, 200, "<response>\n  <biblionumber>" + result.Biblio + "</biblionumber>\n  <import_batch_id>" + result.Batch
            + "</import_batch_id>\n  <match_status>" + result.MatchStatus + "</match_status>\n  <status>ok</status>\n  <url>"
            + WebUtility.HtmlEncode(url) + "</url>\n</response>");
    }

    private static Task SvcFailed(HttpContext c, string error) =>
        Xml(c, 200, "<response>\n  <error>" + WebUtility.HtmlEncode(error) + "</error>\n  <status>failed</status>\n</response>");

    /// <summary>Answers a fault that replaces the work; false when the fault happens after it (drop, notxml).</summary>
    private static async Task<bool> Fail(HttpContext c, KohaFault fault)
    {
        switch (fault.Kind)
        {
            case "failed": await SvcFailed(c, fault.Error); return true;
            case "status":
                c.Response.StatusCode = fault.Status;
                await c.Response.WriteAsync("Simulated failure " + fault.Status);
                return true;
            default: return false;
        }
    }

    // ---- REST ----

    private bool BasicAuthorised(HttpContext c)
    {
        string header = c.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        string pair;
        try { pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])); } catch (FormatException) { return false; }
        return pair == _options.User + ":" + _options.Password;
    }

    private async Task<MarcRecord?> RestRecord(HttpContext c)
    {
        if (!BasicAuthorised(c))
        {
            Record(c, null);
            await Json(c, 401, new { error = "Authentication failure." });
            return null;
        }
        string type = c.Request.ContentType ?? "";
        if (!type.StartsWith("application/marcxml+xml", StringComparison.Ordinal))
        {
            Record(c, null);
            await Json(c, 406, new[] { "application/marcxml+xml", "application/marc-in-json", "application/marc" });
            return null;
        }
        using var reader = new StreamReader(c.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync();
        MarcRecord? record = null;
        try { record = MarcXmlReader.ParseRecord(body); } catch (FormatException) { }
        Record(c, record);
        if (record == null) await Json(c, 400, new { error = "Error creating record", error_code = "record_creation_failed" });
        return record;
    }

    private async Task RestAdd(HttpContext c)
    {
        KohaFault? fault = TakeFault(c);
        MarcRecord? record = await RestRecord(c);
        if (record == null) return;
        if (fault != null && fault.Kind == "status") { await Json(c, fault.Status, new { error = "Simulated failure" }); return; }
        if (_options.DelayMs > 0) await Task.Delay(_options.DelayMs);
        bool confirmed = c.Request.Headers["x-confirm-not-duplicate"].ToString() is "1" or "true";
        var (id, duplicateOf) = Catalog.RestAdd(record, c.Request.Headers["x-framework-id"].ToString(), confirmed);
        if (fault?.Kind == "drop") { c.Abort(); return; }
        if (duplicateOf != null) { await Json(c, 400, new { error = "Duplicate biblio " + duplicateOf }); return; }
        c.Response.Headers.Location = "/api/v1/biblios/" + id;
        await Json(c, 200, new { id });
    }

    private async Task RestReplace(HttpContext c, int id)
    {
        KohaFault? fault = TakeFault(c);
        MarcRecord? record = await RestRecord(c);
        if (record == null) return;
        if (fault != null && fault.Kind == "status") { await Json(c, fault.Status, new { error = "Simulated failure" }); return; }
        if (!Catalog.RestReplace(id, record, c.Request.Headers["x-framework-id"].ToString()))
        {
            await Json(c, 404, new { error = "Bibliographic record not found", error_code = "not_found" });
            return;
        }
        await Json(c, 200, new { id });
    }

    private async Task RestGet(HttpContext c, int id)
    {
        Record(c, null);
        if (!BasicAuthorised(c)) { await Json(c, 401, new { error = "Authentication failure." }); return; }
        KohaBiblio? b = Catalog.Find(id);
        if (b == null) { await Json(c, 404, new { error = "Bibliographic record not found" }); return; }
        c.Response.ContentType = "application/marcxml+xml";
        await c.Response.WriteAsync(MarcXmlWriter.ToXml(b.Record));
    }

    // ---- plumbing ----

    private KohaFault? TakeFault(HttpContext c)
    {
        string path = c.Request.Path.Value ?? "";
        lock (_faults)
        {
            var f = _faults.FirstOrDefault(x => path.Contains(x.PathContains, StringComparison.Ordinal));
            if (f == null) return null;
            if (f.Times > 0 && --f.Times == 0) _faults.Remove(f);
            return f;
        }
    }

    private void Record(HttpContext c, MarcRecord? record, KohaImportFields? fields = null)
    {
        _requests.Enqueue(new KohaRecordedRequest(c.Request.Method, c.Request.Path.Value ?? "", c.Request.ContentType ?? "",
            c.Request.Headers["Csrf-Token"].ToString(), c.Request.Headers["x-framework-id"].ToString(),
            c.Request.Headers["x-confirm-not-duplicate"].ToString(), record == null ? null : KohaCatalog.Key(record), fields,
            record == null ? null : MarcXmlWriter.ToXml(record)));
    }

    private static async Task Xml(HttpContext c, int status, string body)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "text/xml";
        await c.Response.WriteAsync("<?xml version='1.0' standalone='yes'?>\n" + body + "\n");
    }

    private static async Task Json(HttpContext c, int status, object body)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        await c.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app != null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}

internal sealed record KohaSession(string Id, string CsrfToken, bool Authenticated);

/// <summary>One request the fake Koha received: where, which headers mattered, and the record's key and MARCXML.</summary>
public sealed record KohaRecordedRequest(string Method, string Path, string ContentType, string CsrfToken, string FrameworkHeader,
    string ConfirmNotDuplicate, string? RecordKey, KohaImportFields? Fields, string? MarcXml);
