using System.Globalization;
using Microsoft.AspNetCore.Http;
using OclcCataloging.Marc;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// POST /worldcat/manage/lhrs and GET / PUT / DELETE /worldcat/manage/lhrs/{controlNumber}: the token institution's local holdings
/// records, MARCXML or MARC 21 in and out. The server assigns 001 and stamps 005; PUT creates when the number is unknown;
/// DELETE answers the deleted record; another institution's or an unknown control number is 404.
/// </summary>
internal sealed class WorldCatLhrEndpoint(WorldCatSimulatorOptions options, WorldCatSimulatorState state, WorldCatFaults faults)
{
    public async Task CreateAsync(HttpContext context, SimulatedInstitution institution)
    {
        var record = await WorldCatMarcBody.ReadAsync(context);
        if (record == null) { RequestOutcomes.Note(context, RequestOutcomes.BadRequest); return; }
        var bib = await CheckAsync(context, institution, record, "create");
        if (bib == null) return;
        await faults.ForNumberAsync(context, bib.Value.Requested, async () =>
        {
            var stored = state.Holdings.AddLhr(institution.RegistryId, bib.Value.Current, record, null, options.Clock());
            RequestOutcomes.Note(context, RequestOutcomes.Created);
            await WorldCatMarcBody.WriteAsync(context, stored.Record);
        });
    }

    public async Task ReadAsync(HttpContext context, SimulatedInstitution institution, string id)
    {
        var existing = await FindAsync(context, institution, id);
        if (existing == null) return;
        await faults.ForNumberAsync(context, existing.OclcNumber, async () =>
        {
            RequestOutcomes.Note(context, RequestOutcomes.Read);
            await WorldCatMarcBody.WriteAsync(context, existing.Record);
        });
    }

    public async Task ReplaceAsync(HttpContext context, SimulatedInstitution institution, string id)
    {
        if (await ControlNumberAsync(context, id) is not { } controlNumber) return;
        var record = await WorldCatMarcBody.ReadAsync(context);
        if (record == null) { RequestOutcomes.Note(context, RequestOutcomes.BadRequest); return; }
        var bib = await CheckAsync(context, institution, record, "update");
        if (bib == null) return;
        await faults.ForNumberAsync(context, bib.Value.Requested, async () =>
        {
            bool existed = state.Holdings.FindLhr(institution.RegistryId, controlNumber) != null;
            if (!existed && state.Holdings.ExistsElsewhere(institution.RegistryId, controlNumber))
            {
                RequestOutcomes.Note(context, RequestOutcomes.NotFound);
                await WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404);
                return;
            }
            var stored = state.Holdings.AddLhr(institution.RegistryId, bib.Value.Current, record, controlNumber, options.Clock());
            RequestOutcomes.Note(context, existed ? RequestOutcomes.Replaced : RequestOutcomes.Created);
            await WorldCatMarcBody.WriteAsync(context, stored.Record);
        });
    }

    public async Task DeleteAsync(HttpContext context, SimulatedInstitution institution, string id)
    {
        var existing = await FindAsync(context, institution, id);
        if (existing == null) return;
        await faults.ForNumberAsync(context, existing.OclcNumber, async () =>
        {
            var deleted = state.Holdings.DeleteLhr(institution.RegistryId, existing.ControlNumber);
            if (deleted == null)
            {
                RequestOutcomes.Note(context, RequestOutcomes.NotFound);
                await WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404);
                return;
            }
            RequestOutcomes.Note(context, RequestOutcomes.Deleted);
            await WorldCatMarcBody.WriteAsync(context, deleted.Record);
        });
    }

    private static async Task<long?> ControlNumberAsync(HttpContext context, string id)
    {
        if (WorldCatNumbers.TryParse(id, out long controlNumber)) return controlNumber;
        RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
        await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.InvalidIdentifier(id));
        return null;
    }

    private async Task<StoredLhr?> FindAsync(HttpContext context, SimulatedInstitution institution, string id)
    {
        if (await ControlNumberAsync(context, id) is not { } controlNumber) return null;
        var existing = state.Holdings.FindLhr(institution.RegistryId, controlNumber);
        if (existing != null)
        {
            RequestOutcomes.For(context).OclcNumber = existing.OclcNumber.ToString(CultureInfo.InvariantCulture);
            return existing;
        }
        RequestOutcomes.Note(context, RequestOutcomes.NotFound);
        await WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404);
        return null;
    }

    /// <summary>
    /// A holdings record (leader/06 u v x y) whose 004 names a bib WorldCat has and whose 852 $a, when present, is the token's
    /// institution symbol (INFERRED checks and wording); the requested and current number of that bib, or null after a 400.
    /// </summary>
    private async Task<(long Requested, long Current)?> CheckAsync(HttpContext context, SimulatedInstitution institution, MarcRecord record, string operation)
    {
        var title = "Unable to perform the lhr " + operation + " operation.";
        var text004 = record.GetValue("004")?.Trim() ?? "";
        if (text004.Length > 0) RequestOutcomes.For(context).OclcNumber = text004;
        string? problem = null;
        if (record.Kind != RecordKind.Holdings) problem = "The record is not a local holdings record (leader/06 must be u, v, x or y).";
        else if (!WorldCatNumbers.TryParse(text004, out _)) problem = "The record has no usable OCLC number in 004.";
        else if (record.GetValue("852", 'a') is { } symbol && symbol != institution.Symbol)
            problem = "852 $a " + symbol + " is not the symbol of the authenticated institution (" + institution.Symbol + ").";
        if (problem != null)
        {
            RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("BAD_REQUEST", title, problem));
            return null;
        }
        long requested = long.Parse(text004, CultureInfo.InvariantCulture);
        var bib = options.Catalogue.Find(requested);
        if (bib != null) return (requested, bib.OclcNumber);
        RequestOutcomes.Note(context, RequestOutcomes.NotFound);
        await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Json(new Dictionary<string, object>
        {
            ["type"] = "BAD_REQUEST",
            ["title"] = title,
            ["detail"] = new Dictionary<string, string> { ["summary"] = "NOT_FOUND", ["description"] = "Not able to find the requested Bib" },
        }));
        return null;
    }
}
