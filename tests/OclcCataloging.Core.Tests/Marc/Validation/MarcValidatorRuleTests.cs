using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Mrk;
using OclcCataloging.Marc.Validation;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Validation;

/// <summary>Every rule: the base record of its format passes it, a record with one change fails it.</summary>
public class MarcValidatorRuleTests
{
    internal static readonly string Fixed008Bib = "200101s2020    nyu" + new string(' ', 17) + "eng d";

    internal static string BaseBibliographic => string.Join("\n",
        "=LDR  00000nam a2200000 a 4500",
        "=001  ocm12345678",
        "=008  " + Fixed008Bib.Replace(' ', '\\'),
        "=020  \\\\$a0306406152",
        "=041  0\\$aeng",
        "=043  \\\\$an-us---",
        "=100  1\\$aSmith, John.",
        "=245  14$aThe title :$bsubtitle /$cJohn Smith.",
        "=650  \\0$aJazz.");

    internal static string BaseAuthority => string.Join("\n",
        "=LDR  00000nz  a2200000n  4500",
        "=001  n 00012345",
        "=008  " + ("200101n| azannaabn          |a aaa      ").Replace(' ', '\\'),
        "=100  1\\$aSmith, John.",
        "=670  \\\\$aHis Book, 2020.");

    internal static string BaseHoldings => string.Join("\n",
        "=LDR  00000nx  a2200000zn 4500",
        "=001  h1",
        "=004  ocm12345678",
        "=008  " + "2001010u    8   4001aueng0000000".Replace(' ', '\\'),
        "=852  0\\$aDLC$bMain");

    public static TheoryData<string, string, string, string> Rows => new()
    {
        // rule, format, text to find in the base record, replacement that breaks the rule
        { MarcRuleCatalog.LeaderStatus, "bib", "=LDR  00000n", "=LDR  00000z" },
        { MarcRuleCatalog.LeaderType, "bib", "00000nam", "00000nbm" },
        { MarcRuleCatalog.LeaderBibLevel, "bib", "00000nam", "00000nax" },
        { MarcRuleCatalog.LeaderCodingScheme, "bib", "nam a22", "nam b22" },
        { MarcRuleCatalog.LeaderStructure, "bib", "a 4500", "a 4400" },
        { MarcRuleCatalog.LeaderEncodingLevel, "bib", "2200000 a", "2200000qa" },
        { MarcRuleCatalog.LeaderStatus, "auth", "00000nz", "00000pz" },
        { MarcRuleCatalog.LeaderEncodingLevel, "auth", "2200000n", "2200000z" },
        { MarcRuleCatalog.LeaderStatus, "hold", "00000nx", "00000ax" },
        { MarcRuleCatalog.FixedFieldMissing, "bib", "=008  ", "=006  " },
        { MarcRuleCatalog.FixedFieldLength, "bib", "eng\\d", "eng" },
        { MarcRuleCatalog.FixedFieldLength, "hold", "eng0000000", "eng00000000" },
        { MarcRuleCatalog.FixedFieldDate, "bib", "=008  200101", "=008  20x101" },
        { MarcRuleCatalog.FixedFieldValue, "bib", "200101s", "200101z" },
        { MarcRuleCatalog.FixedFieldValue, "auth", "200101n|\\a", "200101n|\\x" },
        { MarcRuleCatalog.FixedFieldValue, "hold", "2001010u", "2001019u" },
        { MarcRuleCatalog.FixedFieldLanguage, "bib", "eng\\d", "xxq\\d" },
        { MarcRuleCatalog.RequiredField, "bib", "=245  ", "=246  " },
        { MarcRuleCatalog.RequiredField, "auth", "=100  ", "=400  " },
        { MarcRuleCatalog.RequiredField, "hold", "=852  ", "=853  " },
        { MarcRuleCatalog.MainEntryCount, "bib", "=245  ", "=110  2\\$aBody.\n=245  " },
        { MarcRuleCatalog.FieldNotRepeatable, "bib", "=650  ", "=245  10$aAgain.\n=650  " },
        { MarcRuleCatalog.ControlCharacter, "bib", "$aJazz.", "$aJa\tzz." },
        { MarcRuleCatalog.ControlCharacter, "bib", "=001  ocm12345678", "=001  ocm1\u001Fa2345678" },
        { MarcRuleCatalog.EncodingMismatch, "bib", "nam a2200000 a 4500\n=001  ocm", "nam  2200000 a 4500\n=001  \u0D05ocm" },
        { MarcRuleCatalog.LoneCombiningMark, "bib", "$aJazz.", "$a\u0301Jazz." },
        { MarcRuleCatalog.TagUndefined, "bib", "=650  ", "=269  \\\\$ax\n=650  " },
        { MarcRuleCatalog.TagObsolete, "bib", "=650  ", "=440  \\0$aSeries.\n=650  " },
        { MarcRuleCatalog.Linkage880, "bib", "=650  ", "=880  10$aTitle.\n=650  " },
        { MarcRuleCatalog.IndicatorInvalid, "bib", "=650  \\0", "=650  \\x" },
        { MarcRuleCatalog.SubfieldUndefined, "bib", "$aJazz.", "$aJazz.$jx" },
        { MarcRuleCatalog.SubfieldNotRepeatable, "bib", "$aSmith, John.", "$aSmith,$aJohn." },
        { MarcRuleCatalog.IsbnCharacters, "bib", "$a0306406152", "$a0-306-40615-2" },
        { MarcRuleCatalog.IsbnQualifierSpacing, "bib", "$a0306406152", "$a0306406152(pbk.)" },
        { MarcRuleCatalog.IsbnLength, "bib", "$a0306406152", "$a03064061" },
        { MarcRuleCatalog.IsbnCheckDigit, "bib", "$a0306406152", "$a0306406153" },
        { MarcRuleCatalog.IsbnCheckDigit, "bib", "$a0306406152", "$a9770306406152" },
        { MarcRuleCatalog.IsbnCanceledValid, "bib", "$a0306406152", "$a0306406152$z0-306-40615-2" },
        { MarcRuleCatalog.LanguageCodeLength, "bib", "$aeng", "$aengl" },
        { MarcRuleCatalog.LanguageCode, "bib", "$aeng", "$aengxxq" },
        { MarcRuleCatalog.GeographicCodeLength, "bib", "$an-us---", "$an-us" },
        { MarcRuleCatalog.GeographicCode, "bib", "$an-us---", "$ax-xx---" },
        { MarcRuleCatalog.TitleSubfieldA, "bib", "14$aThe title :$b", "14$b" },
        { MarcRuleCatalog.TitleEndPunctuation, "bib", "/$cJohn Smith.", "/$cJohn Smith" },
        { MarcRuleCatalog.TitlePunctuation, "bib", "$aThe title :$b", "$aThe title$b" },
        { MarcRuleCatalog.TitlePunctuation, "bib", "subtitle /$c", "subtitle$c" },
        { MarcRuleCatalog.TitleInitialsSpacing, "bib", "$cJohn Smith.", "$cJ. R. Smith." },
        { MarcRuleCatalog.NonfilingIndicator, "bib", "=245  14", "=245  10" },
        { MarcRuleCatalog.NonfilingIndicator, "bib", "=245  14$aThe", "=245  14$aA" },
        { MarcRuleCatalog.HoldingsLocation, "hold", "$aDLC$bMain", "$aDLC" },
    };

    /// <summary>
    /// A passing example for every rule: one change to the base record that puts in what the rule looks at (a
    /// value, field or code it checks) in a form the rule accepts, so the check is exercised and stays quiet.
    /// </summary>
    public static TheoryData<string, string, string, string> PassingRows => new()
    {
        // rule, format, text to find in the base record, replacement the rule accepts
        { MarcRuleCatalog.LeaderStatus, "bib", "=LDR  00000n", "=LDR  00000c" },
        { MarcRuleCatalog.LeaderStatus, "auth", "00000nz", "00000cz" },
        { MarcRuleCatalog.LeaderStatus, "hold", "00000nx", "00000cx" },
        { MarcRuleCatalog.LeaderType, "bib", "00000nam", "00000ncm" },
        { MarcRuleCatalog.LeaderType, "hold", "00000nx", "00000ny" },
        { MarcRuleCatalog.LeaderBibLevel, "bib", "00000nam", "00000nas" },
        { MarcRuleCatalog.LeaderCodingScheme, "bib", "nam a22", "nam  22" },
        { MarcRuleCatalog.LeaderStructure, "bib", "=LDR  00000nam a2200000 a 4500", "=LDR  01234nam a2200289 a 4500" },
        { MarcRuleCatalog.LeaderEncodingLevel, "bib", "2200000 a", "22000007a" },
        { MarcRuleCatalog.LeaderEncodingLevel, "auth", "2200000n", "2200000o" },
        { MarcRuleCatalog.FixedFieldMissing, "bib", "=008  ", "=007  ta\n=008  " },
        { MarcRuleCatalog.FixedFieldLength, "bib", "eng\\d", "fre\\d" },
        { MarcRuleCatalog.FixedFieldLength, "hold", "aueng0000000", "aufre0000000" },
        { MarcRuleCatalog.FixedFieldDate, "bib", "=008  200101", "=008  991231" },
        { MarcRuleCatalog.FixedFieldValue, "bib", "200101s", "200101r" },
        { MarcRuleCatalog.FixedFieldValue, "auth", "200101n|\\a", "200101n|\\b" },
        { MarcRuleCatalog.FixedFieldLanguage, "bib", "eng\\d", "fre\\d" },
        { MarcRuleCatalog.RequiredField, "auth", "=100  1\\$aSmith, John.", "=110  2\\$aSmith Corporation." },
        { MarcRuleCatalog.RequiredField, "hold", "$aDLC$bMain", "$aDLC$bMain$hML410" },
        { MarcRuleCatalog.MainEntryCount, "bib", "=100  1\\$aSmith, John.", "=110  2\\$aBody." },
        { MarcRuleCatalog.FieldNotRepeatable, "bib", "=650  ", "=650  \\0$aBlues.\n=650  " },
        { MarcRuleCatalog.FieldNotRepeatable, "bib", "=650  ", "=880  10$6245-01$aAnother script.\n=650  " },
        { MarcRuleCatalog.ControlCharacter, "bib", "$aJazz.", "$aJazz \u00E9tudes." },
        { MarcRuleCatalog.EncodingMismatch, "bib", "$aJazz.", "$a\u7235\u58EB." },
        { MarcRuleCatalog.LoneCombiningMark, "bib", "$aJazz.", "$aJaz\u0301z." },
        { MarcRuleCatalog.TagUndefined, "bib", "=650  ", "=949  \\\\$ax\n=650  " },
        { MarcRuleCatalog.TagObsolete, "bib", "=650  ", "=490  0\\$aSeries.\n=650  " },
        { MarcRuleCatalog.Linkage880, "bib", "=650  ", "=880  10$6245-01$aTitle.\n=650  " },
        { MarcRuleCatalog.IndicatorInvalid, "bib", "=650  \\0", "=650  \\2" },
        { MarcRuleCatalog.SubfieldUndefined, "bib", "$aJazz.", "$aJazz$xHistory." },
        { MarcRuleCatalog.SubfieldNotRepeatable, "bib", "$aJazz.", "$aJazz$xHistory$xCriticism." },
        { MarcRuleCatalog.IsbnCharacters, "bib", "$a0306406152", "$a0306406152 (pbk.)" },
        { MarcRuleCatalog.IsbnQualifierSpacing, "bib", "$a0306406152", "$a0306406152 (pbk.)" },
        { MarcRuleCatalog.IsbnLength, "bib", "$a0306406152", "$a9780306406157" },
        { MarcRuleCatalog.IsbnCheckDigit, "bib", "$a0306406152", "$a080442957X" },
        { MarcRuleCatalog.IsbnCheckDigit, "bib", "$a0306406152", "$a9780306406157" },
        { MarcRuleCatalog.IsbnCanceledValid, "bib", "$a0306406152", "$a0306406152$z0306406153" },
        { MarcRuleCatalog.LanguageCodeLength, "bib", "$aeng", "$aengfre" },
        { MarcRuleCatalog.LanguageCodeLength, "bib", "=041  0\\$aeng", "=041  07$aen$2iso639-1" },
        { MarcRuleCatalog.LanguageCode, "bib", "$aeng", "$afreger" },
        { MarcRuleCatalog.GeographicCodeLength, "bib", "$an-us---", "$ae-fr---" },
        { MarcRuleCatalog.GeographicCode, "bib", "$an-us---", "$ae-fr---" },
        { MarcRuleCatalog.TitleSubfieldA, "bib", "=245  14$aThe", "=245  14$6880-01$aThe" },
        { MarcRuleCatalog.TitleEndPunctuation, "bib", "$aThe title :$bsubtitle /$cJohn Smith.", "$aThe title." },
        { MarcRuleCatalog.TitlePunctuation, "bib", "$aThe title :$bsubtitle", "$aThe title =$bsubtitle" },
        { MarcRuleCatalog.TitleInitialsSpacing, "bib", "$cJohn Smith.", "$cJ.R. Smith." },
        { MarcRuleCatalog.NonfilingIndicator, "bib", "=245  14$aThe title", "=245  12$aA title" },
        { MarcRuleCatalog.HoldingsLocation, "hold", "$aDLC$bMain", "$aDLC$bMain$hML410" },
    };

    internal static MarcRecord Parse(string format, string text)
    {
        return MarcEditText.Parse(text, MarcFormat.Mrk8).Single();
    }

    /// <summary>The record written as ISO 2709 and read back: its subfields stay raw bytes until touched, as in a file.</summary>
    internal static MarcRecord ThroughIso2709(MarcRecord record) => Iso2709Reader.ParseRecord(Iso2709Writer.ToBytes(record));

    /// <summary>
    /// The record as parsed from the text and as read from ISO 2709 bytes (the validator reads raw fields differently);
    /// only the parsed one when the writer refuses the record (a subfield delimiter in a control field, say).
    /// </summary>
    private static MarcRecord[] BothWays(string format, string text)
    {
        MarcRecord parsed = Parse(format, text);
        try
        {
            return new[] { parsed, ThroughIso2709(Parse(format, text)) };
        }
        catch (MarcWriteException)
        {
            return new[] { parsed };
        }
    }

    internal static string Base(string format) => format switch
    {
        "bib" => BaseBibliographic,
        "auth" => BaseAuthority,
        "hold" => BaseHoldings,
        _ => throw new ArgumentException(format),
    };

    [Theory]
    [InlineData("bib")]
    [InlineData("auth")]
    [InlineData("hold")]
    public void Base_records_have_no_findings(string format)
    {
        MarcValidationResult r = new MarcValidator().Validate(Parse(format, Base(format)), 1);
        Assert.True(r.Findings.Count == 0, string.Join("\n", r.Findings));
        Assert.True(r.IsValid);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Rule_passes_the_base_record_and_fails_the_changed_one(string ruleId, string format, string find, string replace)
    {
        string text = Base(format);
        Assert.Contains(find, text);
        var validator = new MarcValidator();
        foreach (MarcRecord good in BothWays(format, text))
            Assert.DoesNotContain(validator.Validate(good, 1).Findings, f => f.RuleId == ruleId);
        foreach (MarcRecord record in BothWays(format, text.Replace(find, replace)))
        {
            MarcValidationResult bad = validator.Validate(record, 1);
            Assert.True(bad.Findings.Any(f => f.RuleId == ruleId), ruleId + " not reported; findings:\n" + string.Join("\n", bad.Findings));
        }
    }

    [Theory]
    [MemberData(nameof(PassingRows))]
    public void Rule_accepts_its_passing_example(string ruleId, string format, string find, string replace)
    {
        string text = Base(format);
        Assert.Contains(find, text);
        Assert.NotEqual(find, replace);
        foreach (MarcRecord record in BothWays(format, text.Replace(find, replace)))
        {
            MarcValidationResult ok = new MarcValidator().Validate(record, 1);
            Assert.True(!ok.Findings.Any(f => f.RuleId == ruleId), ruleId + " reported for its passing example:\n" + string.Join("\n", ok.Findings));
        }
    }

    /// <summary>Rules checked by a fact of their own instead of theory rows (the reader's diagnostics are not text edits).</summary>
    private static readonly string[] CoveredByFacts = { MarcRuleCatalog.ReaderDiagnostic };

    [Fact]
    public void Every_rule_in_the_catalogue_has_a_failing_and_a_passing_row()
    {
        var failing = Rows.Select(r => (string)r[0]).ToHashSet();
        var passing = PassingRows.Select(r => (string)r[0]).ToHashSet();
        string[] missing = MarcRuleCatalog.Rules.Select(r => r.Id)
            .Where(id => !CoveredByFacts.Contains(id))
            .Where(id => !failing.Contains(id) || !passing.Contains(id))
            .Select(id => id + (failing.Contains(id) ? "" : " (no failing row)") + (passing.Contains(id) ? "" : " (no passing row)"))
            .ToArray();
        Assert.True(missing.Length == 0, "Rules without theory rows: " + string.Join(", ", missing));
        Assert.All(CoveredByFacts, id => Assert.NotNull(MarcRuleCatalog.Find(id)));
    }

    [Fact]
    public void A_record_the_reader_read_cleanly_has_no_reader_diagnostic_finding()
    {
        MarcRecord record = ThroughIso2709(Parse("bib", BaseBibliographic));
        Assert.DoesNotContain(new MarcValidator().Validate(record, 1).Findings, f => f.RuleId == MarcRuleCatalog.ReaderDiagnostic);
    }

    [Fact]
    public void Reader_diagnostics_become_findings_with_their_byte_offset()
    {
        MarcRecord record = Parse("bib", BaseBibliographic);
        record.AddWarning(new MarcDiagnostic(MarcSeverity.Error, MarcDiagnosticCodes.DirectoryRebuilt, "directory rebuilt", 1234, "245"));
        MarcFinding f = Assert.Single(new MarcValidator().Validate(record, 1).Findings);
        Assert.Equal(MarcRuleCatalog.ReaderDiagnostic, f.RuleId);
        Assert.Equal(1234, f.ByteOffset);
        Assert.Equal(ValidationSeverity.Error, f.Severity);
    }
}
