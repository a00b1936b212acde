using OclcCataloging.Marc;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>One error in the API's validationErrors lists.</summary>
public sealed record SimulatedValidationError(string List, string Tag, int Occurrence, string Message, string ErrorLevel);

/// <summary>
/// The simulator's few validation rules, enough for crafted records to fail in each of the API's three lists (the real rule set
/// is OCLC's). Every level: 008 present (fixed field), Leader/05 a c n p (fixed field 000), 245 present (record level),
/// 040 $c a 3–5 character symbol (variable field). Full and Replace add the relationship check "245 has $a or $k".
/// </summary>
public static class WorldCatBibValidator
{
    public const string RecordLevel = "recordLevelErrors";
    public const string FixedField = "fixedFieldErrors";
    public const string VariableField = "variableFieldErrors";

    public static readonly string[] Levels = { "validateFull", "validateAdd", "validateReplace" };

    public static IReadOnlyList<SimulatedValidationError> Validate(MarcRecord record, string level)
    {
        var errors = new List<SimulatedValidationError>();
        if (record.GetField("008") == null) errors.Add(new(FixedField, "008", 1, "008 is missing.", "CRITICAL"));
        char status = record.Leader.RecordStatus;
        if ("acnp".IndexOf(status) < 0) errors.Add(new(FixedField, "000", 1, "Invalid code in Record Status (Leader/05): " + status + ".", "CRITICAL"));
        var titles = record.GetDataFields("245");
        if (titles.Count == 0) errors.Add(new(RecordLevel, "REC", 1, "245 is missing.", "CRITICAL"));
        int occurrence = 0;
        foreach (var field in record.GetDataFields("040"))
        {
            occurrence++;
            var symbol = field.Subfields.FirstOrDefault(s => s.Code == 'c')?.Value;
            if (symbol != null && (symbol.Length is < 3 or > 5 || !symbol.All(char.IsAsciiLetterOrDigit)))
                errors.Add(new(VariableField, "040", occurrence, "Invalid symbol " + symbol + " in 1st $c in 040.", "CRITICAL"));
        }
        if (level != "validateAdd")
        {
            occurrence = 0;
            foreach (var title in titles)
            {
                occurrence++;
                if (!title.Subfields.Any(s => s.Code is 'a' or 'k'))
                    errors.Add(new(VariableField, "245", occurrence, "Invalid relationship - when 245 is present, then $a in 245 or $k in 245 must be present.", "CRITICAL"));
            }
        }
        return errors;
    }
}
