using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Mrk;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Mrk;

public class MrkTests
{
    private const string Marc8Text =
        "=LDR  00000nam  2200000 a 4500\r\n" +
        "=001  tes001\\\r\n" +
        "=008  960221s1955\\\\\\\\dcu\r\n" +
        "=245  10$aPolish {Lstrok}{acute}od{acute}z :$bprice {dollar}5, {lcub}braces{rcub}, back\\slash.\r\n" +
        "=500  \\\\$aHex {E8}a and unicode {u00E9} and {u2D56}.\r\n" +
        "\r\n";

    private static List<MarcReadResult> Read(string text, MarcFormat format) => Read(Encoding.UTF8.GetBytes(text), format);

    private static List<MarcReadResult> Read(byte[] bytes, MarcFormat format)
    {
        var list = new List<MarcReadResult>();
        using var reader = new MrkReader(new MemoryStream(bytes), format, "test.mrk");
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null)
        {
            list.Add(r);
            Assert.True(list.Count < 100000);
        }
        return list;
    }

    private static string Write(MarcFormat format, params MarcRecord[] records)
    {
        var ms = new MemoryStream();
        using (var w = new MrkWriter(ms, format, new MrkWriterOptions { LeaveOpen = true }))
        {
            foreach (var r in records) w.Write(r);
            w.Complete();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void Mrk_mnemonics_become_marc8_bytes()
    {
        var r = Assert.Single(Read(Marc8Text, MarcFormat.Mrk)).Record!;
        Assert.False(r.HasWarnings, string.Join("; ", r.Warnings));
        Assert.Equal(' ', r.Leader.CharacterCodingScheme);
        Assert.Equal("tes001 ", r.ControlNumber);
        Assert.Equal("960221s1955    dcu", r.GetValue("008"));
        byte[] iso = Iso2709Writer.ToBytes(r);
        string latin = Encoding.Latin1.GetString(iso);
        Assert.Contains("\u001faPolish \u00a1\u00e2od\u00e2z :\u001fbprice $5, {braces}, back\\slash.\u001e", latin);
        Assert.Contains("Hex \u00e8a", latin);
        Assert.Contains("unicode \u00e2e and &#x2D56;.", latin);
        // Decoded as MARC-8 the values are Unicode.
        Assert.Equal("Polish Łódź :", r.GetValue("245", 'a'));
        Assert.Equal("Hex ä and unicode é and \u2D56.", r.GetValue("500", 'a')); // {E8} is the umlaut over the a
    }

    [Fact]
    public void Mrk_writes_back_what_it_read()
    {
        var r = Assert.Single(Read(Marc8Text, MarcFormat.Mrk)).Record!;
        string back = Write(MarcFormat.Mrk, r);
        Assert.Equal(Marc8Text.Replace("{E8}", "{uml}").Replace("{u00E9}", "{acute}e").Replace("{u2D56}", "&#x2D56;").Replace("back\\slash", "back{bsol}slash"), back);
    }

    [Fact]
    public void Mrk8_is_unicode_text_with_literal_braces()
    {
        string text = "=LDR  00000nam a2200000 a 4500\n=001  x\\1\n=245  10$aŁódź {text} {dollar}5 {acute}\n";
        var r = Assert.Single(Read(text, MarcFormat.Mrk8)).Record!;
        Assert.Equal("x 1", r.ControlNumber);
        Assert.Equal("Łódź {text} $5 \u0301", r.GetValue("245", 'a'));
        Assert.False(r.HasWarnings);
        string back = Write(MarcFormat.Mrk8, r);
        Assert.Equal("=LDR  00000nam a2200000 a 4500\r\n=001  x\\1\r\n=245  10$aŁódź {text} {dollar}5 \u0301\r\n\r\n", back);
    }

    [Fact]
    public void Mrk8_writes_lcub_only_where_a_brace_would_read_as_a_mnemonic()
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        r.AddDataField("500", "  ", "a", "{acute} {u1234} {ab} {plain text} }");
        string back = Write(MarcFormat.Mrk8, r);
        Assert.Contains("$a{lcub}acute} {lcub}u1234} {lcub}ab} {plain text} }", back);
        var again = Assert.Single(Read(back, MarcFormat.Mrk8)).Record!;
        Assert.True(again.ContentEquals(r));
    }

    [Fact]
    public void Unicode_record_in_mrk_uses_code_point_mnemonics()
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        r.AddDataField("245", "00", "a", "Łódź 😀");
        string back = Write(MarcFormat.Mrk, r);
        Assert.Contains("$a{Lstrok}{acute}od{acute}z {u1F600}", back);
        Assert.True(MarcTextEncodingIsAscii(back));
        var again = Assert.Single(Read(back, MarcFormat.Mrk)).Record!;
        Assert.True(again.ContentEquals(r), string.Join("; ", again.Compare(r)));
    }

    private static bool MarcTextEncodingIsAscii(string s) => s.All(c => c < 0x80);

    [Fact]
    public void Tolerates_line_end_and_blank_line_variations()
    {
        string text = "\r\n\r\n=LDR  00000nam a2200000 a 4500\n=001  one\r\n\n\n=245  00$aA\r=LDR  00000nam a2200000 a 4500\r\n=001  two\n\n\n\n";
        var results = Read(text, MarcFormat.Mrk8);
        Assert.Equal(new[] { "one", "two" }, results.Select(x => x.Record!.ControlNumber).ToArray());
        Assert.Equal("A", results[0].Record!.GetValue("245", 'a'));
        Assert.Equal(2, results[1].Record!.Origin!.Ordinal);
    }

    [Fact]
    public void Damaged_lines_are_warnings()
    {
        string text = "=001  no leader\n=245 10$aOne blank\nstray text\n=650  \\0Loose$aWhaling\n=100  $aNo indicators\n"
            + "=LDR  00000nam  2200000 a 4500\n=500  \\\\$aUnknown {nosuch} mnemonic\n";
        var results = Read(text, MarcFormat.Mrk);
        Assert.Equal(2, results.Count);
        var r = results[0].Record!;
        var codes = r.Warnings.Select(w => w.Code).Concat(results[1].Record!.Warnings.Select(w => w.Code)).ToList();
        Assert.Contains(MarcDiagnosticCodes.InvalidLeader, codes);
        Assert.Contains(MarcDiagnosticCodes.MrkInvalidLine, codes);
        Assert.Contains(MarcDiagnosticCodes.DataBeforeFirstSubfield, codes);
        Assert.Contains(MarcDiagnosticCodes.MissingIndicators, codes);
        Assert.Contains(MarcDiagnosticCodes.UnknownMnemonic, codes);
        Assert.Equal("no leader", r.ControlNumber);
        Assert.Equal("One blank", r.GetValue("245", 'a'));
        Assert.Equal("No indicators", r.GetValue("100", 'a'));
        Assert.Equal("Unknown {nosuch} mnemonic", results[1].Record!.GetValue("500", 'a'));
    }

    [Fact]
    public void MarcEditText_round_trips_strings()
    {
        string text = "=LDR  00000nam a2200000 a 4500\n=001  ocm1\n=245  10$aMoby Dick :$bor, the whale /$cHerman Melville.";
        var r = Assert.Single(MarcEditText.Parse(text));
        Assert.Equal("Moby Dick : or, the whale", r.Title);
        Assert.Equal(text, MarcEditText.ToText(r));
        var two = MarcEditText.Parse(text + "\r\n\r\n" + text.Replace("ocm1", "ocm2"));
        Assert.Equal(new[] { "ocm1", "ocm2" }, two.Select(x => x.ControlNumber).ToArray());
    }

    [Fact]
    public void MarcEditText_auto_reads_ascii_mnemonics_as_marc8()
    {
        string text = "=LDR  00000nam  2200000 a 4500\n=245  10$aCaf{acute}e";
        var r = Assert.Single(MarcEditText.Parse(text));
        Assert.Equal(' ', r.Leader.CharacterCodingScheme);
        Assert.Equal("Café", r.GetValue("245", 'a'));
        Assert.Equal(text, MarcEditText.ToText(r, MarcFormat.Mrk));
        Assert.Equal(text.Replace("{acute}e", "é"), MarcEditText.ToText(r, MarcFormat.Mrk8));
    }

    [Fact]
    public void MarcEditText_in_mrk_mode_encodes_unicode_characters_of_strings_to_marc8()
    {
        var r = Assert.Single(MarcEditText.Parse("=LDR  00000nam  2200000 a 4500\n=245  10$aCafé Ω", MarcFormat.Mrk));
        Assert.Equal(' ', r.Leader.CharacterCodingScheme);
        Assert.Equal("Café Ω", r.GetValue("245", 'a'));
        string latin = Encoding.Latin1.GetString(Iso2709Writer.ToBytes(r));
        Assert.Contains("Caf\u00e2e ", latin);
    }

    [Fact]
    public void Mnemonic_table_matches_marcmaker()
    {
        Assert.True(MrkMnemonics.TryGetByte("acute", out byte b));
        Assert.Equal(0xE2, b);
        Assert.Equal("uml", MrkMnemonics.NameOf(0xE8));
        Assert.True(MrkMnemonics.TryGetByte("diaer", out b));
        Assert.Equal(0xE8, b);
        Assert.Equal("dollar", MrkMnemonics.NameOf(0x24));
        Assert.Null(MrkMnemonics.NameOf(0x41));
        Assert.True(MrkMnemonics.All.Count() >= 75);
    }
    private static string WriteWith(MarcFormat format, MrkWriterOptions options, params MarcRecord[] records)
    {
        var ms = new MemoryStream();
        options.LeaveOpen = true;
        using (var w = new MrkWriter(ms, format, options))
        {
            foreach (var r in records) w.Write(r);
            w.Complete();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Theory]
    [InlineData(MarcFormat.Mrk, ' ')]
    [InlineData(MarcFormat.Mrk, 'a')]
    [InlineData(MarcFormat.Mrk8, 'a')]
    public void A_backslash_in_subfield_data_is_written_bsol_and_reads_back(MarcFormat format, char codingScheme)
    {
        var r = new MarcRecord(new Leader("00000nam " + codingScheme + "2200000 a 4500"));
        r.AddDataField("852", "  ", "h", @"C:\STACKS\PN 1234");
        string text = Write(format, r);
        Assert.Contains(@"$hC:{bsol}STACKS{bsol}PN 1234", text);
        var again = Assert.Single(Read(text, format)).Record!;
        Assert.Equal(@"C:\STACKS\PN 1234", again.GetValue("852", 'h'));
        Assert.True(again.ContentEquals(r, compareLeaderLengths: true), string.Join("; ", again.Compare(r)));
        // As LC's MARCBreaker test files have it, on request.
        Assert.Contains(@"$hC:\STACKS\PN 1234", WriteWith(format, new MrkWriterOptions { LiteralBackslash = true }, r));
    }

    [Fact]
    public void Braces_in_a_unicode_record_written_as_mrk_are_lcub_and_rcub()
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        r.AddDataField("500", "  ", "a", "Price {dollar} typed {in} braces");
        string text = Write(MarcFormat.Mrk, r);
        Assert.Contains("$aPrice {lcub}dollar{rcub} typed {lcub}in{rcub} braces", text);
        var again = Assert.Single(Read(text, MarcFormat.Mrk)).Record!;
        Assert.True(again.ContentEquals(r, compareLeaderLengths: true), string.Join("; ", again.Compare(r)));
    }

    [Fact]
    public void Unicode_record_in_mrk_uses_lc_mnemonics_for_what_marc8_has()
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        r.AddDataField("245", "00", "a", "\u011B \u01B0\u1EF1 Ng\u01B0\u1EDDi \u00A9 $ \u2D56 \u03B1");
        string text = Write(MarcFormat.Mrk, r);
        Assert.Contains("$a{caron}e {uhorn}{dotb}{uhorn} Ng{uhorn}{grave}{ohorn}i {copy} {dollar} {u2D56} {u03B1}", text);
        var again = Assert.Single(Read(text, MarcFormat.Mrk)).Record!;
        Assert.True(again.ContentEquals(r, compareLeaderLengths: true), string.Join("; ", again.Compare(r)));
    }

    [Fact]
    public void Decomposed_unicode_in_mrk_keeps_its_form()
    {
        // e + U+030C would read back from {caron}e composed (U+011B): written as a code point to stay identical.
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        r.AddDataField("245", "00", "a", "e\u030C");
        string text = Write(MarcFormat.Mrk, r);
        Assert.Contains("$ae{u030C}", text);
        var again = Assert.Single(Read(text, MarcFormat.Mrk)).Record!;
        Assert.Equal("e\u030C", again.GetValue("245", 'a'));
    }

    [Theory]
    [InlineData(MarcFormat.Mrk)]
    [InlineData(MarcFormat.Mrk8)]
    public void In_unicode_text_a_mark_mnemonic_goes_with_the_letter_after_it(MarcFormat format)
    {
        string text = "=LDR  00000nam a2200000 a 4500\n=245  00$a{caron}e {acute}{u0061} {dotb}{uhorn} {acute}\n";
        var r = Assert.Single(Read(text, format)).Record!;
        Assert.Equal("\u011B \u00E1 \u1EF1 \u0301", r.GetValue("245", 'a'));
    }
    [Theory]
    [InlineData(MarcFormat.Mrk, ' ')]
    [InlineData(MarcFormat.Mrk, 'a')]
    [InlineData(MarcFormat.Mrk8, 'a')]
    public void A_subfield_code_that_is_not_printable_ascii_survives_the_text(MarcFormat format, char codingScheme)
    {
        var r = new MarcRecord(new Leader("00000nam " + codingScheme + "2200000 a 4500"));
        var f = r.AddDataField("245", "10", "a", "Title");
        f.Subfields.Add(new Subfield('\u00C3', "odd code"));
        f.Subfields.Add(new Subfield('$', "dollar code"));
        string text = Write(format, r);
        Assert.Contains("$aTitle${C3}odd code${24}dollar code", text);
        var again = Assert.Single(Read(text, format)).Record!;
        Assert.True(again.ContentEquals(r, compareLeaderLengths: true), string.Join("; ", again.Compare(r)));
    }
    [Fact]
    public void Text_sent_a_line_at_a_time_splits_into_the_records_a_file_gives()
    {
        string text = "\uFEFF\r\n=LDR  00000nam a2200000 a 4500\r\n=001  one\r\n\r\n=245  00$aA\r=LDR  00000nam  2200000 a 4500\n=001  two\n=245  00$aCaf{acute}e\n\n";
        var fromFile = Read(text, MarcFormat.Mrk8).Select(r => r.Record!).ToList();
        var parser = new MarcEditTextParser(MarcFormat.Mrk8);
        var fromLines = new List<MarcRecord>();
        foreach (string piece in new[] { "\uFEFF\r", "\n=LDR  00000nam a2200000 a 4500\r\n=001  one\r", "\n", "", "=245  00$aA\r=LDR  00000nam  2200000 a 4500", "=001  two", "=245  00$aCaf{acute}e", "" })
            fromLines.AddRange(parser.Add(piece));
        fromLines.AddRange(parser.Complete());
        Assert.True(fromFile.Count == 2, string.Join(" / ", fromFile.Select(r => r.ToMarcText())));
        Assert.Equal(fromFile.Count, fromLines.Count);
        for (int i = 0; i < fromFile.Count; i++) Assert.True(fromLines[i].ContentEquals(fromFile[i], compareLeaderLengths: true), string.Join("; ", fromLines[i].Compare(fromFile[i])));
        Assert.Equal("Caf\u00E9", fromLines[1].GetValue("245", 'a'));
        Assert.All(fromLines, r => Assert.False(r.HasWarnings, string.Join("; ", r.Warnings)));
    }
    [Fact]
    public void Broken_surrogates_in_a_unicode_record_do_not_stop_the_mrk_writer()
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        r.AddDataField("500", "  ", "a", "x\uD800\u0301 \uDC00y \u00E9");
        string text = Write(MarcFormat.Mrk, r);
        Assert.Contains("$ax{uD800}{u0301} {uDC00}y {acute}e", text);
    }
}
