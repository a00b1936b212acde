using OclcCataloging.Marc;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc;

public class MarcRecordTests
{
    private static MarcRecord Sample()
    {
        var r = new MarcRecord();
        r.AddControlField("001", "ocm12345678");
        r.AddControlField("003", "OCoLC");
        r.AddDataField("245", "10", "a", "Kind of blue /", "c", "Miles Davis.");
        r.AddDataField("650", " 0", "a", "Jazz", "y", "1951-1960.");
        r.AddDataField("650", " 0", "a", "Trumpet music (Jazz)");
        r.AddDataField("700", "1 ", "a", "Coltrane, John.");
        return r;
    }

    [Fact]
    public void Indexers_read_naturally()
    {
        var r = Sample();
        Assert.Equal("Kind of blue /", r["245"]!["a"]);
        Assert.Equal("ocm12345678", r.ControlNumber);
        Assert.Equal("Kind of blue", r.Title);
        Assert.Null(r["100"]);
        Assert.Null(r["001"]!["a"]);
    }

    [Fact]
    public void Tag_patterns_select_fields()
    {
        var r = Sample();
        Assert.Equal(2, r.GetFields("6..").Count);
        Assert.Equal(3, r.GetFields("6XX", "7..").Count);
        Assert.Equal(new[] { "Jazz", "Trumpet music (Jazz)" }, r.GetValues("650", 'a'));
        Assert.Equal(6, r.GetFields().Count);
    }

    [Fact]
    public void Fields_and_subfields_can_be_edited()
    {
        var r = Sample();
        Assert.Equal(2, r.RemoveFields("650"));
        var f = r.AddDataField("500", "  ", "a", "Reissue.");
        f.SetSubfield('a', "Reissue, 1997.");
        f.AddSubfield('5', "DLC");
        Assert.Equal("=500  \\\\$aReissue, 1997.$5DLC", f.ToMarcText());
        r.InsertFieldInOrder(new DataField("100", "1 ", "a", "Davis, Miles."));
        Assert.Equal("100", r.Fields[2].Tag);
    }

    [Fact]
    public void Subfield_indexer_sets_adds_and_removes()
    {
        var r = Sample();
        r["245"]!["a"] = "New /";
        Assert.Equal("New /", r["245"]!["a"]);
        var f = (DataField)r["245"]!;
        f['x'] = "added";
        Assert.Equal('x', f.Subfields[f.Subfields.Count - 1].Code);
        f["x"] = null;
        Assert.False(f.HasSubfield('x'));
        Assert.Throws<InvalidOperationException>(() => r["001"]!["a"] = "x");
        Assert.Throws<ArgumentException>(() => r["245"]!["ab"] = "x");
    }

    [Fact]
    public void Clone_is_deep_and_compare_finds_differences()
    {
        var r = Sample();
        var c = r.Clone();
        Assert.True(r.ContentEquals(c));
        ((DataField)c["245"]!).SetSubfield('a', "Changed");
        Assert.Equal("Kind of blue /", r["245"]!["a"]);
        var diffs = r.Compare(c);
        Assert.Single(diffs);
        Assert.Contains("245", diffs[0]);
    }

    [Fact]
    public void Control_field_tags_are_00X_only()
    {
        Assert.Throws<ArgumentException>(() => new ControlField("245", "x"));
        Assert.Throws<ArgumentException>(() => new DataField("008"));
        var alpha = new DataField("CAT", "  ", "a", "batch");
        Assert.False(alpha.IsControlField);
    }

    [Fact]
    public void Leader_exposes_named_positions()
    {
        var l = new Leader("01234cam a2200301 i 4500");
        Assert.Equal(1234, l.RecordLength);
        Assert.Equal(301, l.BaseAddressOfData);
        Assert.Equal('c', l.RecordStatus);
        Assert.True(l.IsUnicode);
        Assert.Equal(RecordKind.Bibliographic, l.Kind);
        l.TypeOfRecord = 'y';
        Assert.Equal(RecordKind.Holdings, l.Kind);
        Assert.Null(new Leader("xxxxxnam a22xxxxx   4500").RecordLength);
    }
}
