using System.Text;
using System.Xml;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Xml.XmlTestSupport;

namespace OclcCataloging.Core.Tests.Marc.Xml;

public class MarcXmlWriterTests
{
    private static string WriteAll(IEnumerable<MarcRecord> records, MarcXmlWriterOptions? options = null)
    {
        var ms = new MemoryStream();
        options ??= new MarcXmlWriterOptions();
        options.LeaveOpen = true;
        using (var w = new MarcXmlWriter(ms, options))
        {
            foreach (var r in records) w.Write(r);
            w.Complete();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Parses with a strict XML 1.0 parser (character checking on): throws when not well-formed.</summary>
    private static void AssertWellFormed(string xml)
    {
        using var r = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit });
        while (r.Read()) { }
    }

    /// <summary>An ISO 2709 record from raw field bytes (without field terminators).</summary>
    internal static byte[] Iso(char leader09, params (string Tag, byte[] Data)[] fields)
    {
        var dir = new StringBuilder();
        var data = new MemoryStream();
        foreach (var (tag, bytes) in fields)
        {
            dir.Append(tag).Append((bytes.Length + 1).ToString("D4")).Append(data.Length.ToString("D5"));
            data.Write(bytes);
            data.WriteByte(0x1E);
        }
        int baseAddress = 24 + dir.Length + 1;
        int total = baseAddress + (int)data.Length + 1;
        string leader = total.ToString("D5") + "nam " + leader09 + "22" + baseAddress.ToString("D5") + "   4500";
        var ms = new MemoryStream();
        ms.Write(Encoding.ASCII.GetBytes(leader + dir));
        ms.WriteByte(0x1E);
        ms.Write(data.ToArray());
        ms.WriteByte(0x1D);
        return ms.ToArray();
    }

    internal static byte[] B(params object[] parts)
    {
        var ms = new MemoryStream();
        foreach (object p in parts)
        {
            if (p is string s) ms.Write(Encoding.UTF8.GetBytes(s));
            else if (p is byte b) ms.WriteByte(b);
            else if (p is int i) ms.WriteByte((byte)i);
            else if (p is byte[] a) ms.Write(a);
        }
        return ms.ToArray();
    }

    private static MarcRecord ReadIsoRecord(byte[] iso)
    {
        using var reader = new Iso2709Reader(new MemoryStream(iso));
        var result = reader.ReadNext()!;
        Assert.True(result.IsRecord, result.Error?.ToString());
        return result.Record!;
    }

    /// <summary>The same record with every value turned into a string (so the writer cannot use the raw bytes).</summary>
    private static MarcRecord Materialized(MarcRecord r)
    {
        var copy = r.Clone();
        foreach (var f in copy.Fields)
        {
            if (f is ControlField c) c.Value = c.Value;
            else foreach (var s in ((DataField)f).Subfields) s.Value = s.Value;
        }
        return copy;
    }

    // ------------------------------------------------------------------ shape

    [Fact]
    public void Writes_a_collection_like_yaz_marcdump()
    {
        string xml = WriteAll(new[] { Sample() });
        string expected =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n" +
            "<record>\n" +
            "  <leader>01234cam a2200289 a 4500</leader>\n" +
            "  <controlfield tag=\"001\">ocm00012345</controlfield>\n" +
            "  <controlfield tag=\"008\">850320s1984    nyu           000 0 eng  </controlfield>\n" +
            "  <datafield tag=\"100\" ind1=\"1\" ind2=\" \">\n" +
            "    <subfield code=\"a\">Müller, Hans,</subfield>\n" +
            "    <subfield code=\"d\">1950-</subfield>\n" +
            "  </datafield>\n" +
            "  <datafield tag=\"245\" ind1=\"1\" ind2=\"0\">\n" +
            "    <subfield code=\"a\">Kind of blue /</subfield>\n" +
            "    <subfield code=\"c\">Miles Davis.</subfield>\n" +
            "  </datafield>\n" +
            "  <datafield tag=\"650\" ind1=\" \" ind2=\"0\">\n" +
            "    <subfield code=\"a\">Jazz</subfield>\n" +
            "    <subfield code=\"y\">1951-1960.</subfield>\n" +
            "  </datafield>\n" +
            "</record>\n" +
            "</collection>\n";
        Assert.Equal(expected, xml);
    }

    [Fact]
    public void Without_indentation_each_record_is_one_line_and_options_are_honoured()
    {
        string xml = WriteAll(new[] { Sample(), Sample() }, new MarcXmlWriterOptions { Indent = false, XmlDeclaration = false });
        string[] lines = xml.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">", lines[0]);
        Assert.StartsWith("<record><leader>01234cam a2200289 a 4500</leader><controlfield tag=\"001\">", lines[1]);
        Assert.EndsWith("</datafield></record>", lines[1]);
        Assert.Equal("</collection>", lines[3]);
        AssertWellFormed(xml);
    }

    [Fact]
    public void An_empty_collection_is_well_formed()
    {
        string xml = WriteAll(Array.Empty<MarcRecord>());
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n</collection>\n", xml);
    }

    [Fact]
    public void Complete_is_idempotent_and_writing_after_it_fails()
    {
        var ms = new MemoryStream();
        var w = new MarcXmlWriter(ms, new MarcXmlWriterOptions { LeaveOpen = true });
        w.Write(Sample());
        w.Complete();
        w.Complete();
        Assert.Throws<InvalidOperationException>(() => w.Write(Sample()));
        w.Dispose();
        Assert.True(ms.CanRead);
        Assert.Equal(1, w.Count);
        using (var owning = new MarcXmlWriter(ms)) owning.Complete();
        Assert.False(ms.CanRead);
    }

    [Fact]
    public void ToXml_gives_a_standalone_record_that_ParseRecord_reads_back()
    {
        string xml = MarcXmlWriter.ToXml(Sample());
        Assert.StartsWith("<record xmlns=\"http://www.loc.gov/MARC21/slim\">\n  <leader>", xml);
        Assert.EndsWith("</record>", xml);
        var back = MarcXmlReader.ParseRecord(xml);
        Assert.True(Sample().ContentEquals(back, compareLeaderLengths: true), string.Join("\n", Sample().Compare(back, true)));
    }

    // ------------------------------------------------------------------ escaping

    [Fact]
    public void Markup_characters_are_escaped_and_read_back_exactly()
    {
        var r = new MarcRecord();
        r.AddControlField("001", "a<b>&c\"d'e");
        var f = r.AddDataField("245", "10", "a", "Tom & Jerry <1940> \"cartoons\" ]]> 'x'", "b", "line1\nline2\ttab\rcr");
        f.Subfields.Add(new Subfield('<', "code lt"));
        f.Subfields.Add(new Subfield('&', "code amp"));
        f.Subfields.Add(new Subfield('"', "code quot"));
        var g = new DataField("246", '"', '<');
        g.AddSubfield('a', "odd indicators");
        r.AddField(g);
        string xml = WriteAll(new[] { r });
        AssertWellFormed(xml);
        Assert.Contains("<controlfield tag=\"001\">a&lt;b&gt;&amp;c\"d'e</controlfield>", xml);
        Assert.Contains("Tom &amp; Jerry &lt;1940&gt; \"cartoons\" ]]&gt; 'x'", xml);
        Assert.Contains("line1\nline2\ttab&#13;cr", xml);
        Assert.Contains("<subfield code=\"&lt;\">", xml);
        Assert.Contains("<subfield code=\"&amp;\">", xml);
        Assert.Contains("<subfield code=\"&quot;\">", xml);
        Assert.Contains("<datafield tag=\"246\" ind1=\"&quot;\" ind2=\"&lt;\">", xml);
        var back = Records(xml).Single();
        Assert.True(r.ContentEquals(back), string.Join("\n", r.Compare(back)));
    }

    [Fact]
    public void Tabs_and_line_feeds_in_attributes_are_written_as_references()
    {
        var r = new MarcRecord();
        var f = new DataField("500", '\t', '\n');
        f.AddSubfield('\t', "tab code");
        r.AddField(f);
        string xml = WriteAll(new[] { r });
        Assert.Contains("ind1=\"&#9;\" ind2=\"&#10;\"", xml);
        Assert.Contains("code=\"&#9;\"", xml);
        var back = (DataField)Records(xml).Single()["500"]!;
        Assert.Equal('\t', back.Indicator1);
        Assert.Equal('\n', back.Indicator2);
        Assert.Equal('\t', back.Subfields[0].Code);
    }

    // ------------------------------------------------------------------ characters XML cannot carry

    private static MarcRecord WithControlCharacters()
    {
        var r = new MarcRecord();
        r.AddControlField("001", "id\u0001");
        r.AddDataField("245", "10", "a", "bell\u0007 and esc\u001B(B", "b", "nonchar \uFFFF lone \uD800 pair \U0001D11E");
        return r;
    }

    [Fact]
    public void Replace_policy_writes_U_FFFD_and_reports_every_occurrence()
    {
        var reported = new List<(MarcRecord, MarcDiagnostic)>();
        var r = WithControlCharacters();
        string xml = WriteAll(new[] { r, Sample() }, new MarcXmlWriterOptions { Diagnostic = (rec, d) => reported.Add((rec, d)) });
        AssertWellFormed(xml);
        Assert.Contains("<controlfield tag=\"001\">id\uFFFD</controlfield>", xml);
        Assert.Contains("bell\uFFFD and esc\uFFFD(B", xml);
        Assert.Contains("nonchar \uFFFD lone \uFFFD pair \U0001D11E", xml);
        Assert.Equal(5, reported.Count);
        Assert.All(reported, x => Assert.Same(r, x.Item1));
        Assert.All(reported, x => Assert.Equal(MarcDiagnosticCodes.XmlInvalidCharacter, x.Item2.Code));
        Assert.Equal(new[] { "001", "245", "245", "245", "245" }, reported.Select(x => x.Item2.Tag));
        Assert.Contains("U+0007", reported[1].Item2.Message);
        Assert.Contains("$a", reported[1].Item2.Message);
        Assert.Contains("U+D800", reported[4].Item2.Message);
    }

    [Fact]
    public void Error_policy_refuses_the_record_and_leaves_the_output_well_formed()
    {
        var ms = new MemoryStream();
        var reported = new List<MarcDiagnostic>();
        using (var w = new MarcXmlWriter(ms, new MarcXmlWriterOptions { LeaveOpen = true, InvalidCharacters = InvalidXmlCharacterPolicy.Error, Diagnostic = (_, d) => reported.Add(d) }))
        {
            w.Write(Sample());
            var ex = Assert.Throws<MarcEncodingException>(() => w.Write(WithControlCharacters()));
            Assert.Contains("U+0001", ex.Message);
            w.Write(Sample());
            w.Complete();
            Assert.Equal(2, w.Count);
        }
        string xml = Encoding.UTF8.GetString(ms.ToArray());
        AssertWellFormed(xml);
        Assert.Equal(2, Records(xml).Count);
        Assert.DoesNotContain("bell", xml);
        Assert.Equal(MarcSeverity.Error, Assert.Single(reported).Severity);
        Assert.Throws<MarcEncodingException>(() => MarcXmlWriter.ToXml(WithControlCharacters()));
    }

    [Fact]
    public void CharacterReference_policy_is_lossless_through_this_reader()
    {
        var r = WithControlCharacters();
        var reported = new List<MarcDiagnostic>();
        string xml = WriteAll(new[] { r }, new MarcXmlWriterOptions { InvalidCharacters = InvalidXmlCharacterPolicy.CharacterReference, Diagnostic = (_, d) => reported.Add(d) });
        Assert.Contains("id&#x1;", xml);
        Assert.Contains("bell&#x7; and esc&#x1B;(B", xml);
        Assert.Contains("&#xFFFF;", xml);
        Assert.Contains("&#xD800;", xml);
        Assert.Equal(5, reported.Count);
        var back = Records(xml).Single();
        Assert.True(r.ContentEquals(back), string.Join("\n", r.Compare(back)));
        Assert.Contains(back.Warnings, w => w.Code == MarcDiagnosticCodes.XmlInvalidCharacter);
    }

    // ------------------------------------------------------------------ raw ISO 2709 bytes

    [Fact]
    public void Raw_utf8_field_data_is_written_exactly_as_its_decoded_text_would_be()
    {
        byte[] iso = Iso('a',
            ("001", B("id & <x>")),
            ("005", B("2024", 0x01, "x", 0xEF, 0xBF, 0xBE)),
            ("100", B("1 ", 0x1F, "aMüller, \"Hans\" > ", 0xF0, 0x9D, 0x84, 0x9E, 0x1F, "d1950-")),
            ("245", B("10", 0x1F, "abad ", 0xC0, 0x80, " | ", 0xE0, 0x80, 0x80, " | ", 0xED, 0xA0, 0x80, " | ", 0xF5, " | ", 0x80, " | ", 0xE2, 0x82, " | cr", 0x0D, "lf", 0x0A, "tab", 0x09, 0x1F, "btrunc ", 0xE2, 0x82)),
            ("246", B("  junk before", 0x1F, 0x1F, "aafter empty code", 0x1F)),
            ("500", B("  ", 0x1F, "<", "less-than code", 0x1F, 0xC3, 0xA9, "utf8 code")));
        var raw = ReadIsoRecord(iso);
        var strings = Materialized(ReadIsoRecord(iso));

        var rawDiag = new List<MarcDiagnostic>();
        var strDiag = new List<MarcDiagnostic>();
        string fromRaw = WriteAll(new[] { raw }, new MarcXmlWriterOptions { Diagnostic = (_, d) => rawDiag.Add(d) });
        string fromStrings = WriteAll(new[] { strings }, new MarcXmlWriterOptions { Diagnostic = (_, d) => strDiag.Add(d) });
        Assert.Equal(fromStrings, fromRaw);
        AssertWellFormed(fromRaw);
        // the strings already hold U+FFFD for the invalid bytes; only the raw path sees (and reports) them
        Assert.Equal(strDiag.Count, rawDiag.Count(d => d.Code == MarcDiagnosticCodes.XmlInvalidCharacter));
        Assert.Equal(13, rawDiag.Count(d => d.Code == MarcDiagnosticCodes.InvalidUtf8));
        Assert.Contains(rawDiag, d => d.Code == MarcDiagnosticCodes.InvalidUtf8 && d.Message.Contains("C0"));
        Assert.Contains("<subfield code=\"\">junk before</subfield>", fromRaw);
        Assert.Contains("<subfield code=\"&lt;\">less-than code</subfield>", fromRaw);
        Assert.Contains("Müller, \"Hans\" &gt; \U0001D11E", fromRaw);
        Assert.Contains("cr&#13;lf\ntab\t", fromRaw);
    }

    [Fact]
    public void Valid_utf8_records_go_from_Iso2709_to_MarcXml_and_back_byte_for_byte()
    {
        byte[] iso = Iso('a',
            ("001", B("ocm123")),
            ("008", B("850320s1984    nyu           000 0 eng  ")),
            ("100", B("1 ", 0x1F, "aMüller, Hans", 0x1F, "d1950-")),
            ("245", B("10", 0x1F, "aÜber & <unter> \"Ding\" ", 0xE2, 0x80, 0x99, "s", 0x1F, "c", "Cr\rLf\nTab\t")),
            ("CAT", B("  ", 0x1F, "aSMITH", 0x1F, "c20240101")),
            ("880", B("1 ", 0x1F, "6100-01", 0x1F, "a", "李白")));
        var rec = ReadIsoRecord(iso);
        Assert.False(rec.HasWarnings, string.Join("; ", rec.Warnings));
        string xml = MarcXmlWriter.ToXml(rec);
        var back = MarcXmlReader.ParseRecord(xml);
        Assert.Equal(iso, Iso2709Writer.ToBytes(back));
    }

    [Fact]
    public void Marc8_records_are_written_as_unicode_with_leader_09_a()
    {
        // MARC-8 (leader/09 blank): E1 is a combining grave in ANSEL (here before a space), A5 is Æ; ESC ( N selects
        // Cyrillic as G0 but C1 is a G1 byte, so it stays ANSEL (script l)
        byte[] iso = Iso(' ',
            ("001", B("m8")),
            ("245", B("10", 0x1F, "aRelaxin", 0xE1, " at Camarillo ", 0xA5, 0x1F, "bcyr ", 0x1B, "(N", 0xC1, "A", 0x1B, "(B")));
        var rec = ReadIsoRecord(iso);
        Assert.Equal(' ', rec.Leader.CharacterCodingScheme);

        var reported = new List<MarcDiagnostic>();
        string xml = WriteAll(new[] { rec }, new MarcXmlWriterOptions { Diagnostic = (_, d) => reported.Add(d) });
        AssertWellFormed(xml);
        Assert.Matches("<leader>\\d{5}nam a22\\d{5}", xml);
        Assert.Contains("Relaxin \u0300at Camarillo \u00C6", xml);
        Assert.Contains("cyr \u2113\u0430", xml);
        Assert.Equal(MarcDiagnosticCodes.Marc8CombiningBeforeSpace, Assert.Single(reported).Code);

        // read back: the Unicode record; converted back to MARC-8 it holds the same text
        var back = MarcXmlReader.ParseRecord(MarcXmlWriter.ToXml(rec));
        Assert.Equal('a', back.Leader.CharacterCodingScheme);
        Assert.Equal(new List<string>(), MarcEncodingConverter.ToUnicode(rec).Compare(back));
        var marc8 = MarcEncodingConverter.ToMarc8(back);
        Assert.Equal(new List<string>(), MarcEncodingConverter.ToUnicode(ReadIsoRecord(Iso2709Writer.ToBytes(marc8))).Compare(back));
    }

    [Fact]
    public void Subfields_without_code_and_fields_without_subfields_round_trip()
    {
        var r = new MarcRecord();
        var f = new DataField("260", ' ', ' ');
        f.Subfields.Add(new Subfield(Subfield.NoCode, " stray"));
        f.AddSubfield('a', "Place :");
        r.AddField(f);
        r.AddField(new DataField("FMT", ' ', ' '));
        string xml = MarcXmlWriter.ToXml(r);
        Assert.Contains("<subfield code=\"\"> stray</subfield>", xml);
        Assert.Contains("<datafield tag=\"FMT\" ind1=\" \" ind2=\" \"/>", xml);
        var back = MarcXmlReader.ParseRecord(xml);
        Assert.True(r.ContentEquals(back), string.Join("\n", r.Compare(back)));
    }

    [Fact]
    public void Reading_and_writing_Marcxml_is_stable()
    {
        string input = "<?xml version=\"1.0\"?><marc:collection xmlns:marc=\"" + Ns + "\"><marc:record><marc:leader>00000cam a2200000 i 4500</marc:leader>" +
                       "<marc:controlfield tag=\"001\"> 12345 </marc:controlfield>" +
                       "<marc:datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><marc:subfield code=\"a\">A &amp; B</marc:subfield><marc:subfield code=\"b\"/></marc:datafield>" +
                       "<marc:datafield tag=\"OWN\" ind1=\" \" ind2=\" \"><marc:subfield code=\"a\">SM</marc:subfield></marc:datafield>" +
                       "</marc:record></marc:collection>";
        var first = Records(input);
        string once = WriteAll(first);
        var second = Records(once);
        string twice = WriteAll(second);
        Assert.Equal(once, twice);
        Assert.True(first[0].ContentEquals(second[0], compareLeaderLengths: true));
        Assert.Equal(" 12345 ", second[0].ControlNumber);
        Assert.Equal("", second[0]["245"]!["b"]);
    }

    [Fact]
    public void Large_records_are_written_whole()
    {
        var r = new MarcRecord();
        for (int i = 0; i < 2000; i++) r.AddDataField("500", "  ", "a", new string((char)('a' + i % 26), 100) + " & more");
        string xml = WriteAll(new[] { r, r });
        AssertWellFormed(xml);
        var back = Records(xml);
        Assert.Equal(2, back.Count);
        Assert.True(r.ContentEquals(back[1]));
    }
}
