using OclcCataloging.Marc.Validation;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Validation;

public class MarcValidationOptionsTests
{
    private static readonly string BadIsbnNoPeriod = MarcValidatorRuleTests.BaseBibliographic
        .Replace("$a0306406152", "$a0306406153").Replace("/$cJohn Smith.", "/$cJohn Smith");

    private static MarcValidationResult Validate(MarcValidationOptions options) =>
        new MarcValidator(options).Validate(MarcValidatorRuleTests.Parse("bib", BadIsbnNoPeriod), 1);

    [Fact]
    public void Full_reports_field_checks_and_Basic_does_not()
    {
        Assert.Contains(Validate(new MarcValidationOptions()).Findings, f => f.RuleId == MarcRuleCatalog.IsbnCheckDigit);
        MarcValidationResult basic = Validate(new MarcValidationOptions { Level = ValidationLevel.Basic });
        Assert.Empty(basic.Findings);
        Assert.True(basic.IsValid);
    }

    [Fact]
    public void Excluded_rules_by_id_or_wildcard_are_not_reported()
    {
        var o = new MarcValidationOptions();
        o.Exclude("IsbnCheck*");
        o.Exclude("titleendpunctuation");
        Assert.Empty(Validate(o).Findings);
        Assert.Throws<ArgumentException>(() => o.Exclude("NoSuchRule"));
    }

    [Fact]
    public void A_rules_file_turns_rules_off_and_changes_severity()
    {
        var o = new MarcValidationOptions();
        MarcRulesFile.Apply(new StringReader("# local practice\nIsbnCheckDigit  Warning\nTitleEndPunctuation Off # we do not care\n"), "local.rules", o);
        MarcValidationResult r = Validate(o);
        MarcFinding f = Assert.Single(r.Findings);
        Assert.Equal(ValidationSeverity.Warning, f.Severity);
        Assert.True(r.IsValid);
        Assert.Equal(1, r.WarningCount);
    }

    [Theory]
    [InlineData("NoSuchRule Off", "no validation rule")]
    [InlineData("IsbnCheckDigit Fatal", "is not Off")]
    [InlineData("IsbnCheckDigit", "expected")]
    [InlineData("IsbnCheckDigit 2", "is not Off")]
    public void A_bad_rules_file_line_fails_with_its_line_number(string line, string message)
    {
        var e = Assert.Throws<FormatException>(() => MarcRulesFile.Apply(new StringReader("\n" + line), "x.rules", new MarcValidationOptions()));
        Assert.Contains("x.rules line 2", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void RecordKind_overrides_leader_06()
    {
        var o = new MarcValidationOptions { RecordKind = OclcCataloging.Marc.RecordKind.Authority };
        MarcValidationResult r = new MarcValidator(o).Validate(MarcValidatorRuleTests.Parse("bib", MarcValidatorRuleTests.BaseBibliographic), 1);
        Assert.Equal(OclcCataloging.Marc.RecordKind.Authority, r.RecordKind);
        Assert.Contains(r.Findings, f => f.RuleId == MarcRuleCatalog.LeaderType && f.Tag == "LDR" && f.Position == 6);
    }

    [Fact]
    public void Findings_say_where()
    {
        MarcFinding f = Validate(new MarcValidationOptions()).Findings.First(x => x.RuleId == MarcRuleCatalog.IsbnCheckDigit);
        Assert.Equal("020[1] $a", f.Place);
        Assert.Equal(1, f.RecordNumber);
    }

    [Fact]
    public void Tables_carry_their_MARC_21_update_number()
    {
        Assert.Contains("Update No. 30", MarcFormatTable.Bibliographic.Update);
        Assert.Contains("Update No.", MarcFormatTable.Authority.Update);
        Assert.Contains("Update No.", MarcFormatTable.Holdings.Update);
        Assert.False(MarcFormatTable.Bibliographic.Find("245")!.IsRepeatable);
    }
}
