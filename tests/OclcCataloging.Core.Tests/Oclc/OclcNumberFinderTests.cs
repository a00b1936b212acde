using OclcCataloging.Marc;
using OclcCataloging.Oclc;
using Xunit;

namespace OclcCataloging.Core.Tests.Oclc;

/// <summary>Location rules (docs/design/oclc-numbers.md; issue: Auto order).</summary>
public sealed class OclcNumberFinderTests
{
    private static MarcRecord Bib(string? f001 = null, string? f003 = null, params string[] f035)
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        if (f001 != null) r.AddControlField("001", f001);
        if (f003 != null) r.AddControlField("003", f003);
        foreach (string v in f035) r.AddDataField("035", "  ", "a", v);
        return r;
    }

    private static MarcRecord Holdings() => new MarcRecord(new Leader("00000nx  a22000002n 4500"));

    [Fact]
    public void Bib_001_counts_when_003_is_OCoLC_or_the_value_is_prefixed()
    {
        Assert.Equal("12345", OclcNumberFinder.FindPrimary(Bib("12345", "OCoLC"), OclcNumberLocation.Auto)!.OclcNumber);
        Assert.Equal("12345", OclcNumberFinder.FindPrimary(Bib("ocm00012345"), OclcNumberLocation.Auto)!.OclcNumber);
        Assert.Null(OclcNumberFinder.FindPrimary(Bib("12345", "DLC"), OclcNumberLocation.Auto)); // local number
    }

    [Fact]
    public void Bib_falls_back_to_035_with_OCoLC()
    {
        var r = Bib("b1234567", null, "(NjP)999", "(OCoLC)54321");
        var n = OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Auto)!;
        Assert.Equal("54321", n.OclcNumber);
        Assert.Equal("035$a", n.Source);
    }

    [Fact]
    public void Bib_001_wins_over_035_and_All_returns_every_number()
    {
        var r = Bib("ocm00012345", null, "(OCoLC)12345");
        r.AddDataField("019", "  ", "a", "999", "a", "888");
        var all = OclcNumberFinder.FindAll(r, OclcNumberLocation.Auto);
        Assert.Equal(new[] { "001", "035$a", "019$a", "019$a" }, all.Select(n => n.Source));
        Assert.True(all[0].IsPrimary);
        Assert.True(all[2].IsMerged);
        Assert.False(all[2].IsPrimary);
    }

    [Fact]
    public void Location_019_yields_merged_numbers()
    {
        var r = Bib("ocm00012345");
        r.AddDataField("019", "  ", "a", "999");
        var n = OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Field019)!;
        Assert.Equal("999", n.OclcNumber);
        Assert.True(n.IsMerged);
    }

    [Fact]
    public void Holdings_use_004_then_014_then_035()
    {
        var r = Holdings();
        r.AddDataField("035", "  ", "a", "(OCoLC)3");
        r.AddDataField("014", "1 ", "a", "2", "b", "OCoLC");
        r.AddControlField("004", "1");
        Assert.Equal(new[] { "004", "014$a", "035$a" }, OclcNumberFinder.FindAll(r, OclcNumberLocation.Auto).Select(n => n.Source));
        Assert.Equal("1", OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Auto)!.OclcNumber);
    }

    [Fact]
    public void Field_014_counts_only_with_b_OCoLC()
    {
        var r = Holdings();
        r.AddDataField("014", "1 ", "a", "1605897", "b", "DLC");
        Assert.Null(OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Field014));
        r.AddDataField("014", "1 ", "a", "1605897", "b", "OCoLC");   // LoC example
        Assert.Equal("1605897", OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Field014)!.OclcNumber);
    }

    [Fact]
    public void Field_035z_and_other_prefixes_are_reported_invalid_not_used()
    {
        var r = Bib(null, null, "(OCoLC-M)858201973344");
        r.AddDataField("035", "  ", "z", "(OCoLC)777");
        var all = OclcNumberFinder.FindAll(r, OclcNumberLocation.Field035);
        Assert.All(all, n => Assert.False(n.IsValid));
        Assert.Contains(all, n => n.ProblemRule == OclcNumberRules.OtherInstitutionPrefix);
        Assert.Contains(all, n => n.ProblemRule == OclcNumberRules.CancelledNumber);
        Assert.Null(OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Auto));
    }

    [Fact]
    public void Report_gives_one_answer_per_record_even_without_a_number()
    {
        var r = Bib("local1");
        var report = OclcNumberFinder.Report(r, OclcNumberLocation.Auto, all: false);
        var n = Assert.Single(report);
        Assert.False(n.IsValid);
        Assert.True(n.IsNotFound);
        Assert.Equal(OclcNumberRules.NotFound, n.ProblemRule);
        Assert.Equal("local1", n.RecordControlNumber);
    }
}
