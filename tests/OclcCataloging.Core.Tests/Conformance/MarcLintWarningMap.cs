using System.Text.RegularExpressions;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>Which of our rules must report a MARC::Lint 1.53 warning, from the warning's text.</summary>
internal static class MarcLintWarningMap
{
    private static readonly (Regex Pattern, string Rule)[] Map =
    {
        (new Regex(@"^1XX: Only one 1XX tag"), MarcRuleCatalog.MainEntryCount),
        (new Regex(@"^245: No 245 tag"), MarcRuleCatalog.RequiredField),
        (new Regex(@"^880: No subfield 6"), MarcRuleCatalog.Linkage880),
        (new Regex(@"^\w{3}: Field is not repeatable"), MarcRuleCatalog.FieldNotRepeatable),
        (new Regex(@"^\w{3}: Indicator [12] must be"), MarcRuleCatalog.IndicatorInvalid),
        (new Regex(@"^\w{3}: Subfield _.+? is not allowed"), MarcRuleCatalog.SubfieldUndefined),
        (new Regex(@"^\w{3}: Subfield _.+? is not repeatable"), MarcRuleCatalog.SubfieldNotRepeatable),
        (new Regex(@"^\w{3}: Subfield _.+? has an invalid control character"), MarcRuleCatalog.ControlCharacter),
        (new Regex(@"^\w{3}: Subfields are not allowed in fields lower than 010"), MarcRuleCatalog.ControlCharacter),
        (new Regex(@"^020: Subfield a may have invalid characters"), MarcRuleCatalog.IsbnCharacters),
        (new Regex(@"^020: Subfield a qualifier must be preceded by space"), MarcRuleCatalog.IsbnQualifierSpacing),
        (new Regex(@"^020: Subfield a has the wrong number of digits"), MarcRuleCatalog.IsbnLength),
        (new Regex(@"^020: Subfield a has bad checksum"), MarcRuleCatalog.IsbnCheckDigit),
        (new Regex(@"^020: +Subfield z is numerically valid"), MarcRuleCatalog.IsbnCanceledValid),
        (new Regex(@"^041: Subfield _. must be evenly divisible by 3"), MarcRuleCatalog.LanguageCodeLength),
        (new Regex(@"^041: Subfield _.,.*(may be obsolete|is not valid)"), MarcRuleCatalog.LanguageCode),
        (new Regex(@"^043: Subfield _a must be exactly 7 characters"), MarcRuleCatalog.GeographicCodeLength),
        (new Regex(@"^043: Subfield _a,.*(may be obsolete|is not valid)"), MarcRuleCatalog.GeographicCode),
        (new Regex(@"^245: (Must have a subfield _a|First subfield|May have too few subfields)"), MarcRuleCatalog.TitleSubfieldA),
        (new Regex(@"^245: (Must end with \. \(period\)|MARC21 allows \? or !)"), MarcRuleCatalog.TitleEndPunctuation),
        (new Regex(@"^245: Subfield _c initials should not have a space"), MarcRuleCatalog.TitleInitialsSpacing),
        (new Regex(@"^245: Subfield _[bchnp] (must|should)"), MarcRuleCatalog.TitlePunctuation),
        (new Regex(@"^\w{3}: (Non-filing indicator is non-numeric|First word,)"), MarcRuleCatalog.NonfilingIndicator),
    };

    /// <summary>The rule and tag a warning maps to, or null when no rule of ours claims it.</summary>
    public static (string Rule, string Tag)? Find(string warning)
    {
        foreach (var (pattern, rule) in Map)
        {
            if (pattern.IsMatch(warning)) return (rule, warning.Substring(0, 3));
        }
        return null;
    }
}
