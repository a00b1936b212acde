using OclcCataloging.Search.IdLoc;
using OclcCataloging.Search.Keys;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.IdLoc;

public sealed class IdLocParsingTests
{
    [Theory]
    [InlineData("n79021164", "n79021164")]
    [InlineData("sh85-61704", "sh85061704")]
    [InlineData("sh 85061704", "sh85061704")]
    [InlineData("NO2001-12345", "no2001012345")]
    [InlineData("n79-021164", "n79021164")]
    public void Lccns_are_normalized_the_lc_way(string input, string expected) => Assert.Equal(expected, StandardNumbers.NormalizeLccn(input));

    [Theory]
    [InlineData("n79-1234567")]
    [InlineData("abcd1234")]
    [InlineData("n79x1")]
    [InlineData("sh")]
    public void Malformed_lccns_are_refused(string input) => Assert.Null(StandardNumbers.NormalizeLccn(input));

    [Fact]
    public void Suggest_answers_with_string_hits_and_object_hits_are_read()
    {
        var left = SuggestResponse.Parse("{\"q\":\"moza\",\"count\":12,\"hits\":[\"Mozart, Leopold\",\"Mozart, Maria \\u00C1nna\"]}");
        var keyword = SuggestResponse.Parse("{\"count\":\"1\",\"hits\":[{\"suggestLabel\":\"x\",\"uri\":\"http://id.loc.gov/authorities/names/n1\",\"aLabel\":\"Twain, Mark\",\"more\":{\"a\":[1,2.5e3,true,null]}}]}");
        var noCount = SuggestResponse.Parse("{\"hits\":[\"a\",\"b\"]}");

        Assert.Equal(12, left.Count);
        Assert.Equal(new[] { "Mozart, Leopold", "Mozart, Maria Ánna" }, left.Hits.Select(h => h.Label));
        Assert.All(left.Hits, h => Assert.Null(h.Uri));
        Assert.Equal(1, keyword.Count);
        Assert.Equal("Twain, Mark", keyword.Hits[0].Label);
        Assert.Equal("http://id.loc.gov/authorities/names/n1", keyword.Hits[0].Uri);
        Assert.Equal(2, noCount.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"hits\":[\"a\"")]
    [InlineData("{\"a\":tru}")]
    [InlineData("{\"a\":\"\\x\"}")]
    public void Malformed_suggest_answers_are_format_errors(string json) => Assert.ThrowsAny<FormatException>(() => SuggestResponse.Parse(json));

    [Theory]
    [InlineData("Mozart, Wolfgang Amadeus, 1756-1791", true)]
    [InlineData("Mozart, Wolfgang Amadé, 1756-1791", true)]
    [InlineData("Mozart, Leopold, 1719-1787", false)]
    [InlineData("Moza", false)]
    public void Derived_pattern_matches_successive_word_starts_ignoring_case_and_diacritics(string heading, bool matches) =>
        Assert.Equal(matches, new DerivedHeadingMatcher(new[] { "moza", "wol", "a" }).Matches(heading));

    [Fact]
    public void Derived_pattern_ignores_diacritics_in_the_key_too() =>
        Assert.True(new DerivedHeadingMatcher(new[] { "dvoř", "ant" }).Matches("Dvořák, Antonín, 1841-1904"));

    [Theory]
    [InlineData("Twain, Mark, 1835-1910", "twain,  mark, 1835-1910.", true)]
    [InlineData("Dvořák, Antonín", "Dvor\u030Ca\u0301k, Antoni\u0301n", true)]
    [InlineData("Twain, Mark, 1835-1910", "Clemens, Samuel Langhorne, 1835-1910", false)]
    public void Headings_compare_without_case_unicode_form_spacing_or_final_period(string a, string b, bool same) =>
        Assert.Equal(same, HeadingComparer.SameHeading(a, b));
}
