using System;
using System.Linq;
using OclcCataloging.Search;
using Xunit;

namespace OclcCataloging.Core.Tests.Search;

public class SearchKeyParserTests
{
    /// <summary>"Title=moza* AND Author=x" style rendering of the terms, with "(phrase)" marks.</summary>
    internal static string Render(SearchKey key) => string.Join(" ", key.Terms.Select((t, i) =>
        (i > 0 ? t.JoinWithPrevious.ToString().ToUpperInvariant() + " " : "") + t.Index + "=" + t.Value + (t.Truncated ? "*" : "") + (t.Phrase ? "(phrase)" : "")));

    private static void AssertKey(string line, SearchKeyType type, string terms)
    {
        var key = SearchKeyParser.Parse(line);
        Assert.Equal(type, key.Type);
        Assert.Equal(terms, Render(key));
        Assert.Equal(line, key.Text);
    }

    [Theory]
    [InlineData("#1299", "OclcNumber=1299")]
    [InlineData("*13713166", "OclcNumber=13713166")]
    [InlineData("no:123", "OclcNumber=123")]
    [InlineData("NO:123", "OclcNumber=123")]
    [InlineData("ocm32551273", "OclcNumber=32551273")]
    [InlineData("ocm00012345", "OclcNumber=12345")]
    [InlineData("ocn141381273", "OclcNumber=141381273")]
    [InlineData("on1234567890", "OclcNumber=1234567890")]
    [InlineData("(OCoLC)ocm00012345", "OclcNumber=12345")]
    [InlineData("(OCoLC)00098765", "OclcNumber=98765")]
    [InlineData("(OCoLC)on1234567890", "OclcNumber=1234567890")]
    [InlineData("no:ocm00054321", "OclcNumber=54321")]
    [InlineData(" #123 ", "OclcNumber=123")]
    [InlineData("# 123", "OclcNumber=123")]
    public void Oclc_number_forms(string line, string terms) => AssertKey(line, SearchKeyType.OclcNumber, terms);

    [Theory]
    [InlineData("13713166")]
    [InlineData("1299")]
    [InlineData("00012345")]
    public void Bare_digits_that_are_not_an_isbn_are_an_oclc_number(string line) =>
        Assert.Equal(SearchKeyType.OclcNumber, SearchKeyParser.Parse(line).Type);

    [Fact]
    public void Ten_digits_with_a_wrong_isbn_check_digit_are_an_oclc_number()
    {
        // 1234567890 fails the ISBN-10 check (sum 210, not a multiple of 11).
        AssertKey("1234567890", SearchKeyType.OclcNumber, "OclcNumber=1234567890");
    }

    [Fact]
    public void Ten_digits_with_a_valid_isbn_check_digit_are_an_isbn_unless_marked()
    {
        AssertKey("0818903457", SearchKeyType.Isbn, "Isbn=0818903457");
        AssertKey("#0818903457", SearchKeyType.OclcNumber, "OclcNumber=818903457");
        AssertKey("no:0818903457", SearchKeyType.OclcNumber, "OclcNumber=818903457");
    }

    [Theory]
    [InlineData("0818903457", "Isbn=0818903457")]
    [InlineData("0-8189-0345-7", "Isbn=0818903457")]
    [InlineData("9781609450786", "Isbn=9781609450786")]
    [InlineData("978-1-60945-078-6", "Isbn=9781609450786")]
    [InlineData("080442957X", "Isbn=080442957X")]
    [InlineData("080442957x", "Isbn=080442957X")]
    [InlineData("0818903457 (pbk.)", "Isbn=0818903457")]
    [InlineData("0818903457(pbk.)", "Isbn=0818903457")]
    [InlineData("978-1-60945-078-6 : $12.00", "Isbn=9781609450786")]
    [InlineData("9781609450786 (v. 1 : alk. paper)", "Isbn=9781609450786")]
    [InlineData("bn:0818903457", "Isbn=0818903457")]
    [InlineData("bn:978-1-60945-078-6 (pbk.)", "Isbn=9781609450786")]
    [InlineData("BN: 9781609450786", "Isbn=9781609450786")]
    public void Isbn_forms(string line, string terms) => AssertKey(line, SearchKeyType.Isbn, terms);

    [Theory]
    [InlineData("1060-0396", "Issn=1060-0396")]
    [InlineData("1234-5679", "Issn=1234-5679")]
    [InlineData("in:1060-0396", "Issn=1060-0396")]
    [InlineData("in:10600396", "Issn=1060-0396")]
    [InlineData("in:0000-006x", "Issn=0000-006X")]
    public void Issn_forms(string line, string terms) => AssertKey(line, SearchKeyType.Issn, terms);

    [Theory]
    [InlineData("84-23765", "Lccn=84023765")]
    [InlineData("ln:78-5201", "Lccn=78005201")]
    [InlineData("ln:78-005201", "Lccn=78005201")]
    [InlineData("ln:785201", "Lccn=785201")]
    [InlineData("ln:sh85-61704", "Lccn=sh85061704")]
    [InlineData("ln:SH85-61704", "Lccn=sh85061704")]
    [InlineData("ln:2001-12345", "Lccn=2001012345")]
    [InlineData("ln:n79021164", "Lccn=n79021164")]
    [InlineData("ln:78-5201/AC", "Lccn=78005201")]
    [InlineData("2001-12345", "Lccn=2001012345")]
    [InlineData("sh85-61704", "Lccn=sh85061704")]
    [InlineData("n79-21164", "Lccn=n79021164")]
    [InlineData("ln:n  79021164", "Lccn=n79021164")]
    [InlineData("ln:sh 85061704", "Lccn=sh85061704")]
    public void Lccn_forms_are_normalised_the_lc_way(string line, string terms) => AssertKey(line, SearchKeyType.Lccn, terms);

    [Fact]
    public void Four_digits_hyphen_four_is_an_issn_only_with_a_valid_check_digit()
    {
        // 2001-1234: the ISSN check digit would be 7, so this is LCCN year 2001, serial 1234.
        AssertKey("2001-1234", SearchKeyType.Lccn, "Lccn=2001001234");
        AssertKey("ln:1060-0396", SearchKeyType.Lccn, "Lccn=1060000396");
    }

    [Theory]
    [InlineData("ti:gone with the wind", SearchKeyType.Fielded, "Title=gone AND Title=with AND Title=the AND Title=wind")]
    [InlineData("ti:\"gone with the wind\"", SearchKeyType.Fielded, "Title=gone with the wind(phrase)")]
    [InlineData("ti:\"gone   with the  wind\"", SearchKeyType.Fielded, "Title=gone with the wind(phrase)")]
    [InlineData("ti:moby and au:melville", SearchKeyType.Fielded, "Title=moby AND Author=melville")]
    [InlineData("ti:moby AND au:melville", SearchKeyType.Fielded, "Title=moby AND Author=melville")]
    [InlineData("ti:moby or ti:whale", SearchKeyType.Fielded, "Title=moby OR Title=whale")]
    [InlineData("au:twain not ti:huck*", SearchKeyType.Fielded, "Author=twain NOT Title=huck*")]
    [InlineData("ti: moby", SearchKeyType.Fielded, "Title=moby")]
    [InlineData("TI:Moby", SearchKeyType.Fielded, "Title=Moby")]
    [InlineData("su:opera kw:mozart", SearchKeyType.Fielded, "Subject=opera AND Keyword=mozart")]
    [InlineData("kw:zzpaging", SearchKeyType.Fielded, "Keyword=zzpaging")]
    [InlineData("ti:magic* and au:moz*", SearchKeyType.Fielded, "Title=magic* AND Author=moz*")]
    [InlineData("ti:\"magic fl*\"", SearchKeyType.Fielded, "Title=magic fl*(phrase)")]
    [InlineData("an:n79021164", SearchKeyType.Fielded, "AuthorityRecordNumber=n79021164")]
    [InlineData("bn:0818903457 or bn:9781609450786", SearchKeyType.Fielded, "Isbn=0818903457 OR Isbn=9781609450786")]
    [InlineData("bn:0818903457 (pbk.) or ti:moby", SearchKeyType.Fielded, "Isbn=0818903457 OR Title=moby")]
    [InlineData("no:123 or no:456", SearchKeyType.Fielded, "OclcNumber=123 OR OclcNumber=456")]
    [InlineData("ti:moby and ln:84-23765", SearchKeyType.Fielded, "Title=moby AND Lccn=84023765")]
    [InlineData("ln:78-5201 or ln:785201 or ln:78-005201", SearchKeyType.Fielded, "Lccn=78005201 OR Lccn=785201 OR Lccn=78005201")]
    [InlineData("ln:sh 85061704 or ln:n 79021164", SearchKeyType.Fielded, "Lccn=sh85061704 OR Lccn=n79021164")]
    public void Index_labelled_keys(string line, SearchKeyType type, string terms) => AssertKey(line, type, terms);

    [Theory]
    [InlineData("moza,magi", SearchKeyType.DerivedNameTitle, "Author=moza* AND Title=magi*")]
    [InlineData("MOZA,MAGI", SearchKeyType.DerivedNameTitle, "Author=moza* AND Title=magi*")]
    [InlineData("mag,fl", SearchKeyType.DerivedNameTitle, "Author=mag* AND Title=fl*")]
    [InlineData("mag,fl,,", SearchKeyType.DerivedTitle, "Title=mag* AND Title=fl*")]
    [InlineData("rea,in,mo,l", SearchKeyType.DerivedTitle, "Title=rea* AND Title=in* AND Title=mo* AND Title=l*")]
    [InlineData("mag,fl,", SearchKeyType.DerivedTitle, "Title=mag* AND Title=fl*")]
    [InlineData("moza,wol,a", SearchKeyType.DerivedPersonalName, "PersonalName=moza* AND PersonalName=wol* AND PersonalName=a*")]
    [InlineData("pd:moza,wol,a", SearchKeyType.DerivedPersonalName, "PersonalName=moza* AND PersonalName=wol* AND PersonalName=a*")]
    [InlineData("pd:twai,mar,", SearchKeyType.DerivedPersonalName, "PersonalName=twai* AND PersonalName=mar*")]
    [InlineData("cd:chem,soc,", SearchKeyType.DerivedCorporateName, "CorporateName=chem* AND CorporateName=soc*")]
    [InlineData("=chem,soc,", SearchKeyType.DerivedCorporateName, "CorporateName=chem* AND CorporateName=soc*")]
    [InlineData("td:rea,in,mo,l", SearchKeyType.DerivedAuthorityTitle, "Heading=rea* AND Heading=in* AND Heading=mo* AND Heading=l*")]
    [InlineData("sd:civil,rig", SearchKeyType.DerivedSubject, "Heading=civil* AND Heading=rig*")]
    [InlineData("SD:civil,rig", SearchKeyType.DerivedSubject, "Heading=civil* AND Heading=rig*")]
    public void Derived_keys_become_truncated_terms(string line, SearchKeyType type, string terms)
    {
        AssertKey(line, type, terms);
        Assert.True(SearchKeyParser.Parse(line).IsDerived);
    }

    [Theory]
    [InlineData("Twain, Mark, 1835-1910", "Heading=Twain, Mark, 1835-1910(phrase)")]
    [InlineData("Ojibwa Indians -- Treaties", "Heading=Ojibwa Indians -- Treaties(phrase)")]
    [InlineData("  Twain,   Mark  ", "Heading=Twain, Mark(phrase)")]
    [InlineData("Chemical Society (Great Britain), London", "Heading=Chemical Society (Great Britain), London(phrase)")]
    public void Whole_authority_headings(string line, string terms)
    {
        AssertKey(line, SearchKeyType.Heading, terms);
        Assert.False(SearchKeyParser.Parse(line).IsDerived);
    }

    [Theory]
    [InlineData("moby dick", "Keyword=moby AND Keyword=dick")]
    [InlineData("gone with the wind", "Keyword=gone AND Keyword=with AND Keyword=the AND Keyword=wind")]
    [InlineData("\"moby dick\"", "Keyword=moby dick(phrase)")]
    [InlineData("1984 orwell", "Keyword=1984 AND Keyword=orwell")]
    [InlineData("moby or whale", "Keyword=moby OR Keyword=whale")]
    [InlineData("buddhism", "Keyword=buddhism")]
    [InlineData("zzpag*", "Keyword=zzpag*")]
    public void Unlabelled_words_are_keywords(string line, string terms) => AssertKey(line, SearchKeyType.Keyword, terms);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("#", "OCLC number")]
    [InlineData("#abc", "OCLC number")]
    [InlineData("no:abc", "not an OCLC number")]
    [InlineData("0-8189-0345-8", "check digit")]
    [InlineData("12345 (pbk.)", "qualifier")]
    [InlineData("bn:12345", "not an ISBN")]
    [InlineData("in:12345", "not an ISSN")]
    [InlineData("ln:abcd-12", "not an LCCN")]
    [InlineData("ln:84-1234567", "not an LCCN")]
    [InlineData("xx:foo", "unknown index label 'xx:'")]
    [InlineData("ti:moby and", "ends with an operator")]
    [InlineData("and ti:moby", "starts with the operator")]
    [InlineData("ti:moby and or au:x", "two operators")]
    [InlineData("ti:\"unclosed phrase", "not closed")]
    [InlineData("ti:mo*by", "only at the end")]
    [InlineData("ti:*", "before it")]
    [InlineData("*abc", "only at the end")]
    [InlineData("ti:", "empty")]
    [InlineData("bn:0818903457*", "cannot be truncated")]
    [InlineData("ti:moby pd:moza,wol", "cannot be combined")]
    [InlineData("mozart,magic", "longer than")]
    [InlineData("sd:civil,rights", "longer than 3")]
    [InlineData(",abc", "first part")]
    [InlineData("a,b,c,d,e", "2 to 4")]
    [InlineData("pd:mo-z,wol", "letters and digits")]
    [InlineData("cd:chemical", "comma-separated parts")]
    public void Invalid_keys_are_rejected_with_a_reason(string line, string reasonPart)
    {
        var ex = Assert.Throws<SearchKeyFormatException>(() => SearchKeyParser.Parse(line));
        Assert.Equal(line, ex.Key);
        Assert.Contains(reasonPart, ex.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ex.Reason, ex.Message);
        Assert.False(SearchKeyParser.TryParse(line, out var key, out var reason));
        Assert.Null(key);
        Assert.Equal(ex.Reason, reason);
    }

    [Fact]
    public void Null_is_an_argument_error_for_parse_and_false_for_try_parse()
    {
        Assert.Throws<ArgumentNullException>(() => SearchKeyParser.Parse(null!));
        Assert.False(SearchKeyParser.TryParse(null!, out var key));
        Assert.Null(key);
    }

    [Fact]
    public void TryParse_returns_the_key_for_a_valid_line()
    {
        Assert.True(SearchKeyParser.TryParse("bn:0818903457", out var key));
        Assert.Equal(SearchKeyType.Isbn, key!.Type);
    }
}
