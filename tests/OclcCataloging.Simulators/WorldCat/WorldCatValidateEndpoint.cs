using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// POST /worldcat/manage/bibs/validate/{validateFull|validateAdd|validateReplace}: 200 status VALID, or 400 status INVALID with
/// validationErrors (errorCount, errors, recordLevelErrors, fixedFieldErrors, variableFieldErrors), or 400
/// BIB_LACKS_CONTROL_NUMBER when validateReplace gets a record without 001 (rules: <see cref="WorldCatBibValidator"/>).
/// </summary>
internal sealed class WorldCatValidateEndpoint
{
    public async Task HandleAsync(HttpContext context, string level)
    {
        if (!WorldCatBibValidator.Levels.Contains(level, StringComparer.Ordinal))
        {
            RequestOutcomes.Note(context, RequestOutcomes.BadRequest);
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.Error("BAD_REQUEST", "Invalid value.", "A request with an invalid validation level was attempted: " + level));
            return;
        }
        var record = await WorldCatMarcBody.ReadAsync(context);
        if (record == null) { RequestOutcomes.Note(context, RequestOutcomes.BadRequest); return; }
        if (record.ControlNumber is { } cn) RequestOutcomes.For(context).OclcNumber = new string(cn.Where(char.IsAsciiDigit).ToArray());
        if (level == "validateReplace" && string.IsNullOrWhiteSpace(record.ControlNumber))
        {
            RequestOutcomes.Note(context, RequestOutcomes.Invalid);
            await WorldCatRequestHandler.Write(context, 400, Status("BIB_LACKS_CONTROL_NUMBER", "Record is missing a control number", null));
            return;
        }
        var errors = WorldCatBibValidator.Validate(record, level);
        if (errors.Count == 0)
        {
            RequestOutcomes.Note(context, RequestOutcomes.Valid);
            await WorldCatRequestHandler.Write(context, 200, Status("VALID", "The provided Bib is valid", null));
            return;
        }
        var validationErrors = new Dictionary<string, object>
        {
            ["errorCount"] = errors.Count,
            ["errors"] = string.Join(" ", errors.Select(e => "-\"" + e.Message + "\"")),
        };
        foreach (var list in new[] { WorldCatBibValidator.RecordLevel, WorldCatBibValidator.FixedField, WorldCatBibValidator.VariableField })
        {
            validationErrors[list] = errors.Where(e => e.List == list).Select(e => new Dictionary<string, object>
            {
                ["message"] = e.Message, ["errorLevel"] = e.ErrorLevel, ["tag"] = e.Tag, ["occurrence"] = e.Occurrence,
            }).ToList();
        }
        RequestOutcomes.Note(context, RequestOutcomes.Invalid);
        await WorldCatRequestHandler.Write(context, 400, Status("INVALID", "The provided Bib is invalid", validationErrors));
    }

    private static string Status(string summary, string description, Dictionary<string, object>? validationErrors)
    {
        var status = new Dictionary<string, object> { ["summary"] = summary, ["description"] = description };
        if (validationErrors != null) status["validationErrors"] = validationErrors;
        return WorldCatBodies.Json(new Dictionary<string, object> { ["status"] = status });
    }
}
