using OclcCataloging.DataSync.Lhr;
using OclcCataloging.Marc;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync;

public sealed class ExclusionRuleTests
{
    [Theory]
    [InlineData("LDR/05=d", "LDR", true)]
    [InlineData("008/20-21=bb", "008", true)]
    [InlineData("852$b=WDRN", "852", false)]
    [InlineData("876", "876", false)]
    [InlineData("866/ind2=0", "866", false)]
    [InlineData("583$a=*", "583", false)]
    public void Parses_the_documented_forms(string text, string tag, bool record)
    {
        var rule = ExclusionRule.Parse(text);
        Assert.Equal(tag, rule.Tag);
        Assert.Equal(record, rule.ExcludesRecord);
    }

    [Theory]
    [InlineData("85")]
    [InlineData("LDR$a=x")]
    [InlineData("852/05=x")]
    [InlineData("008=x")]
    [InlineData("ABC$a=x")]
    public void Refuses_what_it_cannot_read(string text)
    {
        Assert.Throws<FormatException>(() => ExclusionRule.Parse(text));
    }

    [Fact]
    public void Matches_positions_subfields_and_indicators()
    {
        var r = LhrTestRecords.Valid();
        Assert.True(ExclusionRule.Parse("008/20-21=au").MatchesRecord(r));
        Assert.False(ExclusionRule.Parse("008/20-21=bb").MatchesRecord(r));
        Assert.True(ExclusionRule.Parse("852$b=STACKS").MatchesField(r.GetField("852")!));
        Assert.False(ExclusionRule.Parse("852$b=REF").MatchesField(r.GetField("852")!));
        Assert.True(ExclusionRule.Parse("866/ind2=1").MatchesField(r.GetField("866")!));
        Assert.True(ExclusionRule.Parse("853").MatchesField(r.GetField("853")!));
    }
}
