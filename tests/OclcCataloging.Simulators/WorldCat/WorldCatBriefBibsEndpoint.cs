using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>GET /worldcat/search/brief-bibs (doc §1.5).</summary>
internal sealed class WorldCatBriefBibsEndpoint(WorldCatSimulatorOptions options)
{
    public const int MaxLimit = 50;

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var q = query["q"].ToString();
        if (string.IsNullOrWhiteSpace(q)) { await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.MissingQuery); return; }

        int limit = 10;
        // INFERRED (doc §5.3 item 4): a limit above the documented maximum of 50 is refused rather than clamped.
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            await Invalid(context, "limit must be a whole number from 1 to " + MaxLimit + ": " + query["limit"]);
            return;
        }
        int offset = options.OffsetBase;
        if (query.ContainsKey("offset") && (!int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < options.OffsetBase))
        {
            await Invalid(context, "offset must be a whole number of at least " + options.OffsetBase + ": " + query["offset"]);
            return;
        }

        WorldCatQuery parsed;
        try { parsed = WorldCatQuery.Parse(q); }
        catch (WorldCatQueryException ex)
        {
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error(ex.Type, "Validation Failure", ex.Detail));
            return;
        }

        var matches = options.Catalogue.Records.Where(parsed.Matches).ToList();
        var page = matches.Skip(offset - options.OffsetBase).Take(limit).Select(Brief).ToList();
        var body = new Dictionary<string, object?> { ["numberOfRecords"] = matches.Count, ["briefRecords"] = page };
        await WorldCatRequestHandler.Write(context, options.PartialContent ? 206 : 200, WorldCatBodies.Json(body));
    }

    private static Task Invalid(HttpContext context, string detail) =>
        WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("INVALID_QUERY_PARAMETER_VALUE", "Validation Failure", detail));

    /// <summary>The documented brief record keys; some null, some absent, as the live API does.</summary>
    private static Dictionary<string, object?> Brief(SimulatedBib bib)
    {
        var record = new Dictionary<string, object?>
        {
            ["oclcNumber"] = bib.OclcNumber.ToString(CultureInfo.InvariantCulture),
            ["title"] = bib.Title,
            ["creator"] = bib.Author,
            ["date"] = bib.Date,
            ["machineReadableDate"] = bib.Date,
            ["language"] = bib.Language,
            ["generalFormat"] = bib.IsSerial ? "Jrnl" : "Book",
            ["specificFormat"] = bib.IsSerial ? "Print" : "PrintBook",
            ["edition"] = null,
            ["publisher"] = bib.Publisher,
            ["isbns"] = bib.Isbns,
            ["catalogingInfo"] = new Dictionary<string, string>
            {
                ["catalogingAgency"] = "SIM", ["transcribingAgency"] = "SIM", ["catalogingLanguage"] = "eng", ["levelOfCataloging"] = " ",
            },
        };
        if (bib.PublicationPlace != null) record["publicationPlace"] = bib.PublicationPlace;
        if (bib.Issn != null) record["issns"] = new[] { bib.Issn };
        record["mergedOclcNumbers"] = bib.MergedOclcNumbers.Count == 0 ? null : bib.MergedOclcNumbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
        return record;
    }
}
