using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// The two look-ups by oclcNumbers (comma-separated, at most 10, else 400 as the API): GET /manage/bibs/current (requested →
/// current, null when unknown or not a number, as the spec describes) and GET /manage/institution/holdings/current (adds the
/// institution and whether it holds it; a non-numeric number is a 400 there, as in the spec's example).
/// </summary>
internal sealed class WorldCatCurrentEndpoint(WorldCatSimulatorOptions options, WorldCatSimulatorState state, WorldCatFaults faults)
{
    public const int MaxNumbers = 10;

    public Task CurrentNumbersAsync(HttpContext context) =>
        ServeAsync(context, (requested, current) => new Dictionary<string, object?>
        {
            ["requested"] = requested,
            ["current"] = current?.ToString(CultureInfo.InvariantCulture),
        }, "controlNumbers", refuseInvalid: false);

    public Task CurrentHoldingsAsync(HttpContext context, SimulatedInstitution institution) =>
        ServeAsync(context, (requested, current) => new Dictionary<string, object?>
        {
            ["requestedControlNumber"] = requested,
            ["currentControlNumber"] = current?.ToString(CultureInfo.InvariantCulture),
            ["institutionSymbol"] = institution.Symbol,
            ["holdingSet"] = current != null && state.Holdings.IsHeld(institution.RegistryId, current.Value),
        }, "holdings", refuseInvalid: true);

    private async Task ServeAsync(HttpContext context, Func<string, long?, Dictionary<string, object?>> entry, string listName, bool refuseInvalid)
    {
        var raw = context.Request.Query["oclcNumbers"];
        var numbers = raw.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        RequestOutcomes.For(context).OclcNumber = string.Join(",", numbers);
        if (numbers.Count == 0)
        {
            RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("MISSING_QUERY_PARAMETER", "Validation Failure", "Required String parameter 'oclcNumbers' is not present"));
            return;
        }
        if (numbers.Count > MaxNumbers)
        {
            RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("BAD_REQUEST", "Too many values provided for query parameter: oclcNumbers", "A maximum of 10 values can be provided for a given request"));
            return;
        }
        var invalid = numbers.Where(n => !WorldCatNumbers.TryParse(n, out _)).ToList();
        if (invalid.Count > 0 && refuseInvalid)
        {
            RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("BAD_REQUEST", "Invalid value provided for query param: oclcNumbers.",
                "A request with an invalid query param value was attempted: oclcNumbers=[" + string.Join(", ", invalid) + "]"));
            return;
        }
        var parsed = numbers.Select(n => WorldCatNumbers.TryParse(n, out long v) ? v : 0).ToList();
        var faulty = parsed.Where(n => n > 0).Select(n => (long?)n).FirstOrDefault(n => state.HasNumberFault(n!.Value));
        await faults.RunAsync(context, faulty == null ? null : state.TakeNumberFault(faulty.Value), async () =>
        {
            var list = numbers.Zip(parsed, (text, n) => entry(text, options.Catalogue.Find(n)?.OclcNumber)).ToList();
            RequestOutcomes.Note(context, RequestOutcomes.Read);
            await WorldCatRequestHandler.Write(context, 200, WorldCatBodies.Json(new Dictionary<string, object> { [listName] = list }));
        });
    }
}
