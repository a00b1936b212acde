using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>
/// The writer copies a record that would come out exactly as it was read in one piece: these tests prove the output
/// is the same whether it copies or encodes, and that any change to the record makes it encode.
/// </summary>
public class Iso2709OriginalBytesTests
{
    internal static byte[] Write(MarcRecord record, bool copy)
    {
        var ms = new MemoryStream();
        using (var writer = new Iso2709Writer(ms, new Iso2709WriterOptions { LeaveOpen = true }) { CopiesOriginalBytes = copy })
        {
            writer.Write(record);
            writer.Complete();
        }
        return ms.ToArray();
    }

    private static bool Copied(MarcRecord record) =>
        Iso2709OriginalBytes.TryGet(record, MarcTextCodec.ForLeader(record.Leader), out _);

    [Theory]
    [InlineData("utf8")]
    [InlineData("marc8")]
    public void An_unchanged_record_is_copied_and_is_its_input(string which)
    {
        byte[] input = which == "utf8" ? Utf8Record() : Marc8Record();
        MarcRecord record = ReadSingle(input);
        _ = record.ControlNumber; // reading a value is not a change

        Assert.True(Copied(record));
        Assert.Equal(input, Write(record, copy: true));
        Assert.Equal(input, Write(record, copy: false));
    }

    public static TheoryData<string> Changes() => new()
    {
        "leader", "tag", "indicator", "subfield value", "subfields touched", "control value", "removed", "inserted", "moved", "added at end",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_changed_record_is_encoded_and_comes_out_as_the_encoder_writes_it(string change)
    {
        byte[] input = Utf8Record();
        MarcRecord record = ReadSingle(input);
        var title = (DataField)record.GetField("245")!;
        switch (change)
        {
            case "leader": record.Leader.RecordStatus = 'c'; break;
            case "tag": title.Tag = "246"; break;
            case "indicator": title.Indicator2 = '4'; break;
            case "subfield value": title.Subfields[0].Value = "Other"; break;
            case "subfields touched": _ = title.Subfields.Count; break;
            case "control value": ((ControlField)record.GetField("001")!).Value = "ocn99"; break;
            case "removed": record.Fields.RemoveAt(1); break;
            case "inserted": record.InsertField(1, new DataField("020", "  ", "a", "9780000000002")); break;
            case "moved":
                MarcField last = record.Fields[record.Fields.Count - 1];
                record.Fields.RemoveAt(record.Fields.Count - 1);
                record.Fields.Insert(1, last);
                break;
            case "added at end": record.AddDataField("999", "  ", "a", "local"); break;
        }

        Assert.False(Copied(record));
        byte[] encoded = Write(record, copy: false);
        Assert.Equal(encoded, Write(record, copy: true));
        if (change == "subfields touched") Assert.Equal(input, encoded); // touched, not changed: still the input
        else Assert.NotEqual(input, encoded);
    }

    [Fact]
    public void A_subfield_read_but_left_alone_still_round_trips_byte_for_byte()
    {
        byte[] input = Utf8Record();
        MarcRecord record = ReadSingle(input);
        _ = ((DataField)record.GetField("245")!)['a'];

        Assert.Equal(input, Write(record, copy: true));
    }

    [Fact]
    public void A_record_read_with_a_wrong_base_address_is_encoded_with_the_right_one()
    {
        byte[] input = Utf8Record();
        byte[] broken = WithBytes(input, 12, "00099");
        MarcRecord record = ReadSingle(broken);

        Assert.False(Copied(record));
        byte[] written = Write(record, copy: true);
        Assert.Equal(input, written);
    }

    [Fact]
    public void A_record_whose_text_is_written_in_another_encoding_is_encoded()
    {
        byte[] input = Marc8Record();
        MarcRecord record = ReadSingle(input);
        record.Leader.CharacterCodingScheme = 'a';

        Assert.False(Copied(record));
        Assert.Equal(Write(record, copy: false), Write(record, copy: true));
    }

    [Fact]
    public void A_record_without_a_record_terminator_is_encoded_with_one()
    {
        byte[] input = Utf8Record();
        MarcRecord record = ReadSingle(input.AsSpan(0, input.Length - 1).ToArray());

        Assert.False(Copied(record));
        Assert.Equal(input, Write(record, copy: true));
    }
}
