using OclcCataloging.Marc;
using OclcCataloging.Marc.Editing;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Editing;

public class FieldRemovalTests
{
    private static MarcRecord Sample()
    {
        var r = new MarcRecord();
        r.AddControlField("001", "ocm1");
        r.AddDataField("029", "1 ", "a", "AU@", "b", "000012345");
        r.AddDataField("245", "10", "a", "Title.");
        r.AddDataField("650", " 0", "a", "Jazz.", "0", "http://id.loc.gov/x");
        r.AddDataField("938", "  ", "a", "Baker & Taylor");
        r.AddDataField("949", "  ", "a", "local");
        r.AddDataField("994", "  ", "a", "C0", "b", "XYZ");
        return r;
    }

    [Theory]
    [InlineData("9XX", "001 029 245 650")]
    [InlineData("029", "001 245 650 938 949 994")]
    [InlineData("9..", "001 029 245 650")]
    [InlineData("938", "001 029 245 650 949 994")]
    [InlineData("001", "029 245 650 938 949 994")]
    [InlineData("29X", "001 029 245 650 938 949 994")]
    public void Whole_fields_matching_the_pattern_go(string selector, string remainingTags)
    {
        var r = Sample();
        MarcRecord result = FieldRemoval.Apply(r, FieldSelector.ParseAll(new[] { selector }));
        Assert.Equal(remainingTags, string.Join(" ", System.Linq.Enumerable.Select(result.Fields, f => f.Tag)));
        Assert.Equal(7, r.Fields.Count); // the input record is unchanged
    }

    [Fact]
    public void Subfield_selector_removes_only_those_subfields_and_a_field_left_empty()
    {
        var r = Sample();
        var result = FieldRemoval.Apply(r, FieldSelector.ParseAll(new[] { "650$0", "994$ab" }));
        Assert.Equal("=650  \\0$aJazz.", result["650"]!.ToMarcText());
        Assert.Null(result["994"]);
        Assert.NotNull(r["994"]);
    }

    [Fact]
    public void Nothing_selected_returns_the_same_record()
    {
        var r = Sample();
        Assert.Same(r, FieldRemoval.Apply(r, FieldSelector.ParseAll(new[] { "856", "245$z" })));
    }

    [Theory]
    [InlineData("9X")]
    [InlineData("9XXX")]
    [InlineData("650$")]
    [InlineData("001$a")]
    [InlineData("6-0")]
    [InlineData("650$-")]
    public void Bad_selectors_are_refused_with_the_reason(string text)
    {
        var e = Assert.Throws<System.FormatException>(() => FieldSelector.Parse(text));
        Assert.Contains(text, e.Message);
    }
}
