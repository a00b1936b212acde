using System;
using OclcCataloging.Search;
using OclcCataloging.Search.Sru;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Sru;

public class CqlQueryBuilderTests
{
    private static string Default(string key) => CqlQueryBuilder.Build(SearchKeyParser.Parse(key), SruIndexMap.Default);

    private static string Zebra(string key) => CqlQueryBuilder.Build(SearchKeyParser.Parse(key), SruIndexMap.Zebra);

    [Theory]
    [InlineData("0818903457 (pbk.)", "bath.isbn=0818903457")]
    [InlineData("in:1060-0396", "bath.issn=1060-0396")]
    [InlineData("ln:sh85-61704", "bath.lccn=sh85061704")]
    [InlineData("#123", "rec.id=123")]
    [InlineData("ti:\"gone with the wind\"", "dc.title=\"gone with the wind\"")]
    [InlineData("ti:moby and au:melville", "dc.title=moby and dc.creator=melville")]
    [InlineData("ti:moby or ti:whale", "dc.title=moby or dc.title=whale")]
    [InlineData("au:twain not ti:huck*", "dc.creator=twain not dc.title=huck*")]
    [InlineData("su:opera", "dc.subject=opera")]
    [InlineData("moby dick", "cql.serverChoice=moby and cql.serverChoice=dick")]
    [InlineData("moza,magi", "dc.creator=moza* and dc.title=magi*")]
    [InlineData("mag,fl,,", "dc.title=mag* and dc.title=fl*")]
    [InlineData("Twain, Mark, 1835-1910", "cql.serverChoice=\"Twain, Mark, 1835-1910\"")]
    [InlineData("kw:\"and\"", "cql.serverChoice=\"and\"")]
    public void Default_map_uses_generic_context_sets(string key, string cql) => Assert.Equal(cql, Default(key));

    [Theory]
    [InlineData("#123", "local.oclc=123")]
    [InlineData("ocm00054321", "local.oclc=54321")]
    [InlineData("9781609450786", "bath.isbn=9781609450786")]
    [InlineData("Twain, Mark, 1835-1910", "(local.heading=\"^Twain, Mark, 1835-1910^\" or local.seeFrom=\"^Twain, Mark, 1835-1910^\")")]
    [InlineData("pd:moza,wol,a", "local.heading=moza* and local.heading=wol* and local.heading=a*")]
    [InlineData("=chem,soc,", "local.heading=chem* and local.heading=soc*")]
    [InlineData("sd:civil,rig", "local.heading=civil* and local.heading=rig*")]
    [InlineData("an:n79021164", "local.arn=n79021164")]
    public void Zebra_map_uses_the_test_server_indexes(string key, string cql) => Assert.Equal(cql, Zebra(key));

    [Fact]
    public void Masking_characters_typed_as_data_are_escaped()
    {
        var key = new SearchKey("x", SearchKeyType.Heading, new[] { new SearchTerm(SearchIndex.Heading, "A*B? \"C\" ^D\\", phrase: true) });
        var map = SruIndexMap.FromDictionary(new System.Collections.Generic.Dictionary<string, string> { ["Heading"] = "local.heading", ["AnchorWholeHeadings"] = "true", ["SeeFrom"] = "" });
        Assert.Equal("local.heading=\"^A\\*B\\? \\\"C\\\" \\^D\\\\^\"", CqlQueryBuilder.Build(key, map));
    }

    [Theory]
    [InlineData("moby", false, "moby")]
    [InlineData("moby*", false, "moby*")]
    [InlineData("moby dick", false, "\"moby dick\"")]
    [InlineData("moby", true, "\"moby\"")]
    [InlineData("", false, "\"\"")]
    [InlineData("or", false, "\"or\"")]
    [InlineData("NOT", false, "\"NOT\"")]
    [InlineData("sortby", false, "\"sortby\"")]
    [InlineData("a=b", false, "\"a=b\"")]
    [InlineData("a/b", false, "\"a/b\"")]
    [InlineData("(x)", false, "\"(x)\"")]
    [InlineData("say \"hi\"", false, "\"say \\\"hi\\\"\"")]
    public void Terms_are_quoted_when_cql_needs_it(string value, bool phrase, string expected) =>
        Assert.Equal(expected, CqlQueryBuilder.Term(value, phrase));

    [Fact]
    public void A_key_whose_index_the_map_lacks_is_not_supported()
    {
        var map = SruIndexMap.FromDictionary(new System.Collections.Generic.Dictionary<string, string> { ["Isbn"] = "" });
        var ex = Assert.Throws<NotSupportedException>(() => CqlQueryBuilder.Build(SearchKeyParser.Parse("0818903457"), map));
        Assert.Contains("Isbn", ex.Message);
    }
}
