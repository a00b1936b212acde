using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>Every request: record it, apply a queued fault, route it (token server, API or inspection), authenticate, rate-limit.</summary>
internal sealed class WorldCatRequestHandler
{
    private const string ApiPrefix = "/worldcat/";
    private readonly WorldCatSimulatorOptions _options;
    private readonly WorldCatSimulatorState _state;
    private readonly WorldCatFaults _faults;
    private readonly WorldCatTokenEndpoint _token;
    private readonly WorldCatBriefBibsEndpoint _brief;
    private readonly WorldCatBibEndpoint _bib;
    private readonly WorldCatCurrentEndpoint _current;
    private readonly WorldCatHoldingsEndpoint _holdings;
    private readonly WorldCatLhrEndpoint _lhrs;
    private readonly WorldCatMyHoldingsEndpoint _myHoldings;
    private readonly WorldCatValidateEndpoint _validate = new();
    private readonly WorldCatInspectionEndpoint _inspection;

    public WorldCatRequestHandler(WorldCatSimulatorOptions options, WorldCatSimulatorState state)
    {
        _options = options;
        _state = state;
        _faults = new WorldCatFaults(options, state);
        _token = new WorldCatTokenEndpoint(options, state);
        _brief = new WorldCatBriefBibsEndpoint(options);
        _bib = new WorldCatBibEndpoint(options);
        _current = new WorldCatCurrentEndpoint(options, state, _faults);
        _holdings = new WorldCatHoldingsEndpoint(options, state, _faults);
        _lhrs = new WorldCatLhrEndpoint(options, state, _faults);
        _myHoldings = new WorldCatMyHoldingsEndpoint(options, state);
        _inspection = new WorldCatInspectionEndpoint(options, state);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var arrived = _options.Clock();
        var request = context.Request;
        if (WorldCatInspectionEndpoint.Handles(request.Path.Value)) { await _inspection.HandleAsync(context); return; }
        try
        {
            await _faults.RunAsync(context, _state.TakeFault(request.Path.Value ?? "/"), () => ServeAsync(context));
        }
        finally
        {
            var notes = RequestOutcomes.For(context);
            _state.Record(new RecordedRequest(arrived, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
                request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Response.StatusCode, notes.OclcNumber, notes.Institution, notes.Outcome));
            if (notes.Abort) context.Abort();
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_options.Latency > TimeSpan.Zero) await Delay(_options.Latency, context);

        if (path.Equals("/token", StringComparison.Ordinal))
        {
            if (!HttpMethods.IsPost(context.Request.Method)) { await Write(context, 405, "{\"code\":405,\"message\":\"Method Not Allowed\"}"); return; }
            await _token.HandleAsync(context);
            return;
        }
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal)) { await Write(context, 404, WorldCatBodies.NotFound404); return; }

        var operation = WorldCatRoutes.Find(path[ApiPrefix.Length..], context.Request.Method, out var scopes, out string? id);
        if (operation == WorldCatOperation.Unknown) { await Write(context, 404, WorldCatBodies.NotFound404); return; }
        if (operation == WorldCatOperation.MethodNotAllowed)
        {
            await Write(context, 405, WorldCatBodies.Error("NOT_ALLOWED", "Method Not Allowed", "Request method '" + context.Request.Method + "' is not supported"));
            return;
        }
        var institution = await AuthenticateAsync(context, scopes);
        if (institution == null) return;
        RequestOutcomes.For(context).Institution = institution.RegistryId;
        if (!await AdmitAsync(context)) return;

        switch (operation)
        {
            case WorldCatOperation.BriefBibs: await _brief.HandleAsync(context); break;
            case WorldCatOperation.Bib: await _bib.HandleAsync(context, id!); break;
            case WorldCatOperation.CurrentNumbers: await _current.CurrentNumbersAsync(context); break;
            case WorldCatOperation.Validate: await _validate.HandleAsync(context, id!); break;
            case WorldCatOperation.CurrentHoldings: await _current.CurrentHoldingsAsync(context, institution); break;
            case WorldCatOperation.SetHolding: await _holdings.SetAsync(context, institution, id!); break;
            case WorldCatOperation.UnsetHolding: await _holdings.UnsetAsync(context, institution, id!); break;
            case WorldCatOperation.CreateLhr: await _lhrs.CreateAsync(context, institution); break;
            case WorldCatOperation.ReadLhr: await _lhrs.ReadAsync(context, institution, id!); break;
            case WorldCatOperation.ReplaceLhr: await _lhrs.ReplaceAsync(context, institution, id!); break;
            case WorldCatOperation.DeleteLhr: await _lhrs.DeleteAsync(context, institution, id!); break;
            case WorldCatOperation.SearchMyHoldings: await _myHoldings.SearchAsync(context, institution); break;
            case WorldCatOperation.ReadMyHolding: await _myHoldings.ReadAsync(context, institution, id!); break;
            default:
                await Write(context, 501, WorldCatBodies.Error("NOT_IMPLEMENTED", "Not Implemented", "The simulator does not implement " + path));
                break;
        }
    }

    /// <summary>The token's institution, or null after answering 401/403 (any one of <paramref name="scopes"/> admits).</summary>
    private async Task<SimulatedInstitution?> AuthenticateAsync(HttpContext context, string[] scopes)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) { await Refuse(context, 401, WorldCatBodies.Unauthorized, RequestOutcomes.Unauthorized); return null; }
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var credentials = parts.Length > 1 ? parts[^1] : header;
            await Refuse(context, 403, WorldCatBodies.MalformedAuthorization(credentials, header), RequestOutcomes.Forbidden);
            return null;
        }
        var token = _state.FindToken(parts[1]);
        if (token == null || token.Revoked || _options.Clock() >= token.ExpiresAt) { await Refuse(context, 401, WorldCatBodies.Unauthorized, RequestOutcomes.Unauthorized); return null; }
        if (!scopes.Any(s => WorldCatTokenEndpoint.Covers(token.Scopes, s)))
        {
            await Refuse(context, 403, WorldCatBodies.Forbidden, RequestOutcomes.Forbidden);
            return null;
        }
        return token.Institution;
    }

    private static Task Refuse(HttpContext context, int status, string body, string outcome)
    {
        RequestOutcomes.Note(context, outcome);
        return Write(context, status, body);
    }

    private async Task<bool> AdmitAsync(HttpContext context)
    {
        var now = _options.Clock();
        if (_options.DailyLimit > 0 && _state.ApiRequests >= _options.DailyLimit)
        {
            context.Response.Headers.RetryAfter = "86400";
            await Refuse(context, 429, WorldCatBodies.TooManyRequests, RequestOutcomes.RateLimited);
            return false;
        }
        if (_options.RateLimitRequests > 0 && !_state.TryEnterWindow(now, _options.RateLimitRequests, _options.RateLimitWindow))
        {
            SetRetryAfter(context, _options, _options.RateLimitRetryAfterStyle == RetryAfterStyle.None ? null : _options.RateLimitRetryAfterSeconds,
                _options.RateLimitRetryAfterStyle == RetryAfterStyle.HttpDate);
            RequestOutcomes.Note(context, RequestOutcomes.RateLimited);
            await Write(context, 429, _options.RateLimitJsonBody ? WorldCatBodies.TooManyRequests : null);
            return false;
        }
        _state.CountApiRequest();
        return true;
    }

    internal static void SetRetryAfter(HttpContext context, WorldCatSimulatorOptions options, int? seconds, bool asDate)
    {
        if (!seconds.HasValue) return;
        context.Response.Headers.RetryAfter = asDate
            ? (options.Clock() + TimeSpan.FromSeconds(seconds.Value)).ToString("r", CultureInfo.InvariantCulture)
            : seconds.Value.ToString(CultureInfo.InvariantCulture);
    }

    internal static async Task Delay(TimeSpan delay, HttpContext context)
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
