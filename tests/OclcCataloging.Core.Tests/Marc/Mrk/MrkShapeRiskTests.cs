using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Mrk;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Mrk;

/// <summary>
/// The .mrk writer reads back only the records whose text may change their structure (MrkShapeRisk): plain records
/// are written without the read-back, and every kind of risk still is read back and refused when it changes.
/// </summary>
public class MrkShapeRiskTests
{
    private static MarcRecord Plain()
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        r.AddControlField("001", "ocm00000001");
        r.AddControlField("008", "120827s2012    nyua          000 0 eng d");
        r.AddDataField("245", "10", "a", "Moby Dick {dollar} $ \\ { } \u001F\u001E\r\n", "c", "Melville, Hermann, \u00E9\u0301 \u4E2D \uD83D\uDE00.");
        r.AddDataField("650", " 0", "a", "Whales");
        return r;
    }

    private static bool Risky(MarcRecord record, bool mrk8 = true, string newline = "\r\n")
    {
        var sb = new StringBuilder();
        MrkText.Format(sb, record, mrk8, newline);
        return MrkShapeRisk.MayChangeShape(record, sb.ToString(), newline);
    }

    [Fact]
    public void A_plain_record_is_not_read_back_whatever_its_values_hold()
    {
        // values are written as mnemonics where they would break a line or start a subfield
        Assert.False(Risky(Plain()));
        Assert.False(Risky(Plain(), mrk8: false));
        Assert.False(Risky(Plain(), newline: "\n"));
        var written = new MemoryStream();
        using (var w = new MrkWriter(written, MarcFormat.Mrk8, new MrkWriterOptions { LeaveOpen = true })) w.Write(Plain());
        using var reader = new MrkReader(new MemoryStream(written.ToArray()), MarcFormat.Mrk8);
        Assert.Null(MarcRecordShape.Difference(Plain(), reader.ReadNext()!.Record!));
    }

    [Fact]
    public void A_marc8_record_kept_as_bytes_is_judged_from_its_bytes()
    {
        var plain = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        plain.AddDataField("245", "10", "a", "Moby Dick {dollar} $ \\ { }", "c", "Melville.");
        byte[] iso = Iso2709Writer.ToBytes(plain);
        iso[9] = (byte)' ';
        using var reader = new Iso2709Reader(new MemoryStream(iso));
        var record = reader.ReadNext()!.Record!;
        Assert.False(Risky(record, mrk8: false));
    }

    private static MarcRecord With(string tag, char ind1, params (char Code, string Value)[] subfields)
    {
        var r = Plain();
        var f = new DataField(tag, ind1, ' ', validate: false);
        foreach (var (code, value) in subfields) f.Subfields.Add(new Subfield(code, value));
        r.Fields.Add(f);
        return r;
    }

    public static IEnumerable<object[]> RiskyRecords()
    {
        yield return new object[] { "indicator $", With("500", '$', ('a', "x")) };
        yield return new object[] { "indicator beyond ASCII", With("500", '\u00E9', ('a', "x")) };
        yield return new object[] { "subfield code $", With("500", ' ', ('$', "x")) };
        yield return new object[] { "subfield code brace", With("500", ' ', ('{', "x")) };
        yield return new object[] { "subfield code beyond ASCII", With("500", ' ', ('\u00E9', "x")) };
        yield return new object[] { "code-less subfield after the first", With("500", ' ', ('a', "x"), (Subfield.NoCode, "y")) };
        yield return new object[] { "tag beyond ASCII", With("5\u00E90", ' ', ('a', "x")) };
        yield return new object[] { "tag with a blank", With("50 ", ' ', ('a', "x")) };
        yield return new object[] { "field tagged LDR", With("LDR", ' ', ('a', "x")) };
        var leader = Plain();
        leader.Leader[5] = '\u00E9';
        yield return new object[] { "leader beyond ASCII", leader };
    }

    [Theory]
    [MemberData(nameof(RiskyRecords))]
    public void A_record_with_characters_written_as_they_are_is_read_back(string what, MarcRecord record)
    {
        Assert.True(Risky(record), what);
    }

    [Fact]
    public void An_unusual_newline_always_reads_back()
    {
        Assert.True(Risky(Plain(), newline: "\n\r"));
        Assert.True(Risky(Plain(), newline: "|"));
    }
}
