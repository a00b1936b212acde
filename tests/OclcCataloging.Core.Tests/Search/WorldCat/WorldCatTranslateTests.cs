using System.Net;
using OclcCataloging.Resilience;
using OclcCataloging.Search;
using OclcCataloging.Search.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

public class WorldCatTranslateTests
{
    private static WorldCatSearchTarget Target() =>
        new(new WorldCatTargetOptions { Credential = new NetworkCredential("id", "secret") }, NoRetryExecutor.Instance);

    [Fact]
    public void Name_is_WorldCat()
    {
        using var target = Target();
        Assert.Equal("WorldCat", target.Name);
    }

    [Theory]
    [InlineData("12345", "GET /manage/bibs/12345")]
    [InlineData("000321339", "GET /manage/bibs/321339")]
    public void Oclc_number_goes_to_the_record_path(string number, string expected)
    {
        using var target = Target();
        var key = new SearchKey("#" + number, SearchKeyType.OclcNumber, new[] { new SearchTerm(SearchIndex.OclcNumber, number) });
        Assert.Equal(expected, target.Translate(key));
    }

    [Fact]
    public void Oclc_number_combined_with_another_term_is_searched_with_no()
    {
        using var target = Target();
        var key = Keys.Fielded("no:1 or no:2", new SearchTerm(SearchIndex.OclcNumber, "1"), new SearchTerm(SearchIndex.OclcNumber, "2", SearchOperator.Or));
        Assert.Equal("no:1 OR no:2", target.Translate(key));
    }

    [Fact]
    public void Each_index_has_its_label()
    {
        using var target = Target();
        Assert.Equal("bn:9780000000019", target.Translate(Keys.Isbn("9780000000019")));
        Assert.Equal("in:1234-5679", target.Translate(Keys.Issn("1234-5679")));
        Assert.Equal("ln:91012345", target.Translate(Keys.Lccn("91012345")));
        var key = Keys.Fielded("x", new SearchTerm(SearchIndex.Subject, "operas"), new SearchTerm(SearchIndex.Keyword, "libretto"),
            new SearchTerm(SearchIndex.Author, "mozart", SearchOperator.Not));
        Assert.Equal("su:operas AND kw:libretto NOT au:mozart", target.Translate(key));
    }

    [Fact]
    public void Phrases_are_quoted_and_stray_quotes_removed()
    {
        using var target = Target();
        Assert.Equal("ti:\"my brilliant friend\"", target.Translate(Keys.Title("my brilliant friend", phrase: true)));
        Assert.Equal("ti:zendegi", target.Translate(Keys.Title("zendegi", phrase: true)));
        Assert.Equal("ti:\"say hello\"", target.Translate(Keys.Title("say \"hello\"", phrase: true)));
    }

    [Fact]
    public void Derived_title_key_truncates_every_part()
    {
        using var target = Target();
        var key = new SearchKey("mag,fl,,", SearchKeyType.DerivedTitle, new[]
        {
            new SearchTerm(SearchIndex.Title, "mag", truncated: true),
            new SearchTerm(SearchIndex.Title, "fl", truncated: true),
        });
        Assert.Equal("ti:mag* AND ti:fl*", target.Translate(key));
    }

    [Theory]
    [InlineData(SearchKeyType.DerivedPersonalName, SearchIndex.PersonalName)]
    [InlineData(SearchKeyType.DerivedSubject, SearchIndex.Subject)]
    [InlineData(SearchKeyType.Fielded, SearchIndex.AuthorityRecordNumber)]
    [InlineData(SearchKeyType.Fielded, SearchIndex.CorporateName)]
    public void Authority_keys_are_not_supported(SearchKeyType type, SearchIndex index)
    {
        using var target = Target();
        var key = new SearchKey("k", type, new[] { new SearchTerm(index, "twai") });
        Assert.Throws<NotSupportedException>(() => target.Translate(key));
    }
}
