using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>Every request: record it, apply a queued fault, route it (token server or API), authenticate, rate-limit.</summary>
internal sealed class WorldCatRequestHandler
{
    private const string ApiPrefix = "/worldcat/";
    private readonly WorldCatSimulatorOptions _options;
    private readonly WorldCatSimulatorState _state;
    private readonly WorldCatTokenEndpoint _token;
    private readonly WorldCatBriefBibsEndpoint _brief;
    private readonly WorldCatBibEndpoint _bib;

    public WorldCatRequestHandler(WorldCatSimulatorOptions options, WorldCatSimulatorState state)
    {
        _options = options;
        _state = state;
        _token = new WorldCatTokenEndpoint(options, state);
        _brief = new WorldCatBriefBibsEndpoint(options);
        _bib = new WorldCatBibEndpoint(options);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var arrived = _options.Clock();
        var request = context.Request;
        try
        {
            await ServeAsync(context);
        }
        finally
        {
            _state.Record(new RecordedRequest(arrived, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
                request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Response.StatusCode));
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var fault = _state.TakeFault(path);
        if (fault != null)
        {
            if (fault.Delay > TimeSpan.Zero) await Delay(fault.Delay, context);
            if (fault.Abort) { context.Abort(); return; }
            if (fault.Status.HasValue) { await WriteFault(context, fault); return; }
        }
        if (_options.Latency > TimeSpan.Zero) await Delay(_options.Latency, context);

        if (path.Equals("/token", StringComparison.Ordinal))
        {
            if (!HttpMethods.IsPost(context.Request.Method)) { await Write(context, 405, "{\"code\":405,\"message\":\"Method Not Allowed\"}"); return; }
            await _token.HandleAsync(context);
            return;
        }
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal)) { await Write(context, 404, WorldCatBodies.NotFound404); return; }

        var route = path[ApiPrefix.Length..];
        var endpoint = Route(route, context.Request.Method, out string requiredScope, out string? id);
        if (endpoint == Endpoint.Unknown) { await Write(context, 404, WorldCatBodies.NotFound404); return; }
        if (endpoint == Endpoint.MethodNotAllowed)
        {
            await Write(context, 405, WorldCatBodies.Error("NOT_ALLOWED", "Method Not Allowed", "Request method '" + context.Request.Method + "' is not supported"));
            return;
        }
        if (!await AuthenticateAsync(context, requiredScope)) return;
        if (!await AdmitAsync(context)) return;

        switch (endpoint)
        {
            case Endpoint.BriefBibs: await _brief.HandleAsync(context); break;
            case Endpoint.Bib: await _bib.HandleAsync(context, id!); break;
            default:
                await Write(context, 501, WorldCatBodies.Error("NOT_IMPLEMENTED", "Not Implemented", "The simulator does not implement " + path));
                break;
        }
    }

    private enum Endpoint { Unknown, MethodNotAllowed, BriefBibs, Bib, Published }

    private static Endpoint Route(string route, string method, out string scope, out string? id)
    {
        id = null;
        scope = "manage_bibs";
        if (route == "search/brief-bibs")
        {
            scope = "view_brief_bib";
            return HttpMethods.IsGet(method) ? Endpoint.BriefBibs : Endpoint.MethodNotAllowed;
        }
        if (route.StartsWith("manage/bibs/", StringComparison.Ordinal) && route.IndexOf('/', "manage/bibs/".Length) < 0)
        {
            id = route["manage/bibs/".Length..];
            if (id is "current" or "match") return Endpoint.Published;
            scope = "view_marc_bib";
            return HttpMethods.IsGet(method) || HttpMethods.IsPut(method) ? (HttpMethods.IsGet(method) ? Endpoint.Bib : Endpoint.Published) : Endpoint.MethodNotAllowed;
        }
        return route.StartsWith("manage/", StringComparison.Ordinal) || route.StartsWith("search/", StringComparison.Ordinal) || route.StartsWith("browse/", StringComparison.Ordinal)
            ? Endpoint.Published : Endpoint.Unknown;
    }

    private async Task<bool> AuthenticateAsync(HttpContext context, string requiredScope)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) { await Write(context, 401, WorldCatBodies.Unauthorized); return false; }
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var credentials = parts.Length > 1 ? parts[^1] : header;
            await Write(context, 403, WorldCatBodies.MalformedAuthorization(credentials, header));
            return false;
        }
        var token = _state.FindToken(parts[1]);
        if (token == null || token.Revoked || _options.Clock() >= token.ExpiresAt) { await Write(context, 401, WorldCatBodies.Unauthorized); return false; }
        if (!WorldCatTokenEndpoint.Covers(token.Scopes, requiredScope) && !(requiredScope == "view_marc_bib" && WorldCatTokenEndpoint.Covers(token.Scopes, "manage_bibs")))
        {
            await Write(context, 403, WorldCatBodies.Forbidden);
            return false;
        }
        return true;
    }

    private async Task<bool> AdmitAsync(HttpContext context)
    {
        var now = _options.Clock();
        if (_options.DailyLimit > 0 && _state.ApiRequests >= _options.DailyLimit)
        {
            context.Response.Headers.RetryAfter = "86400";
            await Write(context, 429, WorldCatBodies.TooManyRequests);
            return false;
        }
        if (_options.RateLimitRequests > 0 && !_state.TryEnterWindow(now, _options.RateLimitRequests, _options.RateLimitWindow))
        {
            SetRetryAfter(context, _options.RateLimitRetryAfterStyle == RetryAfterStyle.None ? null : _options.RateLimitRetryAfterSeconds,
                _options.RateLimitRetryAfterStyle == RetryAfterStyle.HttpDate);
            await Write(context, 429, _options.RateLimitJsonBody ? WorldCatBodies.TooManyRequests : null);
            return false;
        }
        _state.CountApiRequest();
        return true;
    }

    private async Task WriteFault(HttpContext context, SimulatedFault fault)
    {
        SetRetryAfter(context, fault.RetryAfterSeconds, fault.RetryAfterAsDate);
        await Write(context, fault.Status!.Value, fault.Body, fault.ContentType);
    }

    private void SetRetryAfter(HttpContext context, int? seconds, bool asDate)
    {
        if (!seconds.HasValue) return;
        context.Response.Headers.RetryAfter = asDate
            ? (_options.Clock() + TimeSpan.FromSeconds(seconds.Value)).ToString("r", CultureInfo.InvariantCulture)
            : seconds.Value.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task Delay(TimeSpan delay, HttpContext context)
    {
        try { await Task.Delay(delay, context.RequestAborted); }
        catch (OperationCanceledException) { }
    }

    internal static async Task Write(HttpContext context, int status, string? json, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        if (json == null) { context.Response.ContentLength = 0; return; }
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        try { await context.Response.Body.WriteAsync(bytes, context.RequestAborted); }
        catch (OperationCanceledException) { }
    }
}
