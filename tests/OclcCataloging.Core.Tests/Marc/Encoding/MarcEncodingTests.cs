using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Charsets;

/// <summary>Leader/09 verification, Auto detection, explicit overrides, record conversion and MARCXML of MARC-8 records.</summary>
public class MarcEncodingTests
{
    /// <summary>Latin-1 bytes with \u2021 (double dagger) as the subfield delimiter, so '$' stays a dollar sign.</summary>
    private static byte[] M(string text) => Encoding.Latin1.GetBytes(text.Replace('\u2021', '\u001f'));

    private static MarcRecord ReadOne(byte[] data, MarcEncoding encoding)
    {
        var list = ReadAll(new MemoryStream(data), new Iso2709ReaderOptions { Encoding = encoding });
        return Assert.Single(list).Record!;
    }

    private static byte[] Utf8InMarc8Leader() => Build(Marc8Leader, ("001", L("u1")), ("245", U("10$aCaf\u00e9 \u65e5\u672c")));

    private static byte[] Marc8Bytes() => Build(Marc8Leader, ("001", L("m1")), ("245", L("10$aCaf\u00e2e$b\u001b(NAB\u001b(B")));

    [Fact]
    public void Detector_classifies_ascii_utf8_and_marc8()
    {
        Assert.Equal(DetectedEncoding.Ascii, MarcEncodingDetector.Detect(L("plain"), 0, 5));
        byte[] u = U("caf\u00e9");
        Assert.Equal(DetectedEncoding.Utf8, MarcEncodingDetector.Detect(u, 0, u.Length));
        byte[] m = L("caf\u00e2e");
        Assert.Equal(DetectedEncoding.Marc8, MarcEncodingDetector.Detect(m, 0, m.Length, out string why));
        Assert.Contains("not well-formed UTF-8", why);
        byte[] esc = L("x\u001b(Nab");
        Assert.Equal(DetectedEncoding.Marc8, MarcEncodingDetector.Detect(esc, 0, esc.Length));
    }

    [Fact]
    public void Leader_mode_reads_as_leader_says_and_warns_when_the_bytes_contradict_it()
    {
        var r = ReadOne(Utf8InMarc8Leader(), MarcEncoding.Leader);
        Assert.Equal(' ', r.Leader.CharacterCodingScheme);
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.EncodingMismatch, w.Code);
        Assert.Equal(9, w.ByteOffset);
        // the bytes are kept: written back unchanged
        Assert.Equal(Utf8InMarc8Leader(), Iso2709Writer.ToBytes(r));
        Assert.Empty(ReadOne(Marc8Bytes(), MarcEncoding.Leader).Warnings);
    }

    [Fact]
    public void Auto_mode_detects_utf8_in_a_marc8_record_and_says_so()
    {
        var r = ReadOne(Utf8InMarc8Leader(), MarcEncoding.Auto);
        Assert.Equal('a', r.Leader.CharacterCodingScheme);
        Assert.Equal("Caf\u00e9 \u65e5\u672c", r.GetValue("245", 'a'));
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.EncodingDetected, w.Code);
        Assert.Contains("UTF-8", w.Message);
        // a real MARC-8 record stays MARC-8 without a warning
        var m = ReadOne(Marc8Bytes(), MarcEncoding.Auto);
        Assert.Empty(m.Warnings);
        Assert.Equal("Caf\u00e9", m.GetValue("245", 'a'));
        Assert.Equal("\u0430\u0431", m.GetValue("245", 'b'));
        // MARC-8 bytes under a UTF-8 leader
        byte[] lying = Build(Utf8Leader, ("001", L("x")), ("245", L("10$aCaf\u00e2e")));
        var l = ReadOne(lying, MarcEncoding.Auto);
        Assert.Equal(' ', l.Leader.CharacterCodingScheme);
        Assert.Equal(MarcDiagnosticCodes.EncodingDetected, Assert.Single(l.Warnings).Code);
        Assert.Equal("Caf\u00e9", l.GetValue("245", 'a'));
    }

    [Fact]
    public void Explicit_encoding_overrides_leader_09()
    {
        var r = ReadOne(Utf8InMarc8Leader(), MarcEncoding.Utf8);
        Assert.Equal('a', r.Leader.CharacterCodingScheme);
        Assert.Equal(MarcDiagnosticCodes.EncodingOverridden, Assert.Single(r.Warnings).Code);
        Assert.Equal("Caf\u00e9 \u65e5\u672c", r.GetValue("245", 'a'));
        var m = ReadOne(Marc8Bytes(), MarcEncoding.Marc8);
        Assert.Empty(m.Warnings);
    }

    [Fact]
    public void Marc8_record_read_and_written_back_is_byte_identical_even_after_reading_values()
    {
        byte[] data = Build(Marc8Leader, ("001", L("m1")), ("245", M("10\u2021aCaf\u00e2e\u2021b\u001b$1!0!\u2021c!0!\u001b(B\u2021dend")));
        var r = ReadOne(data, MarcEncoding.Leader);
        Assert.Equal(data, Iso2709Writer.ToBytes(r));
        Assert.Equal("\u4E00", r.GetValue("245", 'c'));             // state carried over from $b
        Assert.Equal("Caf\u00e9", r.GetValue("245", 'a'));
        // after materialising, subfields with carried state are re-encoded self-contained; the text is the same
        var back = ReadOne(Iso2709Writer.ToBytes(r), MarcEncoding.Leader);
        Assert.Equal(new[] { "Caf\u00e9", "\u4E00", "\u4E00", "end" }, ((DataField)back["245"]!).GetValues());
    }

    [Fact]
    public void ToUnicode_and_ToMarc8_convert_records_and_report_problems_with_tag_and_offset()
    {
        byte[] data = Build(Marc8Leader, ("001", L("m1")), ("245", L("10$aRelaxin\u00e1 at$bx\u007f")));
        var r = ReadOne(data, MarcEncoding.Leader);
        var u = MarcEncodingConverter.ToUnicode(r);
        Assert.Equal('a', u.Leader.CharacterCodingScheme);
        Assert.Equal("Relaxin \u0300at", u.GetValue("245", 'a'));
        Assert.Equal(2, u.Warnings.Count);
        Assert.Equal(MarcDiagnosticCodes.Marc8CombiningBeforeSpace, u.Warnings[0].Code);
        Assert.Equal("245", u.Warnings[0].Tag);
        Assert.Equal(IndexOf(data, "\u00e1 at"), u.Warnings[0].ByteOffset);
        Assert.Equal(MarcDiagnosticCodes.Marc8UnmappedCharacter, u.Warnings[1].Code);
        Assert.Equal(IndexOf(data, "\u007f"), u.Warnings[1].ByteOffset);
        Assert.Empty(r.Warnings); // the input is not changed

        var m = MarcEncodingConverter.ToMarc8(u);
        Assert.Equal(' ', m.Leader.CharacterCodingScheme);
        byte[] written = Iso2709Writer.ToBytes(m);
        var again = ReadOne(written, MarcEncoding.Leader);
        Assert.Equal("Relaxin \u0300at", MarcEncodingConverter.ToUnicode(again).GetValue("245", 'a'));

        // lossless by default, with a warning per reference; lossy on request
        var rec = new MarcRecord(new Leader(Utf8Leader));
        rec.AddDataField("245", "10", "a", "It\u2019s");
        var lossless = MarcEncodingConverter.ToMarc8(rec);
        Assert.Equal(MarcDiagnosticCodes.Marc8CharacterReference, Assert.Single(lossless.Warnings).Code);
        Assert.Contains("It&#x2019;s", Encoding.Latin1.GetString(Iso2709Writer.ToBytes(lossless)));
        var lossy = MarcEncodingConverter.ToMarc8(rec, new Marc8EncoderOptions { Unmappable = Marc8UnmappablePolicy.Replace });
        Assert.Equal(MarcDiagnosticCodes.CharacterNotEncodable, Assert.Single(lossy.Warnings).Code);
        Assert.Equal("It\u2019s", MarcEncodingConverter.ToUnicode(ReadOne(Iso2709Writer.ToBytes(lossless), MarcEncoding.Leader)).GetValue("245", 'a'));
    }

    [Fact]
    public void ValidateMarc8_reports_bad_marc8_while_reading_and_keeps_the_bytes()
    {
        byte[] data = Build(Marc8Leader, ("001", L("m1")), ("245", L("10$aRelaxin\u00e1 at$bx\u007f")), ("500", L("  $aab\u001bcd")));
        var list = ReadAll(new MemoryStream(data), new Iso2709ReaderOptions { ValidateMarc8 = true });
        var r = Assert.Single(list).Record!;
        Assert.Equal(new[] { MarcDiagnosticCodes.Marc8CombiningBeforeSpace, MarcDiagnosticCodes.Marc8UnmappedCharacter, MarcDiagnosticCodes.Marc8InvalidEscape },
            r.Warnings.Select(w => w.Code).ToArray());
        Assert.Equal(new[] { "245", "245", "500" }, r.Warnings.Select(w => w.Tag).ToArray());
        Assert.Equal(IndexOf(data, "\u001bcd"), r.Warnings[2].ByteOffset);
        Assert.Equal(data, Iso2709Writer.ToBytes(r));
        Assert.Empty(ReadOne(data, MarcEncoding.Leader).Warnings); // off by default
    }

    [Fact]
    public void Unicode_value_set_on_a_marc8_record_is_written_as_marc8()
    {
        var r = ReadOne(Marc8Bytes(), MarcEncoding.Leader);
        ((DataField)r["245"]!).SetSubfield('a', "Caf\u00e9 \u4E00");
        byte[] written = Iso2709Writer.ToBytes(r);
        Assert.True(IndexOf(written, "Caf\u00e2e \u001b$1!0!\u001b(B") > 0);
    }

    [Fact]
    public void MarcXml_of_a_marc8_record_is_unicode_with_leader_09_a_and_reports_bad_bytes()
    {
        byte[] data = Build(Marc8Leader, ("001", L("m1")), ("245", L("10$aCaf\u00e2e$b\u001b(NAB\u001b(B$cplain")), ("500", L("  $ax\u007f")));
        var r = ReadOne(data, MarcEncoding.Leader);
        var reported = new List<MarcDiagnostic>();
        var ms = new MemoryStream();
        using (var w = new MarcXmlWriter(ms, new MarcXmlWriterOptions { LeaveOpen = true, Diagnostic = (rec, d) => reported.Add(d) }))
        {
            w.Write(r);
            w.Complete();
        }
        string xml = Encoding.UTF8.GetString(ms.ToArray());
        Assert.Matches("<leader>\\d{5}cam a22\\d{5} a 4500</leader>", xml);
        Assert.Contains(">Caf\u00e9<", xml);
        Assert.Contains(">\u0430\u0431<", xml);
        Assert.Contains(">plain<", xml);
        Assert.Contains(">x\uFFFD<", xml);
        var d = Assert.Single(reported);
        Assert.Equal(MarcDiagnosticCodes.Marc8UnmappedCharacter, d.Code);
        Assert.Equal("500", d.Tag);
        var back = MarcXmlReader.ParseRecord(MarcXmlWriter.ToXml(r, new MarcXmlWriterOptions()));
        Assert.Equal('a', back.Leader.CharacterCodingScheme);
        Assert.Equal(new List<string>(), MarcEncodingConverter.ToUnicode(r).Compare(back));
    }
}
