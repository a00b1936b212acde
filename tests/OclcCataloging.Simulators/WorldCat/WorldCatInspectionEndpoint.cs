using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// The simulator's own test hooks under /simulator/ (not part of OCLC's API, not recorded, no token) so that tests running it
/// as a process can read what it did and steer it:
/// GET /simulator/requests (the log as JSON), DELETE /simulator/requests (clear it),
/// GET /simulator/holdings[?institution=ID] (held numbers and LHRs), POST /simulator/faults?number=N[,N…]|path=TEXT&amp;kind=K[&amp;times=T],
/// POST /simulator/revoke-tokens, POST /simulator/reset (holdings back to the seeds, log cleared; faults and tokens kept).
/// </summary>
internal sealed class WorldCatInspectionEndpoint(WorldCatSimulatorOptions options, WorldCatSimulatorState state)
{
    public const string Prefix = "/simulator/";

    public static bool Handles(string? path) => path != null && path.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var method = context.Request.Method;
        switch (path[Prefix.Length..])
        {
            case "requests" when HttpMethods.IsGet(method): await Json(context, state.Requests.Select(Entry).ToList()); break;
            case "requests" when HttpMethods.IsDelete(method): state.ClearRequests(); await Json(context, new { cleared = true }); break;
            case "holdings" when HttpMethods.IsGet(method): await HoldingsAsync(context); break;
            case "faults" when HttpMethods.IsPost(method): await FaultsAsync(context); break;
            case "revoke-tokens" when HttpMethods.IsPost(method): state.RevokeAllTokens(); await Json(context, new { revoked = true }); break;
            case "reset" when HttpMethods.IsPost(method): state.Holdings.Reset(options); state.ClearRequests(); await Json(context, new { reset = true }); break;
            default: await WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404); break;
        }
    }

    private static Dictionary<string, object?> Entry(RecordedRequest r) => new()
    {
        ["time"] = r.Time.ToString("O", CultureInfo.InvariantCulture),
        ["method"] = r.Method,
        ["path"] = r.Path,
        ["query"] = r.QueryString,
        ["status"] = r.Status,
        ["oclcNumber"] = r.OclcNumber,
        ["institution"] = r.Institution,
        ["outcome"] = r.Outcome,
        ["applied"] = r.Applied,
    };

    private async Task HoldingsAsync(HttpContext context)
    {
        var id = context.Request.Query["institution"].ToString();
        var institution = id.Length == 0 ? options.DefaultInstitution : options.Institutions.FirstOrDefault(i => i.RegistryId == id);
        if (institution == null) { await WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404); return; }
        await Json(context, new Dictionary<string, object>
        {
            ["registryId"] = institution.RegistryId,
            ["symbol"] = institution.Symbol,
            ["held"] = state.Holdings.Held(institution.RegistryId).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList(),
            ["lhrs"] = state.Holdings.Lhrs(institution.RegistryId).Select(l => new Dictionary<string, string?>
            {
                ["controlNumber"] = l.ControlNumber.ToString(CultureInfo.InvariantCulture),
                ["oclcNumber"] = l.OclcNumber.ToString(CultureInfo.InvariantCulture),
                ["holdingLibraryCode"] = l.HoldingLibraryCode,
            }).ToList(),
        });
    }

    private async Task FaultsAsync(HttpContext context)
    {
        var q = context.Request.Query;
        int times = 0;
        SimulatedFault fault;
        try
        {
            fault = SimulatedFault.Parse(q["kind"].ToString());
            if (q.ContainsKey("times")) times = int.Parse(q["times"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
            if (q.ContainsKey("number")) foreach (var n in NumberRanges.Parse(q["number"].ToString())) state.InjectForNumber(n, fault, times);
            else if (q.ContainsKey("path")) state.InjectRepeated(q["path"].ToString(), fault, times == 0 ? 1 : times);
            else throw new ArgumentException("Give number=N[,N-M…] or path=TEXT.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("BAD_REQUEST", "Invalid fault.", e.Message));
            return;
        }
        await Json(context, new { queued = true });
    }

    private static Task Json(HttpContext context, object value) => WorldCatRequestHandler.Write(context, 200, WorldCatBodies.Json(value));
}
