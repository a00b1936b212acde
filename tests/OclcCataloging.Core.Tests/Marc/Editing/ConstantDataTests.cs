using System.Linq;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;
using OclcCataloging.Marc.Editing;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Editing;

public class ConstantDataTests
{
    private static MarcRecord Sample(bool with949 = true)
    {
        var r = new MarcRecord();
        r.AddControlField("001", "ocm1");
        r.AddDataField("245", "10", "a", "Title.");
        r.AddDataField("590", "  ", "a", "Old note.");
        if (with949)
        {
            r.AddDataField("949", "  ", "a", "X", "l", "OLD");
            r.AddDataField("949", "  ", "a", "Y");
        }
        return r;
    }

    private static string Tags(MarcRecord r) => string.Join("|", r.Fields.Select(f => f.ToMarcText()));

    [Theory]
    [InlineData(ConstantDataMode.Add, "=001  ocm1|=245  10$aTitle.|=590  \\\\$aOld note.|=590  \\\\$aGift.|=949  \\\\$aX$lOLD|=949  \\\\$aY", FieldChangeKind.Added)]
    [InlineData(ConstantDataMode.Replace, "=001  ocm1|=245  10$aTitle.|=590  \\\\$aGift.|=949  \\\\$aX$lOLD|=949  \\\\$aY", FieldChangeKind.Replaced)]
    [InlineData(ConstantDataMode.Skip, "=001  ocm1|=245  10$aTitle.|=590  \\\\$aOld note.|=949  \\\\$aX$lOLD|=949  \\\\$aY", FieldChangeKind.Kept)]
    public void Field_entry_when_the_field_exists(ConstantDataMode mode, string expected, FieldChangeKind change)
    {
        var cd = new MarcConstantData("gift", new[] { ConstantDataEntry.ForField("=590  \\\\$aGift.", mode) });
        var r = Sample();
        var result = cd.Apply(r, out var changes);
        Assert.Equal(expected, Tags(result));
        Assert.Equal(change, changes.Single().Change);
        Assert.Equal(5, r.Fields.Count);
    }

    [Theory]
    [InlineData(ConstantDataMode.Add)]
    [InlineData(ConstantDataMode.Replace)]
    [InlineData(ConstantDataMode.Skip)]
    public void Field_entry_when_the_field_is_absent_adds_it_in_tag_order(ConstantDataMode mode)
    {
        var cd = new MarcConstantData("x", new[] { ConstantDataEntry.ForField("=500  \\\\$aNote.", mode) });
        var result = cd.Apply(Sample(), out var changes);
        Assert.Equal("500", result.Fields[2].Tag);
        Assert.Equal(FieldChangeKind.Added, changes.Single().Change);
    }

    [Fact]
    public void Replace_removes_every_other_occurrence()
    {
        var cd = new MarcConstantData("x", new[] { ConstantDataEntry.ForField("=949  \\\\$aZ", ConstantDataMode.Replace) });
        var result = cd.Apply(Sample(), out var changes);
        Assert.Single(result.GetFields("949"));
        Assert.Equal(new[] { FieldChangeKind.Replaced, FieldChangeKind.Removed }, changes.Select(c => c.Change));
    }

    [Theory]
    [InlineData(ConstantDataMode.Add, "=949  \\\\$aX$lOLD$lMAIN|=949  \\\\$aY$lMAIN")]
    [InlineData(ConstantDataMode.Replace, "=949  \\\\$aX$lMAIN|=949  \\\\$aY$lMAIN")]
    [InlineData(ConstantDataMode.Skip, "=949  \\\\$aX$lOLD|=949  \\\\$aY$lMAIN")]
    public void Subfield_entry_in_every_field_with_the_tag(ConstantDataMode mode, string expected)
    {
        var cd = new MarcConstantData("loc", new[] { ConstantDataEntry.ForSubfield("949$l=MAIN", mode) });
        var result = cd.Apply(Sample(), out _);
        Assert.Equal(expected, string.Join("|", result.GetFields("949").Select(f => f.ToMarcText())));
    }

    [Fact]
    public void Subfield_entry_creates_the_field_when_absent()
    {
        var cd = new MarcConstantData("loc", new[] { ConstantDataEntry.ForSubfield("949$l=MAIN", ConstantDataMode.Skip) });
        var result = cd.Apply(Sample(with949: false), out var changes);
        Assert.Equal("=949  \\\\$lMAIN", result["949"]!.ToMarcText());
        Assert.Equal(FieldChangeKind.Added, changes.Single().Change);
    }

    [Theory]
    [InlineData("949$l")]
    [InlineData("949l=MAIN")]
    [InlineData("001$a=x")]
    [InlineData("94$l=x")]
    public void Bad_subfield_entries_are_refused(string text)
    {
        Assert.Throws<System.FormatException>(() => ConstantDataEntry.ForSubfield(text, ConstantDataMode.Add));
    }

    [Theory]
    [InlineData("949  \\\\$aX")]
    [InlineData("=LDR  00000nam a2200000   4500")]
    public void Bad_field_lines_are_refused(string text)
    {
        Assert.Throws<System.FormatException>(() => ConstantDataEntry.ForField(text, ConstantDataMode.Add));
    }
}
