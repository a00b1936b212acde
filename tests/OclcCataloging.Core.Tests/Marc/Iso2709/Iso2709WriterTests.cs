using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

public class Iso2709WriterTests
{
    private static MarcRecord Built(string leader, string id)
    {
        var r = new MarcRecord(new Leader(leader));
        r.AddControlField("001", id);
        r.AddControlField("008", "850320s1985    nyu           000 1 eng d");
        r.AddDataField("245", "10", "a", "Kind of blue /", "c", "Miles Davis.");
        r.AddDataField("650", " 0", "a", "Jazz", "y", "1951-1960.");
        return r;
    }

    [Fact]
    public void A_record_built_in_memory_gets_lengths_base_address_and_directory()
    {
        byte[] written = Iso2709Writer.ToBytes(Built("00000cjm a2200000 i 4500", "w1"));
        byte[] expected = Build("00000cjm a2200000 i 4500",
            ("001", U("w1")), ("008", U("850320s1985    nyu           000 1 eng d")),
            ("245", U("10$aKind of blue /$cMiles Davis.")), ("650", U(" 0$aJazz$y1951-1960.")));

        Assert.Equal(expected, written);
        Assert.Equal(written.Length.ToString("D5"), Encoding.ASCII.GetString(written, 0, 5));
        Assert.Equal(written.Length, ReadSingle(written).Leader.RecordLength);
    }

    [Fact]
    public void Utf8_text_is_encoded_and_lengths_count_bytes()
    {
        var r = new MarcRecord(new Leader(Utf8Leader));
        r.AddDataField("245", "10", "a", "日本語 École");
        byte[] written = Iso2709Writer.ToBytes(r);

        Assert.Equal(Build(Utf8Leader, ("245", U("10$a日本語 École"))), written);
        Assert.Equal("日本語 École", ReadSingle(written).GetValue("245", 'a'));
    }

    [Fact]
    public void Leader_positions_other_than_the_lengths_are_written_as_they_are()
    {
        var r = Built("12345zzz!?9999999\u00e9~^#432", "w2");
        byte[] written = Iso2709Writer.ToBytes(r);
        string leader = Encoding.Latin1.GetString(written, 0, 24);

        Assert.Equal("zzz!?99", leader.Substring(5, 7));
        Assert.Equal("\u00e9~^#432", leader.Substring(17));
        Assert.Equal(24, ReadSingle(written).Leader.ToString().Length);
    }

    [Fact]
    public void Unmodified_records_are_written_back_byte_for_byte()
    {
        byte[] data = Concat(Marc8Record("m1"), Utf8Record("u1"),
            Build(Marc8Leader, ("001", L("x")), ("500", L("  $aone\u001etwo$$\u00ff")), ("590", L("1 noDelimiter"))));
        var results = ReadAll(data);
        var output = new MemoryStream();
        using (var w = new Iso2709Writer(output))
        {
            foreach (var res in results) w.Write(res.Record!);
            w.Complete();
        }
        Assert.Equal(data, output.ToArray());
    }

    [Fact]
    public void A_changed_field_is_encoded_and_the_others_are_copied()
    {
        byte[] original = Utf8Record("u2");
        var r = ReadSingle(original);
        ((DataField)r["245"]!).SetSubfield('a', "Nouveau titre :");
        r.AddDataField("500", "  ", "a", "Ajouté");
        byte[] written = Iso2709Writer.ToBytes(r);

        var back = ReadSingle(written);
        Assert.Empty(back.Warnings);
        Assert.Equal("Nouveau titre :", back.GetValue("245", 'a'));
        Assert.Equal("études /", back.GetValue("245", 'b'));
        Assert.Equal("日本語のタイトル", back.GetValue("880", 'a'));
        Assert.Equal("Ajouté", back.GetValue("500", 'a'));
        Assert.True(IndexOf(written, Encoding.Latin1.GetString(U("10$6245-01$a日本語のタイトル"))) > 0);
    }

    [Fact]
    public void Subfields_without_code_are_written_without_delimiter()
    {
        var r = new MarcRecord(new Leader(Marc8Leader));
        var f = r.AddDataField("260", "  ");
        f.Subfields.Add(new Subfield(Subfield.NoCode, "New York"));
        f.AddSubfield('b', "");
        f.AddSubfield('c', "1999.");
        Assert.Equal(Build(Marc8Leader, ("260", L("  New York$b$c1999."))), Iso2709Writer.ToBytes(r));
    }

    private static MarcRecord WithLongField(int fieldBytes, string id = "big1")
    {
        var r = new MarcRecord(new Leader(Utf8Leader));
        r.AddControlField("001", id);
        r.AddDataField("245", "10", "a", "Title");
        r.AddDataField("520", "  ", "a", new string('x', fieldBytes));
        r.AddDataField("650", " 0", "a", "Jazz");
        return r;
    }

    private static MarcRecord WithManyFields(int count, int each, string id = "many1")
    {
        var r = new MarcRecord(new Leader(Utf8Leader));
        r.AddControlField("001", id);
        for (int i = 0; i < count; i++) r.AddDataField("9" + (i % 100).ToString("D2"), "  ", "a", new string((char)('a' + i % 26), each));
        return r;
    }

    [Fact]
    public void A_field_over_9999_bytes_is_refused_by_default_and_nothing_is_written()
    {
        var output = new MemoryStream();
        using var w = new Iso2709Writer(output, new Iso2709WriterOptions { LeaveOpen = true });
        w.Write(Built(Marc8Leader, "ok1"));
        long before = output.Length;

        var e = Assert.Throws<MarcWriteException>(() => w.Write(WithLongField(10000)));
        Assert.Equal(MarcDiagnosticCodes.FieldTooLong, e.Code);
        Assert.Equal("520", e.Tag);
        Assert.Contains("Record 2 (001 big1)", e.Message);
        Assert.Contains("field 520", e.Message);
        Assert.NotNull(e.Record);
        Assert.Equal(before, output.Length);

        w.Write(Built(Marc8Leader, "ok3"));
        Assert.Equal(2, ReadAll(output.ToArray()).Count);
        Assert.Equal(2, w.Count);
    }

    [Fact]
    public void A_field_of_exactly_9999_bytes_is_written()
    {
        byte[] bytes = Iso2709Writer.ToBytes(WithLongField(9999 - 5));   // 2 indicators + $a + value + terminator
        var r = ReadSingle(bytes);
        Assert.Empty(r.Warnings);
        Assert.Equal("9999", Encoding.ASCII.GetString(bytes, 24 + 12 * 2 + 3, 4));
    }

    [Fact]
    public void A_record_over_99999_bytes_is_refused_by_default()
    {
        var output = new MemoryStream();
        var e = Assert.Throws<MarcWriteException>(() => new Iso2709Writer(output).Write(WithManyFields(30, 4000)));
        Assert.Equal(MarcDiagnosticCodes.RecordTooLong, e.Code);
        Assert.Contains("many1", e.Message);
        Assert.Contains("99,999", e.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void WriteOverflowNines_writes_nines_warns_and_reads_back_whole()
    {
        var warnings = new List<MarcDiagnostic>();
        var options = new Iso2709WriterOptions { OversizePolicy = OversizePolicy.WriteOverflowNines, Warning = warnings.Add };
        var record = WithManyFields(30, 4000);
        record.AddDataField("520", "  ", "a", new string('y', 12000));
        byte[] bytes = Iso2709Writer.ToBytes(record, options);

        Assert.Equal("99999", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Contains("52099999", Encoding.ASCII.GetString(bytes, 24, 12 * 32));
        Assert.Equal(MarcDiagnosticCodes.FieldTooLong, warnings[0].Code);
        Assert.Equal("520", warnings[0].Tag);
        Assert.Equal(MarcDiagnosticCodes.RecordTooLong, warnings[1].Code);

        var back = ReadSingle(bytes);
        Assert.Empty(record.Compare(back));
        Assert.Contains(back.Warnings, w => w.Code == MarcDiagnosticCodes.OversizeRecord);
    }

    [Fact]
    public void Truncate_drops_oversize_fields_and_trailing_fields_and_says_which()
    {
        var warnings = new List<MarcDiagnostic>();
        var options = new Iso2709WriterOptions { OversizePolicy = OversizePolicy.Truncate, Warning = warnings.Add };
        var record = WithManyFields(30, 4000);
        record.Fields.Insert(1, new DataField("520", "  ", "a", new string('y', 12000)));
        byte[] bytes = Iso2709Writer.ToBytes(record, options);

        Assert.True(bytes.Length <= 99999);
        var back = ReadSingle(bytes);
        Assert.Empty(back.Warnings);
        Assert.Equal(bytes.Length, back.Leader.RecordLength);
        Assert.Null(back["520"]);
        Assert.Equal(MarcDiagnosticCodes.FieldTooLong, warnings[0].Code);
        Assert.Equal("520", warnings[0].Tag);
        int dropped = warnings.Count(w => w.Code == MarcDiagnosticCodes.RecordTooLong);
        Assert.True(dropped >= 6);
        Assert.Equal(31 - dropped, back.Fields.Count);
        for (int i = 0; i < back.Fields.Count; i++) Assert.True(record.Fields[i == 0 ? 0 : i + 1].ContentEquals(back.Fields[i]));
    }

    [Fact]
    public void A_character_the_record_encoding_cannot_hold_is_refused_and_nothing_is_written()
    {
        // MARC-8 records take any Unicode text: EACC for CJK, LC's lossless &#xXXXX; for what MARC-8 lacks
        var r = Built(Marc8Leader, "enc1");
        r.AddDataField("880", "10", "a", "日本\u2D56");
        byte[] marc8 = Iso2709Writer.ToBytes(r);
        Assert.True(IndexOf(marc8, "\u001b$1") > 0);
        Assert.True(IndexOf(marc8, "&#x2D56;") > 0);
        var back = ReadAll(marc8).Single().Record!;
        Assert.Equal("日本\u2D56", back.GetValue("880", 'a'));

        var r2 = Built(Utf8Leader, "enc2");
        ((DataField)r2["245"]!).Indicator1 = '日';
        Assert.Equal(MarcDiagnosticCodes.CharacterNotEncodable, Assert.Throws<MarcWriteException>(() => Iso2709Writer.ToBytes(r2)).Code);
    }

    [Fact]
    public void The_stream_is_disposed_unless_left_open()
    {
        var s1 = new MemoryStream();
        using (var w = new Iso2709Writer(s1)) w.Write(Built(Marc8Leader, "d1"));
        Assert.False(s1.CanWrite);

        var s2 = new MemoryStream();
        using (var w = new Iso2709Writer(s2, new Iso2709WriterOptions { LeaveOpen = true })) w.Write(Built(Marc8Leader, "d2"));
        Assert.True(s2.CanWrite);
        Assert.Single(ReadAll(s2.ToArray()));
    }
}
