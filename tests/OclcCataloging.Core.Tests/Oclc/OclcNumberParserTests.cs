using OclcCataloging.Oclc;
using Xunit;

namespace OclcCataloging.Core.Tests.Oclc;

/// <summary>docs/design/oclc-numbers.md: every documented prefix form, and the rejections.</summary>
public sealed class OclcNumberParserTests
{
    [Theory]
    [InlineData("(OCoLC)12345", "12345")]
    [InlineData("(OCoLC)00003862", "3862")]          // data sync page: padded 035
    [InlineData("(OCoLC)198765401", "198765401")]
    [InlineData("(OCoLC)ocm00012345", "12345")]
    [InlineData("(OCoLC)ocn123456789", "123456789")]
    [InlineData("(OCoLC)on1023456789", "1023456789")]
    [InlineData("(OCoLC)ocl700012345", "12345")]
    [InlineData("ocm00012345", "12345")]
    [InlineData("ocm00012345 ", "12345")]            // trailing blank (Connexion)
    [InlineData("ocn123456789", "123456789")]
    [InlineData("on1345345345", "1345345345")]
    [InlineData("ocl700012345", "12345")]
    [InlineData("12345", "12345")]
    [InlineData("0012345", "12345")]
    public void Accepts_every_documented_form(string raw, string expected)
    {
        var n = OclcNumberParser.Parse(raw);
        Assert.True(n.IsValid, n.Problem);
        Assert.Equal(expected, n.OclcNumber);
        Assert.Equal(raw, n.RawValue);
    }

    [Theory]
    [InlineData("(OCoLC-M)858201973344", OclcNumberRules.OtherInstitutionPrefix)]   // FOLIO example
    [InlineData("(NjP)12345", OclcNumberRules.OtherInstitutionPrefix)]
    [InlineData("(OCoLC)12-345", OclcNumberRules.NotNumeric)]
    [InlineData("ocmABC", OclcNumberRules.NotNumeric)]
    [InlineData("(OCoLC)", OclcNumberRules.NotNumeric)]
    [InlineData("", OclcNumberRules.NotNumeric)]
    [InlineData("ocm00000000", OclcNumberRules.Zero)]
    [InlineData("1234567890123456789", OclcNumberRules.TooLong)]
    public void Rejects_non_oclc_values(string raw, string rule)
    {
        var n = OclcNumberParser.Parse(raw);
        Assert.False(n.IsValid);
        Assert.Equal(rule, n.ProblemRule);
        Assert.False(string.IsNullOrEmpty(n.Problem));
        Assert.Null(n.Canonical035);
    }

    [Fact]
    public void Decision2_ocm_with_seven_digits_is_accepted_with_a_warning()
    {
        var n = OclcNumberParser.Parse("ocm0012345");   // the History page's own example
        Assert.True(n.IsValid);
        Assert.Equal("12345", n.OclcNumber);
        Assert.Contains(n.Warnings, w => w.StartsWith(OclcNumberRules.ShortOcm));
        Assert.Empty(OclcNumberParser.Parse("ocm00012345").Warnings);
    }

    [Fact]
    public void Decision4_prefix_that_does_not_match_the_digit_count_warns()
    {
        var n = OclcNumberParser.Parse("ocn12345678");
        Assert.True(n.IsValid);
        Assert.Equal("12345678", n.OclcNumber);
        Assert.Contains(n.Warnings, w => w.StartsWith(OclcNumberRules.PrefixDigitMismatch));
        Assert.Empty(OclcNumberParser.Parse("ocn123456789").Warnings);
        Assert.Contains(OclcNumberParser.Parse("on123456789").Warnings, w => w.StartsWith(OclcNumberRules.PrefixDigitMismatch));
    }

    [Fact]
    public void Decision5_bare_ocm_in_035_warns()
    {
        var bare = OclcNumberParser.Parse("ocm00012345", OclcNumberSource.Field035, bareDigitsAllowed: false);
        Assert.True(bare.IsValid);
        Assert.Contains(bare.Warnings, w => w.StartsWith(OclcNumberRules.Bare035Prefix));
        Assert.Empty(OclcNumberParser.Parse("(OCoLC)ocm00012345", OclcNumberSource.Field035, false).Warnings);
    }

    [Fact]
    public void Bare_digits_need_a_location_that_allows_them()
    {
        var n = OclcNumberParser.Parse("12345", OclcNumberSource.Field035, bareDigitsAllowed: false);
        Assert.Equal(OclcNumberRules.PrefixRequired, n.ProblemRule);
        Assert.True(OclcNumberParser.Parse("12345", OclcNumberSource.Field004, bareDigitsAllowed: true).IsValid);
    }

    [Fact]
    public void Field_035z_is_never_an_oclc_number()
    {
        var n = OclcNumberParser.Parse("(OCoLC)12345", OclcNumberSource.Field035z, bareDigitsAllowed: false);
        Assert.False(n.IsValid);
        Assert.Equal(OclcNumberRules.CancelledNumber, n.ProblemRule);
    }

    [Fact]
    public void Historical_001_transaction_date_is_ignored_with_a_warning()
    {
        var n = OclcNumberParser.Parse("ocm0012345 800630", OclcNumberSource.Field001, bareDigitsAllowed: false);
        Assert.True(n.IsValid);
        Assert.Equal("12345", n.OclcNumber);
        Assert.Contains(n.Warnings, w => w.StartsWith(OclcNumberRules.TransactionDateIgnored));
    }

    [Theory]
    [InlineData("3862", "(OCoLC)3862", "(OCoLC)00003862", "ocm00003862")]
    [InlineData("12345678", "(OCoLC)12345678", "(OCoLC)12345678", "ocm12345678")]
    [InlineData("123456789", "(OCoLC)123456789", "(OCoLC)123456789", "ocn123456789")]
    [InlineData("1345345345", "(OCoLC)1345345345", "(OCoLC)1345345345", "on1345345345")]
    public void Canonical_forms_follow_decisions_1_and_3(string raw, string canonical035, string padded035, string canonical001)
    {
        var n = OclcNumberParser.Parse(raw);
        Assert.Equal(canonical035, n.Canonical035);      // decision 1: unpadded by default
        Assert.Equal(padded035, n.To035(padToEightDigits: true));
        Assert.Equal(canonical001, n.Canonical001);      // decision 3: no trailing blank by default
    }

    [Fact]
    public void Ocm_form_can_carry_the_trailing_blank()
    {
        Assert.Equal("ocm00012345 ", OclcNumberParser.Parse("12345").To001(trailingBlank: true));
    }

    [Fact]
    public void Numbers_compare_numerically()
    {
        Assert.Equal(OclcNumberParser.Parse("(OCoLC)00003862").Value, OclcNumberParser.Parse("ocm00003862").Value);
    }
}
