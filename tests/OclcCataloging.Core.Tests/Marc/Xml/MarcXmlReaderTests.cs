using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Xml;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Xml.XmlTestSupport;

namespace OclcCataloging.Core.Tests.Marc.Xml;

public class MarcXmlReaderTests
{
    // ------------------------------------------------------------------ shapes of documents

    [Fact]
    public void Reads_a_default_namespace_collection()
    {
        string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"" + Ns + "\">\n<record>" + RecordBody("1") +
                     "</record>\n<record>" + RecordBody("2") + "</record>\n</collection>\n";
        var records = Records(xml);
        Assert.Equal(2, records.Count);
        Assert.Equal("00000nam a2200000 a 4500", records[0].Leader.ToString());
        Assert.Equal("1", records[0].ControlNumber);
        Assert.Equal("Title 2", records[1]["245"]!["a"]);
        var f = (DataField)records[1]["245"]!;
        Assert.Equal('1', f.Indicator1);
        Assert.Equal('0', f.Indicator2);
        Assert.False(records[0].HasWarnings);
        Assert.Equal(1, records[0].Origin!.Ordinal);
        Assert.Equal(2, records[1].Origin!.Ordinal);
        Assert.Equal(MarcFormat.MarcXml, records[0].Origin!.Format);
        Assert.Equal("test.xml", records[0].Origin!.SourcePath);
    }

    [Fact]
    public void Reads_a_prefixed_collection()
    {
        string xml = "<marc:collection xmlns:marc=\"" + Ns + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
                     "<marc:record>" + RecordBody("a", "marc") + "</marc:record>" +
                     "<marc:record>" + RecordBody("b", "marc") + "</marc:record></marc:collection>";
        var records = Records(xml);
        Assert.Equal(new[] { "a", "b" }, records.Select(r => r.ControlNumber));
        Assert.All(records, r => Assert.False(r.HasWarnings));
    }

    [Fact]
    public void Reads_a_collection_without_namespace()
    {
        string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<collection>\n  <record>" + RecordBody("x") + "</record>\n</collection>";
        var records = Records(xml);
        Assert.Single(records);
        Assert.Equal("x", records[0].ControlNumber);
    }

    [Fact]
    public void Reads_a_bare_record_and_several_top_level_records()
    {
        Assert.Equal("1", Records("<record xmlns=\"" + Ns + "\">" + RecordBody("1") + "</record>")[0].ControlNumber);
        var two = Records("<record>" + RecordBody("1") + "</record>\n<record>" + RecordBody("2") + "</record>");
        Assert.Equal(new[] { "1", "2" }, two.Select(r => r.ControlNumber));
        Assert.All(two, r => Assert.False(r.HasWarnings));
    }

    [Fact]
    public void Finds_Marc_records_inside_an_OAI_PMH_response()
    {
        string xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n" +
            " <responseDate>2024-01-01T00:00:00Z</responseDate>\n <request verb=\"ListRecords\">http://example.org/oai</request>\n" +
            " <ListRecords>\n" +
            "  <record><header><identifier>oai:x:1</identifier></header>\n" +
            "   <metadata><marc:record xmlns:marc=\"" + Ns + "\">" + RecordBody("1", "marc") + "</marc:record></metadata></record>\n" +
            "  <record><header status=\"deleted\"><identifier>oai:x:2</identifier></header></record>\n" +
            "  <record><header><identifier>oai:x:3</identifier></header>\n" +
            "   <metadata><record xmlns=\"" + Ns + "\">" + RecordBody("3") + "</record></metadata></record>\n" +
            "  <resumptionToken>abc</resumptionToken>\n" +
            " </ListRecords>\n</OAI-PMH>\n";
        var records = Records(xml);
        Assert.Equal(new[] { "1", "3" }, records.Select(r => r.ControlNumber));
        Assert.Equal(new long[] { 1, 2 }, records.Select(r => r.Origin!.Ordinal));
    }

    [Fact]
    public void A_record_element_without_namespace_is_a_Marc_record_only_when_its_first_child_is_a_Marc_element()
    {
        // OAI-like wrapper with no namespaces at all: the outer record has a header first
        string xml = "<root><record><header><id>1</id></header><metadata><record>" + RecordBody("m") +
                     "</record></metadata></record><record/><record>text only</record></root>";
        var records = Records(xml);
        Assert.Single(records);
        Assert.Equal("m", records[0].ControlNumber);
    }

    [Fact]
    public void Reads_Latin1_and_Utf16_documents()
    {
        string body = "<record xmlns=\"" + Ns + "\"><leader>00000nam a2200000 a 4500</leader><datafield tag=\"245\" ind1=\" \" ind2=\" \"><subfield code=\"a\">Café é</subfield></datafield></record>";
        byte[] latin1 = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body);
        Assert.Equal("Café é", Read(latin1).Single().Record!["245"]!["a"]);

        byte[] utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + body)).ToArray();
        var r = Read(utf16).Single().Record!;
        Assert.Equal("Café é", r["245"]!["a"]);
        long offset = r.Origin!.ByteOffset;
        Assert.Equal("<record", Encoding.Unicode.GetString(utf16, (int)offset, 14));
        Assert.Equal(utf16.Length - offset, r.Origin.ByteLength);
    }

    // ------------------------------------------------------------------ origins

    [Fact]
    public void Byte_offsets_point_at_the_record_tags_with_multibyte_text_and_any_line_ends()
    {
        var sb = new StringBuilder("\uFEFF<?xml version=\"1.0\"?>\r\n<marc:collection xmlns:marc=\"" + Ns + "\">\r\n");
        for (int i = 0; i < 50; i++)
        {
            string eol = (i % 3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" };
            sb.Append("  <marc:record>").Append(eol)
              .Append("    <marc:leader>00000nam a2200000 a 4500</marc:leader>").Append(eol)
              .Append("    <marc:controlfield tag=\"001\">r").Append(i).Append("</marc:controlfield>").Append(eol)
              .Append("    <marc:datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><marc:subfield code=\"a\">Ünïcödé 𝄞 ").Append(new string('x', i * 37))
              .Append(" ह्</marc:subfield></marc:datafield>").Append(eol)
              .Append("  </marc:record >").Append(eol);
        }
        sb.Append("</marc:collection>");
        byte[] bytes = new UTF8Encoding(true).GetBytes(sb.ToString());
        var records = Read(bytes).Select(r => r.Record!).ToList();
        Assert.Equal(50, records.Count);
        foreach (var r in records)
        {
            string text = Encoding.UTF8.GetString(bytes, (int)r.Origin!.ByteOffset, (int)r.Origin.ByteLength);
            Assert.StartsWith("<marc:record>", text);
            Assert.EndsWith("</marc:record >", text);
            Assert.Contains(">" + r.ControlNumber + "<", text);
        }
    }

    [Fact]
    public void Streams_a_large_document_in_small_reads()
    {
        var sb = new StringBuilder("<collection xmlns=\"" + Ns + "\">\n");
        for (int i = 0; i < 3000; i++) sb.Append("<record>").Append(RecordBody(i.ToString())).Append("</record>\n");
        sb.Append("</collection>");
        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        using var reader = new MarcXmlReader(new TrickleStream(bytes, 7));
        int n = 0;
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null)
        {
            Assert.Equal(n.ToString(), r.Record!.ControlNumber);
            string text = Encoding.UTF8.GetString(bytes, (int)r.Record.Origin!.ByteOffset, (int)r.Record.Origin.ByteLength);
            Assert.Equal("<record>" + RecordBody(n.ToString()) + "</record>", text);
            n++;
        }
        Assert.Equal(3000, n);
        Assert.Equal(3000, reader.Count);
    }

    // ------------------------------------------------------------------ damaged records

    [Fact]
    public void A_leader_of_the_wrong_length_is_cut_or_padded_with_a_warning()
    {
        string xml = "<collection xmlns=\"" + Ns + "\">" +
                     "<record><leader>00711cam a2200229 45004500</leader><controlfield tag=\"001\">long</controlfield></record>" +
                     "<record><leader>00711cam a22</leader><controlfield tag=\"001\">short</controlfield></record>" +
                     "<record><controlfield tag=\"001\">none</controlfield></record></collection>";
        var records = Records(xml);
        Assert.Equal("00711cam a2200229 450045", records[0].Leader.ToString());
        Assert.Equal("00711cam a22            ", records[1].Leader.ToString());
        Assert.Equal(24, records[2].Leader.ToString().Length);
        Assert.All(records, r => Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.InvalidLeader));
    }

    [Fact]
    public void A_record_with_a_forbidden_character_in_the_middle_is_repaired_and_reading_goes_on()
    {
        // as ruby-marc/three-records-second-bad.xml: a raw BEL (0x07) in a code attribute
        string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"" + Ns + "\">\n" +
                     "<record>" + RecordBody("1") + "</record>\n" +
                     "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">2</controlfield>" +
                     "<datafield tag=\"245\" ind1=\"0\" ind2=\"4\"><subfield code=\"a\">T</subfield><subfield code=\"\a\">[sound]\u0001</subfield></datafield></record>\n" +
                     "<record>" + RecordBody("3") + "</record>\n</collection>\n";
        var results = Read(xml);
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.IsRecord));
        var second = results[1].Record!;
        Assert.Equal("2", second.ControlNumber);
        var sub = ((DataField)second["245"]!).Subfields[1];
        Assert.Equal('\a', sub.Code);
        Assert.Equal("[sound]\u0001", sub.Value);
        Assert.Equal(MarcDiagnosticCodes.XmlNotWellFormed, second.Warnings[0].Code);
        Assert.DoesNotContain('\a', second.Warnings[0].Message);
        Assert.Contains(second.Warnings, w => w.Code == MarcDiagnosticCodes.InvalidSubfieldCode);
        Assert.Contains(second.Warnings, w => w.Code == MarcDiagnosticCodes.XmlInvalidCharacter);
        Assert.False(results[2].Record!.HasWarnings);
        Assert.Equal(new long[] { 1, 2, 3 }, results.Select(r => r.Record!.Origin!.Ordinal));
        Assert.Equal("3", results[2].Record!.ControlNumber);

        // without repair: record, error with the XML text of record 2, record
        var strict = Read(xml, new MarcXmlReaderOptions { RepairInvalidCharacters = false });
        Assert.Equal(3, strict.Count);
        Assert.True(strict[0].IsRecord);
        var error = strict[1].Error!;
        Assert.Equal(MarcDiagnosticCodes.XmlNotWellFormed, error.Code);
        Assert.Equal(2, error.Origin.Ordinal);
        string raw = Encoding.UTF8.GetString(error.RawBytes);
        Assert.StartsWith("<record><leader>", raw);
        Assert.EndsWith("</record>", raw);
        Assert.Contains("\a", raw);
        Assert.Equal(raw, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(xml), (int)error.Origin.ByteOffset, (int)error.Origin.ByteLength));
        Assert.Equal("3", strict[2].Record!.ControlNumber);
    }

    [Fact]
    public void A_record_with_mismatched_tags_is_an_error_with_its_raw_text_and_reading_goes_on()
    {
        string bad = "<marc:record><marc:leader>00000nam a2200000 a 4500</marc:leader><marc:datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><marc:subfield code=\"a\">x</marc:datafield></marc:record>";
        string xml = "<marc:collection xmlns:marc=\"" + Ns + "\">\n<marc:record>" + RecordBody("1", "marc") + "</marc:record>\n" + bad +
                     "\n<marc:record>" + RecordBody("3", "marc") + "</marc:record>\n<marc:record>" + RecordBody("4", "marc") + "</marc:record>\n</marc:collection>";
        var results = Read(xml);
        Assert.Equal(4, results.Count);
        Assert.Equal("1", results[0].Record!.ControlNumber);
        Assert.Equal(MarcDiagnosticCodes.XmlNotWellFormed, results[1].Error!.Code);
        Assert.Equal(bad, Encoding.UTF8.GetString(results[1].Error!.RawBytes));
        Assert.Equal(2, results[1].Error!.Origin.Ordinal);
        Assert.Equal("3", results[2].Record!.ControlNumber);
        Assert.Equal("4", results[3].Record!.ControlNumber);
        Assert.False(results[2].Record!.HasWarnings);
        Assert.Equal(4, results[3].Record!.Origin!.Ordinal);
    }

    [Fact]
    public void A_truncated_document_gives_the_complete_records_and_an_error_for_the_rest()
    {
        string xml = "<collection xmlns=\"" + Ns + "\">\n<record>" + RecordBody("1") + "</record>\n<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">2</contr";
        var results = Read(xml);
        Assert.Equal(2, results.Count);
        Assert.Equal("1", results[0].Record!.ControlNumber);
        Assert.Equal(MarcDiagnosticCodes.XmlNotWellFormed, results[1].Error!.Code);
        Assert.StartsWith("<record><leader>", Encoding.UTF8.GetString(results[1].Error!.RawBytes));

        // cut between records: nothing is lost, nothing to report
        var clean = Read("<collection xmlns=\"" + Ns + "\">\n<record>" + RecordBody("1") + "</record>\n");
        Assert.Single(clean);
        Assert.True(clean[0].IsRecord);
    }

    [Fact]
    public void Invalid_utf8_in_a_record_is_read_as_replacement_characters_with_a_warning()
    {
        byte[] head = Encoding.UTF8.GetBytes("<collection xmlns=\"" + Ns + "\"><record>" + RecordBody("1") + "</record><record><leader>00000nam a2200000 a 4500</leader><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">a");
        byte[] tail = Encoding.UTF8.GetBytes("b</subfield></datafield></record><record>" + RecordBody("3") + "</record></collection>");
        byte[] bytes = head.Concat(new byte[] { 0xC0, 0x80 }).Concat(tail).ToArray();
        var results = Read(bytes);
        Assert.Equal(3, results.Count);
        var r = results[1].Record!;
        Assert.Equal("a\uFFFD\uFFFDb", r["245"]!["a"]);
        Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.InvalidUtf8);
        Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.XmlNotWellFormed);
        Assert.Equal("3", results[2].Record!.ControlNumber);
    }

    [Fact]
    public void An_error_in_the_surrounding_document_does_not_lose_records()
    {
        // an undefined entity between records, outside any record
        string xml = "<collection xmlns=\"" + Ns + "\"><record>" + RecordBody("1") + "</record>&nbsp;<record>" + RecordBody("2") + "</record></collection>";
        var results = Read(xml);
        Assert.Equal(new[] { "1", "2" }, results.Select(r => r.Record!.ControlNumber));
        Assert.Contains(results[1].Record!.Warnings, w => w.Code == MarcDiagnosticCodes.XmlNotWellFormed);
    }

    [Fact]
    public void An_empty_Marc_record_element_is_an_error()
    {
        var results = Read("<collection xmlns=\"" + Ns + "\"><record/><record>" + RecordBody("2") + "</record><record> </record></collection>");
        Assert.Equal(3, results.Count);
        Assert.Equal(MarcDiagnosticCodes.XmlInvalidRecord, results[0].Error!.Code);
        Assert.Equal("<record/>", Encoding.UTF8.GetString(results[0].Error!.RawBytes));
        Assert.Equal("2", results[1].Record!.ControlNumber);
        Assert.Equal(MarcDiagnosticCodes.XmlInvalidRecord, results[2].Error!.Code);
    }

    // ------------------------------------------------------------------ values

    [Fact]
    public void Escaped_characters_whitespace_cdata_and_comments_come_back_as_text()
    {
        string xml = "<record xmlns=\"" + Ns + "\"><leader>00000nam a2200000 a 4500</leader>" +
                     "<controlfield tag=\"008\">  850320s1984    nyu  </controlfield>" +
                     "<datafield tag=\"245\" ind1=\" \" ind2=\" \">" +
                     "<subfield code=\"a\">A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x263A; &#10;x</subfield>" +
                     "<subfield code=\"b\">  </subfield><subfield code=\"c\"/>" +
                     "<subfield code=\"d\"><![CDATA[<raw & text>]]> and<!-- a comment --> more</subfield>" +
                     "<subfield code=\"&amp;\">amp code</subfield></datafield></record>";
        var r = Records(xml).Single();
        Assert.Equal("  850320s1984    nyu  ", ((ControlField)r["008"]!).Value);
        var f = (DataField)r["245"]!;
        Assert.Equal("A & B <c> \"d\" 'e' \u263A \nx", f['a']);
        Assert.Equal("  ", f['b']);
        Assert.Equal("", f['c']);
        Assert.Equal("<raw & text> and more", f['d']);
        Assert.Equal("amp code", f['&']);
        Assert.False(r.HasWarnings);
    }

    [Fact]
    public void Character_references_to_characters_XML_forbids_are_kept_with_a_warning()
    {
        string xml = "<record xmlns=\"" + Ns + "\"><leader>00000nam  2200000 a 4500</leader>" +
                     "<datafield tag=\"245\" ind1=\" \" ind2=\" \"><subfield code=\"a\">&#x1B;(3abc&#x1B;(B</subfield></datafield></record>";
        var r = Records(xml).Single();
        Assert.Equal("\u001B(3abc\u001B(B", r["245"]!["a"]);
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.XmlInvalidCharacter, w.Code);
        Assert.Equal("245", w.Tag);
    }

    [Fact]
    public void Alphanumeric_and_odd_tags_are_kept()
    {
        string xml = "<marc:record xmlns:marc=\"" + Ns + "\"><marc:leader>00278nx  a22001211n 4500</marc:leader>" +
                     "<marc:controlfield tag=\"001\">013988497</marc:controlfield>" +
                     "<marc:datafield tag=\"OWN\" ind1=\" \" ind2=\" \"><marc:subfield code=\"a\">SM</marc:subfield></marc:datafield>" +
                     "<marc:datafield tag=\"FMT\" ind1=\" \" ind2=\" \"/>" +
                     "<marc:datafield tag=\"CAT\" ind1=\" \" ind2=\" \"></marc:datafield>" +
                     "<marc:controlfield tag=\"FMT\">BK</marc:controlfield>" +
                     "<marc:datafield tag=\"008\" ind1=\" \" ind2=\" \"><marc:subfield code=\"a\">x</marc:subfield></marc:datafield>" +
                     "<marc:datafield tag=\"24\" ind1=\" \" ind2=\" \"><marc:subfield code=\"a\">two</marc:subfield></marc:datafield>" +
                     "</marc:record>";
        var r = Records(xml).Single();
        Assert.Equal(new[] { "001", "OWN", "FMT", "CAT", "FMT", "008", "24" }, r.Fields.Select(f => f.Tag));
        Assert.Equal("SM", r["OWN"]!["a"]);
        Assert.Empty(((DataField)r.Fields[2]).Subfields);
        Assert.Empty(((DataField)r.Fields[3]).Subfields);
        Assert.Equal("BK", ((ControlField)r.Fields[4]).Value);
        Assert.IsType<DataField>(r.Fields[5]);
        Assert.Equal(3, r.Warnings.Count(w => w.Code == MarcDiagnosticCodes.InvalidTag));
        Assert.DoesNotContain(r.Warnings, w => w.Tag == "OWN" || w.Tag == "CAT");
    }

    [Fact]
    public void Odd_indicators_and_subfield_codes_are_kept_with_warnings()
    {
        string xml = "<record xmlns=\"" + Ns + "\"><leader>00000nam a2200000 a 4500</leader>" +
                     "<datafield tag=\"100\"><subfield code=\"a\">no indicators</subfield></datafield>" +
                     "<datafield tag=\"245\" ind1=\"10\" ind2=\"\"><subfield code=\"\">before</subfield><subfield code=\"ab\">two</subfield><subfield>none</subfield></datafield>" +
                     "</record>";
        var r = Records(xml).Single();
        var f100 = (DataField)r["100"]!;
        Assert.Equal("  ", f100.Indicators);
        var f245 = (DataField)r["245"]!;
        Assert.Equal('1', f245.Indicator1);
        Assert.Equal(' ', f245.Indicator2);
        Assert.Equal(new[] { Subfield.NoCode, 'a', Subfield.NoCode }, f245.Subfields.Select(s => s.Code));
        Assert.Equal(new[] { "before", "two", "none" }, f245.Subfields.Select(s => s.Value));
        var codes = r.Warnings.Select(w => w.Code).ToList();
        Assert.Equal(3, codes.Count(c => c == MarcDiagnosticCodes.MissingIndicators));
        Assert.Contains(MarcDiagnosticCodes.InvalidIndicator, codes);
        Assert.Contains(MarcDiagnosticCodes.DataBeforeFirstSubfield, codes);
        Assert.Contains(MarcDiagnosticCodes.InvalidSubfieldCode, codes);
        Assert.Contains(MarcDiagnosticCodes.EmptySubfieldCode, codes);
    }

    [Fact]
    public void Unexpected_elements_and_text_inside_records_are_reported_not_silently_dropped()
    {
        string xml = "<record xmlns=\"" + Ns + "\" xmlns:x=\"urn:x\"><leader>00000nam a2200000 a 4500</leader>stray" +
                     "<x:extra>e</x:extra><datafield tag=\"245\" ind1=\" \" ind2=\" \">loose<subfield code=\"a\">v<b>bold</b>w</subfield></datafield></record>";
        var r = Records(xml).Single();
        Assert.Equal("vw", r["245"]!["a"]);
        Assert.Equal(4, r.Warnings.Count(w => w.Code == MarcDiagnosticCodes.XmlInvalidRecord));
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        string secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE collection [<!ENTITY e SYSTEM \"file://" + secret + "\"><!ENTITY i \"internal\">]>\n" +
                         "<collection xmlns=\"" + Ns + "\"><record><leader>00000nam a2200000 a 4500</leader>" +
                         "<datafield tag=\"245\" ind1=\" \" ind2=\" \"><subfield code=\"a\">&e;</subfield></datafield></record>" +
                         "<record>" + RecordBody("2") + "</record></collection>";
            var results = Read(xml);
            Assert.Equal(2, results.Count);
            Assert.False(results[0].IsRecord);
            Assert.DoesNotContain("SECRET", results[0].Error!.Message);
            Assert.Equal("2", results[1].Record!.ControlNumber);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void ParseRecord_reads_one_record_from_text()
    {
        var r = MarcXmlReader.ParseRecord("<marc:record xmlns:marc=\"" + Ns + "\">" + RecordBody("p", "marc") + "</marc:record>");
        Assert.Equal("p", r.ControlNumber);
        Assert.Throws<FormatException>(() => MarcXmlReader.ParseRecord("<collection/>"));
        Assert.Throws<FormatException>(() => MarcXmlReader.ParseRecord("<record><leader>x</record>"));
    }

    [Fact]
    public void The_reader_owns_the_stream_unless_told_otherwise()
    {
        var ms = new MemoryStream(Encoding.UTF8.GetBytes("<record>" + RecordBody("1") + "</record>"));
        using (var reader = new MarcXmlReader(ms, null, new MarcXmlReaderOptions { LeaveOpen = true })) reader.ReadNext();
        Assert.True(ms.CanRead);
        using (var reader = new MarcXmlReader(ms)) { }
        Assert.False(ms.CanRead);
    }

    [Fact]
    public void Damaged_documents_never_throw_and_always_end()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<marc:collection xmlns:marc=\"" + Ns + "\">\n");
        for (int i = 0; i < 20; i++) sb.Append("  <marc:record>").Append(RecordBody("r" + i, "marc")).Append("</marc:record>\n");
        sb.Append("</marc:collection>\n");
        byte[] clean = Encoding.UTF8.GetBytes(sb.ToString());
        byte[] noise = Encoding.ASCII.GetBytes("<>&;\"'/=:\u0001\u0007 \n\r]]>--!?x");
        var rng = new Random(20240601);
        for (int round = 0; round < 400; round++)
        {
            var bytes = new List<byte>(clean);
            int edits = 1 + rng.Next(6);
            for (int e = 0; e < edits; e++)
            {
                int at = rng.Next(bytes.Count);
                switch (rng.Next(4))
                {
                    case 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + rng.Next(40))); break;
                    case 1: bytes.Insert(at, noise[rng.Next(noise.Length)]); break;
                    case 2: bytes[at] = (byte)rng.Next(256); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
                if (bytes.Count == 0) break;
            }
            var results = Read(bytes.ToArray());
            Assert.True(results.Count <= 25, "round " + round + ": " + results.Count + " results");
            long ordinal = 0;
            foreach (var r in results)
            {
                MarcOrigin o = r.Record?.Origin ?? r.Error!.Origin;
                Assert.Equal(++ordinal, o.Ordinal);
            }
        }
    }

    /// <summary>Hands out at most a few bytes per read.</summary>
    internal sealed class TrickleStream : Stream
    {
        private readonly byte[] _data;
        private readonly int _chunk;
        private int _pos;

        public TrickleStream(byte[] data, int chunk) { _data = data; _chunk = chunk; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, _chunk), _data.Length - _pos);
            Array.Copy(_data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _pos; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
