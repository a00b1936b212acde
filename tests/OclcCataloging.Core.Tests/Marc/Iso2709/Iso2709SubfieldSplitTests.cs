using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>
/// How a read data field's bytes become subfields when they are first asked for (delimiters found in blocks of
/// bytes, values decoded on demand), and that edits and copies keep records independent of the shared bytes.
/// </summary>
public class Iso2709SubfieldSplitTests
{
    /// <summary>The subfields of a body as the rules say, one byte at a time: the reference for the block scan.</summary>
    private static List<(char Code, string Value)> Expected(string body)
    {
        var result = new List<(char, string)>();
        string[] parts = body.Split('$');
        if (parts[0].Length > 0) result.Add((Subfield.NoCode, parts[0]));
        for (int i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length > 0) result.Add((parts[i][0], parts[i].Substring(1)));
        }
        return result;
    }

    private static List<(char Code, string Value)> Actual(DataField field) =>
        field.Subfields.Select(s => (s.Code, s.Value)).ToList();

    private static MarcRecord Read(params (string Tag, byte[] Body)[] fields) => Iso2709Reader.ParseRecord(Build(Utf8Leader, fields));

    public static IEnumerable<object[]> BoundaryPositions()
    {
        foreach (int p in new[] { 0, 1, 14, 15, 16, 17, 30, 31, 32, 33, 62, 63, 64, 65, 66, 126, 127, 128, 129, 191, 192, 255, 256 })
            yield return new object[] { p };
    }

    [Theory]
    [MemberData(nameof(BoundaryPositions))]
    public void A_delimiter_at_any_position_of_a_block_starts_a_subfield(int position)
    {
        // Body after the indicators: "$a" then filler, with a second delimiter at `position` (counted from the delimiter).
        var text = new StringBuilder("$a");
        while (text.Length < 300) text.Append((char)('A' + text.Length % 26));
        if (position >= 2) text[position] = '$';
        string body = text.ToString();

        // The same field in the middle of a record and as its last field (close to the end of the byte array).
        MarcRecord middle = Read(("001", L("x")), ("245", L("10" + body)), ("500", L("  $aafter")));
        MarcRecord last = Read(("001", L("x")), ("245", L("10" + body)));

        Assert.Equal(Expected(body), Actual((DataField)middle.Fields[1]));
        Assert.Equal(Expected(body), Actual((DataField)last.Fields[1]));
        Assert.Equal("after", middle["500"]!["a"]);
    }

    [Fact]
    public void Every_field_length_from_0_to_200_splits_as_the_rules_say()
    {
        var random = new Random(2709);
        for (int length = 0; length <= 200; length++)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = random.Next(5) == 0 ? '$' : (char)('a' + random.Next(26));
            string body = new string(chars);

            MarcRecord r = Read(("245", L("10" + body)), ("246", L("1 " + body)));

            Assert.Equal(Expected(body), Actual((DataField)r.Fields[0]));
            Assert.Equal(Expected(body), Actual((DataField)r.Fields[1]));
        }
    }

    [Fact]
    public void Fields_with_no_one_and_many_subfields()
    {
        string many = string.Concat(Enumerable.Range(0, 150).Select(i => "$" + (char)('a' + i % 26) + i));
        MarcRecord r = Read(("245", L("10")), ("246", L("1 $aOnly")), ("500", L("  " + many)));

        Assert.Empty(((DataField)r.Fields[0]).Subfields);
        Assert.Null(r["245"]!["a"]);
        Subfield only = Assert.Single(((DataField)r.Fields[1]).Subfields);
        Assert.Equal(('a', "Only"), (only.Code, only.Value));
        Assert.Equal(150, ((DataField)r.Fields[2]).Subfields.Count);
        Assert.Equal(Expected(many), Actual((DataField)r.Fields[2]));
        Assert.Equal("149", ((DataField)r.Fields[2]).Subfields[149].Value);
    }

    [Theory]
    [InlineData("no delimiter at all")]
    [InlineData("data before$athe first")]
    [InlineData("$$aempty code")]
    [InlineData("$aends with a delimiter$")]
    [InlineData("$a$b$c")]
    [InlineData("$")]
    [InlineData("$$$")]
    public void Damaged_fields_split_as_the_rules_say(string body)
    {
        MarcRecord r = Read(("245", L("10" + body)), ("500", L("  " + body)));

        Assert.Equal(Expected(body), Actual((DataField)r.Fields[0]));
        Assert.Equal(Expected(body), Actual((DataField)r.Fields[1]));
    }

    [Fact]
    public void Non_ASCII_UTF8_values_decode_in_any_position_and_invalid_bytes_stay_as_read()
    {
        var body = new List<byte>(U("10$aplain$bcafé$c日本語$d"));
        for (int i = 0; i < 70; i++) body.Add((byte)'x');
        body.AddRange(U("é"));
        body.AddRange(U("$einvalid "));
        body.Add(0xFF);
        body.AddRange(U(" end"));
        byte[] bytes = Build(Utf8Leader, ("245", body.ToArray()));

        MarcRecord r = Iso2709Reader.ParseRecord(bytes);
        var f = (DataField)r.Fields[0];

        Assert.Equal("plain", f["a"]);
        Assert.Equal("café", f["b"]);
        Assert.Equal("日本語", f["c"]);
        Assert.Equal(new string('x', 70) + "é", f["d"]);
        Assert.Equal("invalid \uFFFD end", f["e"]);
        Assert.Equal(bytes, Iso2709Writer.ToBytes(r));
    }

    [Fact]
    public void MARC8_values_decode_as_the_MARC8_decoder_does_with_escapes_across_delimiters()
    {
        var body = new List<byte>(L("10$aCaf"));
        body.Add(0xE2); // combining acute before its base letter
        body.Add((byte)'e');
        body.AddRange(L("$bGreek "));
        body.AddRange(new byte[] { 0x1B, (byte)'g', (byte)'a', (byte)'b' });
        body.AddRange(L("$cstill Greek"));
        body.AddRange(new byte[] { 0x1B, (byte)'s' });
        body.AddRange(L(" back$dplain"));
        byte[] raw = body.ToArray();
        MarcRecord r = Iso2709Reader.ParseRecord(Build(Marc8Leader, ("245", raw)));

        List<Subfield> expected = Marc8Decoder.DecodeSubfields(raw, 2, raw.Length - 2);
        Assert.Equal(expected.Select(s => (s.Code, s.Value)), Actual((DataField)r.Fields[0]));
        Assert.Equal("Café", r["245"]!["a"]);
        Assert.Equal("plain", r["245"]!["d"]);
    }

    [Fact]
    public void Values_not_yet_read_stay_right_after_other_subfields_and_fields_are_edited()
    {
        byte[] bytes = Build(Utf8Leader, ("001", L("ocm1")), ("245", U("10$aTitle$bsub$cby me")), ("500", U("  $anote")));
        MarcRecord r = Iso2709Reader.ParseRecord(bytes);
        var f = (DataField)r.Fields[1];

        f.Subfields[0].Value = "New title";
        f.Subfields.Insert(1, new Subfield('h', "[medium]"));
        r.Fields.RemoveAt(0);

        Assert.Equal(new[] { "New title", "[medium]", "sub", "by me" }, f.Subfields.Select(s => s.Value));
        Assert.Equal("note", r["500"]!["a"]);
        MarcRecord back = Iso2709Reader.ParseRecord(Iso2709Writer.ToBytes(r));
        Assert.Equal("=245  10$aNew title$h[medium]$bsub$cby me", back["245"]!.ToMarcText());
        Assert.Equal("=500  \\\\$anote", back["500"]!.ToMarcText());
    }

    [Fact]
    public void Clones_share_no_state_with_their_original_before_or_after_the_subfields_are_split()
    {
        MarcRecord original = Iso2709Reader.ParseRecord(Build(Utf8Leader, ("001", L("ocm1")), ("245", U("10$aTitle$bsub")), ("650", U(" 0$aJazz."))));
        MarcRecord early = original.Clone(); // taken while every field is still bytes
        _ = original["650"]!["a"];
        MarcRecord late = original.Clone(); // 650 split already, 245 not

        early["245"]!["a"] = "Early";
        late["650"]!["a"] = "Late";
        original["245"]!["b"] = "Original";
        ((ControlField)late.Fields[0]).Value = "ocm2";

        Assert.Equal(("Title", "Original"), (original["245"]!["a"], original["245"]!["b"]));
        Assert.Equal(("Early", "sub"), (early["245"]!["a"], early["245"]!["b"]));
        Assert.Equal(("Title", "sub"), (late["245"]!["a"], late["245"]!["b"]));
        Assert.Equal(new[] { "Jazz.", "Jazz.", "Late" }, new[] { original, early, late }.Select(x => x["650"]!["a"]));
        Assert.Equal(new[] { "ocm1", "ocm1", "ocm2" }, new[] { original, early, late }.Select(x => x.ControlNumber));
    }

    [Fact]
    public void DelimiterMask_marks_exactly_the_delimiters_of_up_to_64_bytes()
    {
        var random = new Random(15);
        byte[] b = new byte[300];
        for (int i = 0; i < b.Length; i++) b[i] = random.Next(4) == 0 ? SD : (byte)random.Next(0x20, 0x7F);
        for (int from = 0; from < b.Length; from++)
        {
            foreach (int to in new[] { from, from + 1, from + 15, from + 33, from + 63, from + 64, from + 65, b.Length })
            {
                if (to > b.Length) continue;
                ulong expected = 0;
                for (int j = 0; j < Math.Min(64, to - from); j++)
                {
                    if (b[from + j] == SD) expected |= 1UL << j;
                }
                Assert.Equal(expected, SubfieldScanner.DelimiterMask(b, from, to));
            }
        }
    }

    [Fact]
    public void TryAsciiString_builds_ASCII_and_refuses_any_other_byte_wherever_it_is()
    {
        for (int length = 1; length <= 80; length++)
        {
            byte[] b = Enumerable.Range(0, length + 2).Select(i => (byte)(0x20 + i % 0x5F)).ToArray();
            Assert.Equal(Encoding.ASCII.GetString(b, 1, length), MarcTextCodec.TryAsciiString(b, 1, length));
            for (int bad = 1; bad <= length; bad++)
            {
                byte[] c = (byte[])b.Clone();
                c[bad] = 0x80;
                Assert.Null(MarcTextCodec.TryAsciiString(c, 1, length));
            }
        }
    }

    public static IEnumerable<object[]> BothKindsOfField()
    {
        yield return new object[] { "read" };
        yield return new object[] { "built" };
    }

    private static DataField Field(string kind) => kind == "read"
        ? (DataField)Read(("245", L("10$aone$btwo$cthree"))).Fields[0]
        : new DataField("245", "10", "a", "one", "b", "two", "c", "three");

    [Theory]
    [MemberData(nameof(BothKindsOfField))]
    public void Subfield_collections_behave_as_lists_whether_read_or_built(string kind)
    {
        DataField f = Field(kind);
        SubfieldCollection subs = f.Subfields;
        Subfield two = subs[1];

        Assert.Throws<ArgumentOutOfRangeException>(() => subs[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => subs[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => subs.Insert(4, new Subfield('x', "x")));
        Assert.Throws<ArgumentOutOfRangeException>(() => subs.RemoveAt(3));
        Assert.Throws<ArgumentNullException>(() => subs.Add(null!));
        Assert.Equal(1, subs.IndexOf(two));
        Assert.True(subs.Contains(two));

        subs.Insert(0, new Subfield('6', "880-01"));
        subs.Add(new Subfield('d', "four"));
        Assert.True(subs.Remove(two));
        Assert.False(subs.Remove(two));
        subs[0] = new Subfield('8', "1\\c");
        var copy = new Subfield[6];
        subs.CopyTo(copy, 1);

        Assert.Equal("8 a c d", string.Join(" ", subs.Select(s => s.Code)));
        Assert.Equal(new[] { null, "1\\c", "one", "three", "four", null }, copy.Select(s => s?.Value));
        Assert.Equal("one three four", f.Text.Substring(f.Text.IndexOf("one", StringComparison.Ordinal)));

        for (int i = 0; i < 40; i++) subs.Add(new Subfield('z', i.ToString()));
        Assert.Equal(44, subs.Count);
        Assert.Equal("39", subs[43].Value);
        subs.Clear();
        Assert.Empty(subs);
        Assert.Null(f["a"]);
    }

    [Theory]
    [MemberData(nameof(BothKindsOfField))]
    public void Changing_subfields_while_enumerating_them_fails_as_a_list_does(string kind)
    {
        DataField f = Field(kind);

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (Subfield s in f.Subfields) f.Subfields.Remove(s);
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (Subfield s in f.Subfields) f.Subfields[0] = new Subfield('q', "q");
        });
        // Reading values, and editing a value in place, is fine while enumerating.
        foreach (Subfield s in f.Subfields) s.Value = s.Value.ToUpperInvariant();
        Assert.Equal(new[] { "Q", "THREE" }, f.Subfields.Select(s => s.Value));
    }
}
