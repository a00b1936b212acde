using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>Directories that cannot be trusted, and how the fields are rebuilt from the field terminators.</summary>
public class Iso2709ReaderDirectoryTests
{
    // Marc8Record: 001 003 008 100 245 650; entry i starts at byte 24 + 12 * i.
    private const string AllTags = "001 003 008 100 245 650";

    private static int Entry(int i) => 24 + 12 * i;

    private static void AssertSameContent(byte[] original, MarcRecord r)
    {
        MarcRecord good = ReadSingle(original);
        Assert.Empty(good.Compare(r));
    }

    [Fact]
    public void A_non_numeric_length_in_the_directory_is_rebuilt_from_field_terminators()
    {
        byte[] a = Marc8Record();
        var r = ReadSingle(WithBytes(a, Entry(3) + 3, "0x2"));

        Assert.Equal(AllTags, Tags(r));
        AssertSameContent(a, r);
        var invalid = Assert.Single(r.Warnings, w => w.Code == MarcDiagnosticCodes.DirectoryInvalid);
        Assert.Equal(Entry(3), invalid.ByteOffset);
        Assert.Equal("100", invalid.Tag);
        Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.DirectoryRebuilt);
    }

    [Fact]
    public void An_offset_outside_the_data_area_is_rebuilt()
    {
        byte[] a = Marc8Record();
        var r = ReadSingle(WithBytes(a, Entry(4) + 7, "99999"));

        Assert.Equal(AllTags, Tags(r));
        AssertSameContent(a, r);
        var w = Assert.Single(r.Warnings, w => w.Code == MarcDiagnosticCodes.FieldOffsetInvalid);
        Assert.Equal(Entry(4), w.ByteOffset);
        Assert.Equal("245", w.Tag);
        Assert.Equal("FieldOffsetInvalid,DirectoryRebuilt", Codes(r));
    }

    [Fact]
    public void A_field_length_that_misses_the_field_terminator_is_rebuilt()
    {
        // like File_MARC/wronglen.mrc: one entry's length is off, the offsets after it are still right
        byte[] a = Marc8Record();
        string len = Encoding.ASCII.GetString(a, Entry(3) + 3, 4);
        var r = ReadSingle(WithBytes(a, Entry(3) + 3, (int.Parse(len) + 3).ToString("D4")));

        Assert.Equal(AllTags, Tags(r));
        AssertSameContent(a, r);
        Assert.Equal("FieldOffsetInvalid,DirectoryRebuilt", Codes(r));
    }

    [Fact]
    public void Overlapping_directory_entries_are_rebuilt()
    {
        byte[] a = Marc8Record();
        // entry 650 gets the length and offset of entry 245
        byte[] bad = WithBytes(a, Entry(5) + 3, Encoding.ASCII.GetString(a, Entry(4) + 3, 9));
        var r = ReadSingle(bad);

        Assert.Equal(AllTags, Tags(r));
        AssertSameContent(a, r);
        Assert.Equal("DirectoryInvalid,DirectoryRebuilt", Codes(r));
        Assert.Contains("overlap", r.Warnings[0].Message);
    }

    [Theory]
    [InlineData("00000")]
    [InlineData("99999")]
    [InlineData("0012x")]
    public void A_wrong_base_address_is_corrected_from_the_directory(string baseAddress)
    {
        byte[] a = Marc8Record();
        var r = ReadSingle(WithBytes(a, 12, baseAddress));

        Assert.Equal(AllTags, Tags(r));
        AssertSameContent(a, r);
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.BaseAddressInvalid, w.Code);
        Assert.Equal(12, w.ByteOffset);
    }

    [Fact]
    public void A_base_address_off_by_one_entry_is_corrected()
    {
        byte[] a = Marc8Record();
        int baseAddress = int.Parse(Encoding.ASCII.GetString(a, 12, 5));
        var r = ReadSingle(WithBytes(a, 12, (baseAddress + 12).ToString("D5")));

        Assert.Equal(AllTags, Tags(r));
        Assert.Equal(MarcDiagnosticCodes.BaseAddressInvalid, Codes(r));
    }

    [Fact]
    public void A_corrupted_directory_terminator_is_tolerated_when_the_entries_are_consistent()
    {
        // like marc-perl/baddir.usmarc: the byte before the base address is 0x1F instead of 0x1E
        byte[] a = Marc8Record();
        int baseAddress = int.Parse(Encoding.ASCII.GetString(a, 12, 5));
        byte[] bad = (byte[])a.Clone();
        bad[baseAddress - 1] = SD;
        var r = ReadSingle(bad);

        Assert.Equal(AllTags, Tags(r));
        AssertSameContent(a, r);
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.DirectoryInvalid, w.Code);
        Assert.Equal(baseAddress - 1, w.ByteOffset);
    }

    [Fact]
    public void A_directory_missing_a_byte_is_realigned_by_finding_lengths_and_offsets()
    {
        // Like pride-and-prejudice-with-many-errors.mrc: the directory lost its first byte, so it is 12n - 1 bytes
        // long and every 12-byte entry is shifted. Each field is found by the length and offset digits of its
        // entry; the first tag, short of a byte, takes the last leader byte ('0' of "4500") as its first.
        byte[] a = Marc8Record();
        int baseAddress = int.Parse(Encoding.ASCII.GetString(a, 12, 5));
        var list = a.ToList();
        list.RemoveAt(Entry(0));
        byte[] bad = list.ToArray();
        bad = WithBytes(bad, 0, (a.Length - 1).ToString("D5"));
        bad = WithBytes(bad, 12, (baseAddress - 1).ToString("D5"));
        var r = ReadSingle(bad);

        Assert.Equal(AllTags, Tags(r));
        AssertSameContent(a, r);
        Assert.Equal("DirectoryInvalid,DirectoryRebuilt", Codes(r));
        Assert.Contains("not a multiple of 12", r.Warnings[0].Message);
    }

    [Fact]
    public void A_field_over_9999_bytes_written_with_a_five_digit_length_is_rebuilt()
    {
        // like marc4j/bad_oversize_field_bad_directory.mrc: entry "520" + "11242" + "00338" is 13 bytes
        string big = "  \u001fa" + new string('k', 11000);
        var fields = new (string Tag, string Body)[] { ("001", "id5"), ("245", "10\u001faTitle"), ("520", big), ("935", "  \u001fbdruck") };
        var dir = new StringBuilder();
        var data = new StringBuilder();
        foreach (var (tag, body) in fields)
        {
            int len = body.Length + 1;
            dir.Append(tag).Append(len > 9999 ? len.ToString("D5") : len.ToString("D4")).Append(data.Length.ToString("D5"));
            data.Append(body).Append('\u001e');
        }
        int baseAddress = 24 + dir.Length + 1;
        int total = baseAddress + data.Length + 1;
        string text = total.ToString("D5") + "cam  22" + baseAddress.ToString("D5") + " a 4500" + dir + "\u001e" + data + "\u001d";
        var r = ReadSingle(Encoding.Latin1.GetBytes(text));

        Assert.Equal("001 245 520 935", Tags(r));
        Assert.Equal(new string('k', 11000), r.GetValue("520", 'a'));
        Assert.Equal("druck", r.GetValue("935", 'b'));
        Assert.Equal("DirectoryInvalid,OversizeField,DirectoryRebuilt", Codes(r));
        Assert.Equal("520", r.Warnings[1].Tag);
    }

    [Fact]
    public void Field_data_without_a_directory_entry_is_kept_with_an_unknown_tag()
    {
        string text = "00000cam  2200049 a 4500" + "100xxxxxxxxx" + "245yyyyyyyyy" + "\u001e"
            + "1 \u001faAusten\u001e" + "10\u001faTitle\u001e" + "  \u001faExtra\u001e" + "\u001d";
        text = text.Length.ToString("D5") + text.Substring(5);
        var r = ReadSingle(Encoding.Latin1.GetBytes(text));

        Assert.Equal("100 245 ???", Tags(r));
        Assert.Equal("Extra", r.GetValue("???", 'a'));
        var w = Assert.Single(r.Warnings, w => w.Code == MarcDiagnosticCodes.InvalidTag);
        Assert.Equal(text.IndexOf("  \u001faExtra", StringComparison.Ordinal), w.ByteOffset);
        Assert.Equal(MarcDiagnosticCodes.DirectoryRebuilt, r.Warnings[^1].Code);
    }

    [Fact]
    public void Directory_entries_without_field_data_are_reported()
    {
        byte[] a = Marc8Record();
        int baseAddress = int.Parse(Encoding.ASCII.GetString(a, 12, 5));
        int cut = IndexOf(a, "14\u001faThe complete");   // start of the 245 data
        byte[] truncated = Concat(a.AsSpan(0, cut).ToArray(), new[] { RT });
        var r = ReadSingle(truncated);

        Assert.Equal("001 003 008 100", Tags(r));
        var w = Assert.Single(r.Warnings, w => w.Code == MarcDiagnosticCodes.DirectoryInvalid);
        Assert.Contains("2 directory entries", w.Message);
        Assert.Equal("245", w.Tag);
        Assert.True(baseAddress < cut);
    }

    [Fact]
    public void Unused_bytes_in_the_data_area_are_reported()
    {
        byte[] a = Marc8Record();
        // the record gets 3 more bytes of data after the last field that no directory entry points to
        byte[] longer = Concat(a.AsSpan(0, a.Length - 1).ToArray(), L("xyz"), new[] { RT });
        longer = WithBytes(longer, 0, longer.Length.ToString("D5"));
        var r = ReadSingle(longer);

        Assert.Equal(AllTags, Tags(r));
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.DirectoryInvalid, w.Code);
        Assert.Contains("3 bytes", w.Message);
    }

    [Fact]
    public void A_field_terminator_inside_a_field_is_data_when_the_directory_is_consistent()
    {
        byte[] rec = Build(Marc8Leader, ("001", L("x1")), ("500", L("  $aone\u001etwo")), ("650", L(" 0$aJazz.")));
        var r = ReadSingle(rec);

        Assert.Empty(r.Warnings);
        Assert.Equal("001 500 650", Tags(r));
        Assert.Equal("one\u001etwo", r.GetValue("500", 'a'));
        Assert.Equal(rec, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void A_leader_without_directory_is_a_record_without_fields()
    {
        byte[] leaderOnly = Concat(L("00025     2200025   4500"), new[] { RT });
        var r = ReadSingle(leaderOnly);

        Assert.Empty(r.Fields);
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.DirectoryInvalid, w.Code);
    }

    [Fact]
    public void A_leader_followed_by_bytes_without_field_terminators_is_an_error()
    {
        byte[] chunk = Concat(L("00060     2200025   4500"), L("no field terminators anywhere here"), new[] { RT });
        var results = ReadAll(chunk);

        var e = Assert.Single(results).Error!;
        Assert.Equal(MarcDiagnosticCodes.UnreadableRecord, e.Code);
        Assert.Equal(chunk, e.RawBytes);
    }
}
