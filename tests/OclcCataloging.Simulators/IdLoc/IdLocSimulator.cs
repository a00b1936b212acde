using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OclcCataloging.Simulators.IdLoc;

/// <summary>
/// id.loc.gov on loopback: the known-label service (302 with X-Uri, X-PrefLabel, X-PrefLabel-Encoded; variant
/// labels redirect to the authorized record; 404), suggest2 (keyword → objects, leftanchored → strings;
/// count/offset), {id}.marcxml.xml records, request recording and fault injection.
/// Control endpoints for out-of-process tests: POST /_simulator/faults?status=503&amp;times=1&amp;retryAfter=2&amp;path=…,
/// GET|DELETE /_simulator/requests.
/// </summary>
public sealed class IdLocSimulator : ISimulator
{
    public string Name => "idloc";

    public string Description => "id.loc.gov LC authorities: label service, suggest2, MARCXML records (--port N)";

    public async Task<IRunningSimulator> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        var server = new IdLocServer(PortFrom(args));
        await server.StartAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts a simulator on a free loopback port (for in-process tests).</summary>
    public static async Task<IdLocServer> StartInProcessAsync(int port = 0)
    {
        var server = new IdLocServer(port);
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    internal static int PortFrom(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--port" && i + 1 < args.Length) return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i].StartsWith("port=", StringComparison.OrdinalIgnoreCase)) return int.Parse(args[i][5..], CultureInfo.InvariantCulture);
        }
        return 0;
    }
}

/// <summary>A running id.loc.gov simulator: its address, what it received, and the faults to inject.</summary>
public sealed class IdLocServer : IRunningSimulator
{
    private readonly int _port;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<IdLocFault> _faults = new();
    private WebApplication? _app;

    internal IdLocServer(int port) { _port = port; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests received, in order (control endpoints excluded).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public void ClearRequests() => _requests.Clear();

    public void InjectFault(IdLocFault fault)
    {
        lock (_faults) _faults.Add(fault);
    }

    public void ClearFaults()
    {
        lock (_faults) _faults.Clear();
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, _port);
            // Real id.loc.gov sends X-PrefLabel as Latin-1 bytes; anything outside Latin-1 is lost (hence -Encoded).
            options.ResponseHeaderEncodingSelector = _ => Encoding.Latin1;
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_simulator"))
            {
                var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>();
                _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", feature?.RawTarget ?? "",
                    context.Request.QueryString.Value ?? "", context.Request.Headers.UserAgent.ToString()));
                var fault = TakeFault(context.Request.Path.Value ?? "");
                if (fault != null)
                {
                    context.Response.StatusCode = fault.Status;
                    if (fault.RetryAfter != null) context.Response.Headers.RetryAfter = fault.RetryAfter;
                    if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.WriteAsync("Simulated failure " + fault.Status);
                    return;
                }
            }
            await next(context);
        });

        app.MapMethods("/authorities/{scheme}/label/{**label}", new[] { "GET", "HEAD" }, (HttpContext c, string scheme, string label) => Label(c, scheme, label));
        app.MapMethods("/authorities/label/{**label}", new[] { "GET", "HEAD" }, (HttpContext c, string label) => Label(c, null, label));
        app.MapGet("/authorities/{scheme}/suggest2", (HttpContext c, string scheme) => Suggest(c, scheme));
        app.MapGet("/authorities/suggest2", (HttpContext c) => Suggest(c, null));
        app.MapGet("/authorities/{scheme}/{file}", (HttpContext c, string scheme, string file) => Record(c, scheme, file));
        app.MapPost("/_simulator/faults", (HttpContext c) =>
        {
            var q = c.Request.Query;
            InjectFault(new IdLocFault
            {
                Status = int.Parse(q["status"].FirstOrDefault() ?? "500", CultureInfo.InvariantCulture),
                Times = int.Parse(q["times"].FirstOrDefault() ?? "1", CultureInfo.InvariantCulture),
                RetryAfter = q["retryAfter"].FirstOrDefault(),
                PathContains = q["path"].FirstOrDefault(),
            });
            return Results.NoContent();
        });
        app.MapGet("/_simulator/requests", () => Results.Json(Requests));
        app.MapDelete("/_simulator/requests", () => { ClearRequests(); return Results.NoContent(); });

        await app.StartAsync(cancellationToken);
        _app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private IdLocFault? TakeFault(string path)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(f => f.PathContains == null || path.Contains(f.PathContains, StringComparison.Ordinal));
            if (fault == null) return null;
            if (--fault.Times <= 0) _faults.Remove(fault);
            return fault;
        }
    }

    private static IEnumerable<IdLocAuthority> InScheme(string? scheme) => scheme switch
    {
        null => IdLocData.All,
        "names" => IdLocData.Names,
        "subjects" => IdLocData.Subjects,
        _ => Enumerable.Empty<IdLocAuthority>(),
    };

    private static IResult Label(HttpContext context, string? scheme, string label)
    {
        // Authorized headings win over variants, as a see-from may equal another record's heading.
        var authority = InScheme(scheme).FirstOrDefault(a => IdLocTextMatch.SameLabel(a.Label, label))
                        ?? InScheme(scheme).FirstOrDefault(a => a.SeeFroms.Any(s => IdLocTextMatch.SameLabel(s.Label, label)));
        if (authority == null) return Results.NotFound();
        var headers = context.Response.Headers;
        headers.Location = authority.Uri;
        headers["X-Uri"] = authority.Uri;
        headers["X-PrefLabel"] = authority.Label;
        headers["X-PrefLabel-Encoded"] = Uri.EscapeDataString(authority.Label);
        return Results.StatusCode(302);
    }

    private static IResult Suggest(HttpContext context, string? scheme)
    {
        var query = context.Request.Query;
        string q = query["q"].FirstOrDefault() ?? "";
        string searchType = query["searchtype"].FirstOrDefault() ?? "leftanchored";
        string? rdfType = query["rdftype"].FirstOrDefault();
        int count = Math.Clamp(int.TryParse(query["count"].FirstOrDefault(), out int c) ? c : 10, 1, 250);
        int offset = Math.Max(0, int.TryParse(query["offset"].FirstOrDefault(), out int o) ? o : 0);
        var candidates = InScheme(scheme).Where(a => rdfType == null || a.RdfType == rdfType).ToList();

        object[] all;
        if (searchType == "keyword")
        {
            all = candidates.Where(a => a.AllLabels.Any(l => IdLocTextMatch.KeywordMatch(q, l)))
                .Select((a, i) => (object)new Dictionary<string, object?>
                {
                    ["suggestLabel"] = a.Label,
                    ["uri"] = a.Uri,
                    ["aLabel"] = a.Label,
                    ["vLabel"] = a.SeeFroms.Select(s => s.Label).FirstOrDefault(l => IdLocTextMatch.KeywordMatch(q, l)),
                    ["code"] = a.Id,
                    ["rank"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                    ["more"] = new Dictionary<string, object?> { ["rdftypes"] = new[] { a.RdfType }, ["variantLabels"] = a.SeeFroms.Select(s => s.Label).ToArray() },
                }).ToArray();
        }
        else
        {
            all = candidates.SelectMany(a => a.AllLabels).Where(l => IdLocTextMatch.LeftAnchoredMatch(q, l))
                .OrderBy(l => IdLocTextMatch.Fold(l), StringComparer.Ordinal).Cast<object>().ToArray();
        }
        var body = new Dictionary<string, object?>
        {
            ["q"] = q,
            ["count"] = all.Length,
            ["pagesize"] = count,
            ["start"] = offset + 1,
            ["sortmethod"] = "rank",
            ["searchtype"] = searchType,
            ["rdftype"] = rdfType ?? "",
            ["directory"] = "/authorities/" + (scheme ?? ""),
            ["hits"] = all.Skip(offset).Take(count).ToArray(),
        };
        return Results.Text(JsonSerializer.Serialize(body), "application/json", Encoding.UTF8);
    }

    private static IResult Record(HttpContext context, string scheme, string file)
    {
        const string suffix = ".marcxml.xml";
        if (!file.EndsWith(suffix, StringComparison.Ordinal)) return Results.NotFound();
        string id = file[..^suffix.Length];
        var authority = InScheme(scheme).FirstOrDefault(a => a.Id == id);
        return authority == null ? Results.NotFound() : Results.Text(IdLocMarcXml.ToXml(authority), "application/marcxml+xml", Encoding.UTF8);
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
