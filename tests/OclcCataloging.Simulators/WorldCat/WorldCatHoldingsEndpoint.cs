using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// POST /worldcat/manage/institution/holdings/{ocn}/set and /{ocn}/unset?cascadeDelete= (one number per request, no batch in v2).
/// A merged number acts on its current record and the answer names both. "Already set", "already unset" and
/// "blocked by attached LHRs/LBD" answer 200 with success false, as the API does; cascadeDelete defaults to true.
/// </summary>
internal sealed class WorldCatHoldingsEndpoint(WorldCatSimulatorOptions options, WorldCatSimulatorState state, WorldCatFaults faults)
{
    public const string SetAction = "Set Holdings";
    public const string UnsetAction = "Unset Holdings";

    public async Task SetAsync(HttpContext context, SimulatedInstitution institution, string id)
    {
        var (ok, requested) = await ParseAsync(context, id);
        if (!ok) return;
        await faults.ForNumberAsync(context, requested, async () =>
        {
            var current = await CurrentAsync(context, requested);
            if (current == null) return;
            bool changed = state.Holdings.Set(institution.RegistryId, current.Value);
            RequestOutcomes.Note(context, changed ? RequestOutcomes.Set : RequestOutcomes.AlreadySet);
            await Answer(context, institution, requested, current.Value, changed, changed ? "Set Holding Succeeded." : "WorldCat Holding already set.", SetAction);
        });
    }

    public async Task UnsetAsync(HttpContext context, SimulatedInstitution institution, string id)
    {
        var (ok, requested) = await ParseAsync(context, id);
        if (!ok) return;
        bool cascade = true;
        var raw = context.Request.Query["cascadeDelete"];
        if (raw.Count > 0 && !bool.TryParse(raw.ToString(), out cascade))
        {
            RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("BAD_REQUEST", "Invalid value.", "A request with a non-boolean value was attempted: " + raw));
            return;
        }
        await faults.ForNumberAsync(context, requested, async () =>
        {
            var current = await CurrentAsync(context, requested);
            if (current == null) return;
            var result = state.Holdings.Unset(institution.RegistryId, current.Value, cascade);
            var (outcome, message) = result switch
            {
                UnsetResult.Unset => (RequestOutcomes.Unset, "Unset Holdings Succeeded."),
                UnsetResult.UnsetCascaded => (RequestOutcomes.UnsetCascaded, "Unset Holdings Succeeded."),
                UnsetResult.AlreadyUnset => (RequestOutcomes.AlreadyUnset, "WorldCat Holding already unset."),
                UnsetResult.BlockedByLhrs => (RequestOutcomes.UnsetBlocked, "Unset Holdings Failed. Local holdings records (LHRs) are attached to this record."),
                UnsetResult.BlockedByLbds => (RequestOutcomes.UnsetBlocked, "Unset Holdings Failed. Local bibliographic data (LBD) is attached to this record."),
                _ => (RequestOutcomes.UnsetBlocked, "Unset Holdings Failed. Local bibliographic data (LBD) and local holdings records (LHRs) are attached to this record."),
            };
            RequestOutcomes.Note(context, outcome);
            bool success = result is UnsetResult.Unset or UnsetResult.UnsetCascaded;
            await Answer(context, institution, requested, current.Value, success, message, UnsetAction);
        });
    }

    private static async Task<(bool, long)> ParseAsync(HttpContext context, string id)
    {
        RequestOutcomes.For(context).OclcNumber = id;
        if (WorldCatNumbers.TryParse(id, out long number)) return (true, number);
        RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
        await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.InvalidIdentifier(id));
        return (false, 0);
    }

    /// <summary>The current number of the requested one, or null after answering "bib not found".</summary>
    private async Task<long?> CurrentAsync(HttpContext context, long requested)
    {
        var bib = options.Catalogue.Find(requested);
        if (bib != null) return bib.OclcNumber;
        RequestOutcomes.Note(context, RequestOutcomes.NotFound);
        await WorldCatBibEndpoint.WriteNotFound(context, options, requested);
        return null;
    }

    private static Task Answer(HttpContext context, SimulatedInstitution institution, long requested, long current, bool success, string message, string action) =>
        WorldCatRequestHandler.Write(context, 200, WorldCatBodies.Json(new Dictionary<string, object>
        {
            ["controlNumber"] = current.ToString(CultureInfo.InvariantCulture),
            ["requestedControlNumber"] = requested.ToString(CultureInfo.InvariantCulture),
            ["institutionCode"] = institution.RegistryId,
            ["institutionSymbol"] = institution.Symbol,
            ["success"] = success,
            ["message"] = message,
            ["action"] = action,
        }));
}
