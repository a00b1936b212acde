using OclcCataloging.DataSync.FileNames;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>Upload file name rules, docs/design/data-sync.md, and decision 9-12 of docs/design/data-sync.md.</summary>
public sealed class DataSyncFileNameTests
{
    [Fact]
    public void Minimal_name_complies()
    {
        var t = DataSyncFileNameValidator.Test("1234567.OCWMS.mrc");   // ambiguity 4: ID, symbol, extension suffice
        Assert.True(t.IsValid);
        Assert.Empty(t.Warnings);
        Assert.Equal("1234567", t.CollectionId);
        Assert.Equal("OCWMS", t.Symbol);
        Assert.Equal("mrc", t.Extension);
    }

    [Theory]
    [InlineData("123456.OCWMS.mrc", DataSyncFileNameRules.CollectionId)]        // 6 digits
    [InlineData("OCWMS.1234567.mrc", DataSyncFileNameRules.CollectionId)]       // ID not first
    [InlineData("1234567.mrc", DataSyncFileNameRules.Symbol)]                   // no symbol
    [InlineData("1234567.OCWMS.txt", DataSyncFileNameRules.Extension)]          // decision 9
    [InlineData(".1234567.OCWMS.mrc", DataSyncFileNameRules.LeadingCharacter)]
    [InlineData("_1234567.OCWMS.mrc", DataSyncFileNameRules.LeadingCharacter)]
    [InlineData("1234567.OCWMS.my bibs.mrc", DataSyncFileNameRules.DisallowedCharacter)]
    [InlineData("1234567.OCWMS.bibs+lhr.mrc", DataSyncFileNameRules.DisallowedCharacter)]
    [InlineData("1234567.OCWMS..mrc", DataSyncFileNameRules.EmptyElement)]
    public void Breaking_a_rule_is_an_error(string name, string rule)
    {
        var t = DataSyncFileNameValidator.Test(name);
        Assert.False(t.IsValid);
        Assert.Contains(t.Errors, e => e.RuleId == rule);
    }

    [Theory]
    [InlineData("1234567.OCWMS.xml")]
    [InlineData("1234567.OCWMS.csv")]
    [InlineData("1234567.OCWMS.bibs.D20240101.T120000.1.mrc")]
    [InlineData("1234567.EL_36.mrc")]
    public void Compliant_names_pass(string name)
    {
        var t = DataSyncFileNameValidator.Test(name);
        Assert.True(t.IsValid, string.Join("; ", t.Errors));
        Assert.Empty(t.Warnings);
    }

    [Fact]
    public void Decision9_other_extension_can_be_allowed()
    {
        Assert.True(DataSyncFileNameValidator.Test("1234567.OCWMS.marc", allowOtherExtensions: true).IsValid);
    }

    [Fact]
    public void Decision10_raw_control_character_warns()
    {
        var t = DataSyncFileNameValidator.Test("1234567.EL$.mrc");
        Assert.True(t.IsValid);
        Assert.Contains(t.Warnings, w => w.RuleId == DataSyncFileNameRules.ControlCharacter);
        Assert.Equal("EL$", DataSyncFileNameValidator.Test("1234567.EL_36.mrc").InstitutionSymbol);
    }

    [Fact]
    public void Decision11_internal_dash_or_underscore_warns()
    {
        var t = DataSyncFileNameValidator.Test("1234567.OCWMS.bibs-2024.mrc");
        Assert.True(t.IsValid);
        Assert.Contains(t.Warnings, w => w.RuleId == DataSyncFileNameRules.InternalDashOrUnderscore);
    }

    [Fact]
    public void Decision12_lower_case_symbol_warns()
    {
        var t = DataSyncFileNameValidator.Test("1234567.ocwms.mrc");
        Assert.True(t.IsValid);
        Assert.Contains(t.Warnings, w => w.RuleId == DataSyncFileNameRules.LowerCaseSymbol);
    }

    [Fact]
    public void Builder_converts_control_characters_and_upper_cases_the_symbol()
    {
        Assert.Equal("1234567.EL_36.mrc", DataSyncFileNameBuilder.Build("1234567", "EL$", null, "mrc"));
        Assert.Equal("1234567.UV_36.lhr.xml", DataSyncFileNameBuilder.Build("1234567", "uv$", new[] { "lhr" }, "xml"));
        Assert.Equal("1234567.A_64B_35.csv", DataSyncFileNameBuilder.Build("1234567", "A@B#", null, ".csv"));
    }

    [Fact]
    public void Builder_adds_date_time_and_sequence()
    {
        string name = DataSyncFileNameBuilder.Build("1234567", "OCWMS", new[] { "lhr" }, "mrc", new DateTime(2001, 2, 3, 4, 5, 6), 2);
        Assert.Equal("1234567.OCWMS.lhr.D20010203.T040506.2.mrc", name);
        Assert.True(DataSyncFileNameValidator.Test(name).IsValid);
    }

    [Fact]
    public void Builder_names_are_unique_per_call_with_a_timestamp()
    {
        var t = new DateTime(2030, 5, 6, 7, 8, 9, 500);
        string a = DataSyncFileNameBuilder.Build("1234567", "OCWMS", null, "mrc", t);
        string b = DataSyncFileNameBuilder.Build("1234567", "OCWMS", null, "mrc", t);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("123456", "OCWMS", null, "mrc", DataSyncFileNameRules.CollectionId)]
    [InlineData("1234567", "", null, "mrc", DataSyncFileNameRules.Symbol)]
    [InlineData("1234567", "OC WMS", null, "mrc", DataSyncFileNameRules.Symbol)]
    [InlineData("1234567", "OCWMS", "my bibs", "mrc", DataSyncFileNameRules.DisallowedCharacter)]
    [InlineData("1234567", "OCWMS", "bibs-2024", "mrc", DataSyncFileNameRules.InternalDashOrUnderscore)]
    [InlineData("1234567", "OCWMS", null, "txt", DataSyncFileNameRules.Extension)]
    public void Builder_refuses_input_that_breaks_a_rule(string id, string symbol, string? description, string ext, string rule)
    {
        var e = Assert.Throws<DataSyncFileNameException>(() =>
            DataSyncFileNameBuilder.Build(id, symbol, description == null ? null : new[] { description }, ext));
        Assert.Equal(rule, e.RuleId);
        Assert.StartsWith(rule + ":", e.Message);
    }
}
