using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// GET /worldcat/search/my-holdings?oclcNumber=|barcode=&amp;orderBy&amp;offset&amp;limit and /search/my-holdings/{controlNumber}:
/// the token institution's LHRs as detailedHoldings (holdingLocation = 852 $a, sublocationCollection = 852 $b, the holding
/// library code, shelvingLocation = 852 $c). There is no library-code parameter: clients filter sublocationCollection.
/// </summary>
internal sealed class WorldCatMyHoldingsEndpoint(WorldCatSimulatorOptions options, WorldCatSimulatorState state)
{
    public const int MaxLimit = 50;

    public async Task SearchAsync(HttpContext context, SimulatedInstitution institution)
    {
        var query = context.Request.Query;
        var oclcNumber = query["oclcNumber"].ToString();
        var barcode = query["barcode"].ToString();
        if (oclcNumber.Length > 0) RequestOutcomes.For(context).OclcNumber = oclcNumber;
        if (oclcNumber.Length == 0 && barcode.Length == 0)
        {
            await Invalid(context, "MISSING_QUERY_PARAMETER", "Required parameter 'oclcNumber' or 'barcode' is not present");
            return;
        }
        long number = 0;
        if (oclcNumber.Length > 0 && !WorldCatNumbers.TryParse(oclcNumber, out number))
        {
            await Invalid(context, "INVALID_QUERY_PARAMETER_VALUE", "oclcNumber must be a positive whole number");
            return;
        }
        int limit = 10, offset = 0;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            await Invalid(context, "INVALID_QUERY_PARAMETER_VALUE", "limit must be a whole number from 1 to " + MaxLimit + ": " + query["limit"]);
            return;
        }
        if (query.ContainsKey("offset") && !int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            await Invalid(context, "INVALID_QUERY_PARAMETER_VALUE", "offset must be a whole number: " + query["offset"]);
            return;
        }
        long? current = oclcNumber.Length > 0 ? options.Catalogue.Find(number)?.OclcNumber ?? number : null;
        var matches = state.Holdings.Lhrs(institution.RegistryId, current)
            .Where(l => barcode.Length == 0 || l.Record.GetValues("876", 'p').Contains(barcode)).ToList();
        RequestOutcomes.Note(context, RequestOutcomes.Read);
        await Answer(context, matches.Count, matches.Skip(offset).Take(limit));
    }

    public async Task ReadAsync(HttpContext context, SimulatedInstitution institution, string id)
    {
        if (!WorldCatNumbers.TryParse(id, out long controlNumber))
        {
            await Invalid(context, "INVALID_QUERY_PARAMETER_VALUE", "control number must be a positive whole number");
            return;
        }
        var lhr = state.Holdings.FindLhr(institution.RegistryId, controlNumber);
        if (lhr == null)
        {
            RequestOutcomes.Note(context, RequestOutcomes.NotFound);
            await WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404);
            return;
        }
        RequestOutcomes.Note(context, RequestOutcomes.Read, lhr.OclcNumber.ToString(CultureInfo.InvariantCulture));
        await Answer(context, 1, new[] { lhr });
    }

    private static Task Invalid(HttpContext context, string type, string detail)
    {
        RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
        return WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error(type, "Validation Failure", detail));
    }

    private static Task Answer(HttpContext context, int total, IEnumerable<StoredLhr> page) =>
        WorldCatRequestHandler.Write(context, 200, WorldCatBodies.Json(new Dictionary<string, object>
        {
            ["numberOfHoldings"] = total,
            ["detailedHoldings"] = page.Select(Detailed).ToList(),
        }));

    private static Dictionary<string, object?> Detailed(StoredLhr lhr)
    {
        var r = lhr.Record;
        var entered = (r.GetValue("005") ?? "").PadRight(8)[..8].Trim();
        return new Dictionary<string, object?>
        {
            ["lhrControlNumber"] = lhr.ControlNumber.ToString(CultureInfo.InvariantCulture),
            ["lhrDateEntered"] = entered,
            ["lhrLastUpdated"] = entered,
            ["oclcNumber"] = lhr.OclcNumber.ToString(CultureInfo.InvariantCulture),
            ["format"] = r.GetValue("007") ?? "zu",
            ["location"] = new Dictionary<string, string?>
            {
                ["holdingLocation"] = r.GetValue("852", 'a'),
                ["sublocationCollection"] = r.GetValue("852", 'b'),
                ["shelvingLocation"] = r.GetValue("852", 'c'),
            },
            ["copyNumber"] = r.GetValue("852", 't') ?? "1",
            ["callNumber"] = new Dictionary<string, string?> { ["displayCallNumber"] = r.GetValue("852", 'h'), ["classificationPart"] = r.GetValue("852", 'h') },
            ["hasSharedPrintCommitment"] = r.GetField("583") != null ? "Y" : "N",
            ["summary"] = "Local holdings available.",
            ["holdingParts"] = r.GetValues("876", 'p').Select(p => new Dictionary<string, string> { ["pieceDesignation"] = p }).ToList(),
        };
    }
}
