using System.Text;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Fuzz;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Mrk;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Fuzz.Iso2709TestRecord;

namespace OclcCataloging.Core.Tests.Marc.Fuzz;

/// <summary>
/// The inputs the first mutation-fuzzing pass found (../shared/fuzz-findings), each checked against the whole
/// contract (MarcContract), plus a small generated equivalent of each that runs without the shared folder.
/// </summary>
public class FuzzFindingRegressionTests
{
    [FuzzFindingTheory]
    [InlineData("json-lone-surrogate-marc8-leader.json", MarcFormat.Json)]
    [InlineData("json-lone-surrogate-utf8-leader.json", MarcFormat.Json)]
    [InlineData("xml-lone-surrogate-marc8-leader.xml", MarcFormat.MarcXml)]
    [InlineData("mrk8-lone-surrogate.mrk8", MarcFormat.Mrk8)]
    [InlineData("mrk8-lone-surrogate.min", MarcFormat.Mrk8)]
    [InlineData("mrk8-emoji-in-indicator-utf8.mrk8", MarcFormat.Mrk8)]
    [InlineData("mrk8-emoji-in-indicator-marc8.mrk8", MarcFormat.Mrk8)]
    [InlineData("mrk8-emoji-plus-mark-marc8.mrk8", MarcFormat.Mrk8)]
    [InlineData("marc8-combining-quadratic-60k.mrc", MarcFormat.Iso2709)]
    [InlineData("marc8-esc-flood-99k.mrc", MarcFormat.Iso2709)]
    [InlineData("mrk-writer-subfield-code-newline.mrc", MarcFormat.Iso2709)]
    [InlineData("mrk-writer-indicator-newline.mrc", MarcFormat.Iso2709)]
    [InlineData("mrk-writer-data-newline.mrc", MarcFormat.Iso2709)]
    [InlineData("mrk-roundtrip-count.min", MarcFormat.Iso2709)]
    [InlineData("json-subfield-delimiter-in-value.json", MarcFormat.Json)]
    public void Shared_finding_keeps_the_contract(string file, MarcFormat format)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestPaths.FuzzFindingsDir!, file));
        var results = MarcContract.CheckRead(input, format);
        Assert.NotEmpty(results);
    }

    // ---- ISO 2709: a leader length that swallows the next record

    [FuzzFindingTheory]
    [InlineData("iso-length-swallows-next.mrc")]
    [InlineData("iso-length-swallows-next-min.mrc")]
    public void Shared_over_long_leader_length_does_not_swallow_the_next_record(string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestPaths.FuzzFindingsDir!, file));
        var results = MarcContract.CheckRead(input, MarcFormat.Iso2709);
        Assert.True(results.Count >= 2, "one result for two records");
    }

    [Fact]
    public void Over_long_leader_length_does_not_swallow_the_next_record()
    {
        byte[] first = Build('a', ("001", Ascii("first")), ("245", Ascii("10\u001faOne")));
        byte[] second = Build('a', ("001", Ascii("second")), ("245", Ascii("10\u001faTwo")));
        byte[] third = Build('a', ("001", Ascii("third")), ("245", Ascii("10\u001faThree")));
        Encoding.ASCII.GetBytes((first.Length + second.Length).ToString("D5")).CopyTo(first, 0);
        var results = MarcContract.CheckRead(Concat(first, second, third), MarcFormat.Iso2709);
        Assert.Equal(new[] { "first", "second", "third" }, results.Select(r => r.Record?.ControlNumber));
        Assert.Contains(results[0].Record!.Warnings, w => w.Code == MarcDiagnosticCodes.RecordLengthMismatch);
        Assert.Equal(first.Length, results[0].Record!.Origin!.ByteLength);
    }

    // ---- a lone surrogate reaches the MARC-8 encoder

    [Fact]
    public void Lone_surrogate_in_json_converts_to_marc8_and_writes_everywhere()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"leader\":\"00000nam  2200000 a 4500\",\"fields\":[{\"001\":\"x\"},{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"T\\ud83d\"}]}}]}");
        var results = MarcContract.CheckRead(json, MarcFormat.Json);
        var record = Assert.Single(results).Record!;
        var marc8 = MarcEncodingConverter.ToEncoding(record, MarcEncoding.Marc8);
        Assert.Equal(' ', marc8.Leader.CharacterCodingScheme);
    }

    // ---- .mrk writer: line breaks in tags and indicators

    [Fact]
    public void Mrk_writer_refuses_a_line_break_as_indicator_and_writes_nothing_of_the_record()
    {
        var record = new MarcRecord();
        record.AddControlField("001", "rec1");
        record.Fields.Add(new DataField("245", '1', '\n', new[] { new Subfield('a', "Title") }));
        foreach (var format in new[] { MarcFormat.Mrk, MarcFormat.Mrk8 })
        {
            var ms = new MemoryStream();
            using var w = new MrkWriter(ms, format, new MrkWriterOptions { LeaveOpen = true });
            var e = Assert.Throws<MarcWriteException>(() => w.Write(record));
            Assert.Equal(MarcDiagnosticCodes.InvalidIndicator, e.Code);
            Assert.Equal("245", e.Tag);
            Assert.Equal(0, ms.Length);
        }
    }

    [Fact]
    public void Line_breaks_in_iso2709_subfield_codes_and_data_write_as_mrk_that_reads_back_the_same()
    {
        byte[] input = Concat(
            Build('a', ("001", Ascii("rec1")), ("245", Ascii("10\u001f\nTitle\r\n=LDR  x\u001fbmore"))),
            Build('a', ("001", Ascii("rec2")), ("245", Ascii("1\n\u001faTitle two"))));
        var results = MarcContract.CheckRead(input, MarcFormat.Iso2709);
        Assert.Equal(2, results.Count(r => r.Record != null));
        byte[] mrk = MarcContract.Write(results[0].Record!, MarcFormat.Mrk8);
        var back = Assert.Single(MarcContract.ReadAll(mrk, MarcFormat.Mrk8, out _)).Record!;
        Assert.Equal(results[0].Record!.GetValue("245", 'b'), back.GetValue("245", 'b'));
        Assert.Throws<MarcWriteException>(() => MarcContract.Write(results[1].Record!, MarcFormat.Mrk));
    }

    // ---- U+001F inside a JSON value

    [Fact]
    public void Iso2709_writer_refuses_separators_inside_a_value()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"x\"},{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"A\\u001fzB\"}]}}]}");
        var record = Assert.Single(MarcContract.CheckRead(json, MarcFormat.Json)).Record!;
        var e = Assert.Throws<MarcWriteException>(() => MarcContract.Write(record, MarcFormat.Iso2709));
        Assert.Equal(MarcDiagnosticCodes.CharacterNotEncodable, e.Code);
        Assert.Equal("245", e.Tag);
        Assert.Contains("U+001F", e.Message);

        foreach (string value in new[] { "A\u001eB", "A\u001dB" })
        {
            var r = new MarcRecord();
            r.AddDataField("500", "  ", "a", value);
            Assert.Throws<MarcWriteException>(() => MarcContract.Write(r, MarcFormat.Iso2709));
        }
        var control = new MarcRecord();
        control.AddControlField("001", "a\u001fb");
        Assert.Throws<MarcWriteException>(() => MarcContract.Write(control, MarcFormat.Iso2709));
    }

    // ---- MARC-8: bad bytes and long runs of combining marks

    [Fact]
    public void Marc8_problems_are_listed_up_to_a_cap_and_counted_after_it()
    {
        byte[] flood = Repeat(new byte[] { 0x1B, 0x1B }, 5000);
        var record = Assert.Single(MarcContract.CheckRead(Build(' ', ("001", Ascii("x")), ("500", Concat(Ascii("  \u001fa"), flood))), MarcFormat.Iso2709)).Record!;
        var utf8 = MarcEncodingConverter.ToUnicode(record);
        var escapes = utf8.Warnings.Where(w => w.Code == MarcDiagnosticCodes.Marc8InvalidEscape).ToList();
        Assert.InRange(escapes.Count, 2, 101);
        Assert.Contains(escapes, w => w.Message.Contains((10000 - 100) + " more MARC-8 problems"));
    }

    [Fact]
    public void Marc8_problems_cost_memory_linear_in_the_field_with_a_small_factor()
    {
        long Cost(int n)
        {
            byte[] input = Build(' ', ("001", Ascii("x")), ("500", Concat(Ascii("  \u001fa"), Repeat(new byte[] { 0x1B, 0x7F }, n))));
            var record = Assert.Single(MarcContract.ReadAll(input, MarcFormat.Iso2709, out _)).Record!;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var utf8 = MarcEncodingConverter.ToUnicode(record);
            _ = utf8.ToMarcText();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Cost(1000);
        long small = Cost(4000), large = Cost(16000);
        Assert.True(large < 5 * small, $"16,000 bad pairs allocated {large:N0} bytes, 4,000 allocated {small:N0}: not linear");
        Assert.True(large < 200L * 32000, $"{large:N0} bytes allocated for 32,000 bad bytes");
    }

    [Fact]
    public void A_long_run_of_marc8_combining_marks_is_made_stream_safe()
    {
        byte[] marks = Repeat(new byte[] { 0xE2, 0xE3 }, 3000); // acute, circumflex
        byte[] input = Build(' ', ("001", Ascii("x")), ("500", Concat(Ascii("  \u001fa"), marks, Ascii("e end"))));
        var record = Assert.Single(MarcContract.CheckRead(input, MarcFormat.Iso2709)).Record!;
        var utf8 = MarcEncodingConverter.ToUnicode(record);
        string value = utf8.GetValue("500", 'a')!;
        int run = 0, longest = 0;
        foreach (char c in value)
        {
            run = c == '\u0301' || c == '\u0302' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        Assert.Equal(30, longest);
        // every mark kept: the first acute composes with its base (NFC)
        Assert.Equal(5999, value.Count(c => c == '\u0301' || c == '\u0302'));
        Assert.Contains(utf8.Warnings, w => w.Code == MarcDiagnosticCodes.Marc8LongCombiningRun);
        Assert.Equal("\u00e9\u0302", value.Substring(0, 2));
    }

    // ---- MARCXML: unclosed comment, CDATA section or processing instruction; nested or unterminated records

    [FuzzFindingTheory]
    [InlineData("xml-unclosed-comment-in-prolog-reads-empty.xml")]
    [InlineData("xml-unclosed-comment-loses-rest.xml")]
    [InlineData("xml-unclosed-cdata-loses-rest.xml")]
    [InlineData("xml-unclosed-pi-loses-rest.xml")]
    public void Shared_unclosed_markup_loses_no_record_silently(string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestPaths.FuzzFindingsDir!, file));
        var results = MarcContract.CheckRead(input, MarcFormat.MarcXml);
        Assert.Equal(10, results.Count);
        Assert.Contains(results, r => r.Error != null || r.Record!.Warnings.Any(w => w.Code == MarcDiagnosticCodes.XmlNotWellFormed && w.Message.Contains("byte ")));
    }

    [FuzzFindingTheory]
    [InlineData("xml-nested-record-1000.xml", 1000)]
    [InlineData("xml-nested-record-4000.xml", 4000)]
    public void Shared_nested_record_tags_are_each_reported_in_linear_time(string file, int nested)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestPaths.FuzzFindingsDir!, file));
        var results = MarcContract.CheckRead(input, MarcFormat.MarcXml);
        Assert.Equal(nested, results.Count);
        Assert.All(results, r => Assert.True(r.Error != null && r.Error.Origin.ByteOffset >= 0));
        Assert.Equal(nested, results.Select(r => r.Error!.Origin.ByteOffset).Distinct().Count());
    }

    [FuzzFindingFact]
    public void Shared_records_without_end_tags_are_each_read_up_to_the_next_record()
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestPaths.FuzzFindingsDir!, "xml-records-without-end-tags-500.xml"));
        var results = MarcContract.CheckRead(input, MarcFormat.MarcXml);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => "r" + i), results.Select(r => r.Record?.ControlNumber));
        Assert.All(results, r => Assert.Contains(r.Record!.Warnings, w => w.Code == MarcDiagnosticCodes.XmlNotWellFormed));
        Assert.Equal("Title 499", results[499].Record!.GetValue("245", 'a'));
    }

    private static byte[] NestedRecords(int n) =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n" + string.Concat(Enumerable.Repeat("<record>", n)));

    [Fact]
    public void Nested_record_tags_cost_time_and_memory_linear_in_their_number()
    {
        long Cost(int n)
        {
            byte[] input = NestedRecords(n);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var results = MarcContract.ReadAll(input, MarcFormat.MarcXml, out _);
            long cost = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(n, results.Count(r => r.Error != null));
            return cost;
        }
        Cost(500);
        long small = Cost(2000), large = Cost(8000);
        // quadratic recovery made this ratio 16 (and 8,000 tags cost gigabytes)
        Assert.True(large < 6 * small, $"8,000 nested tags allocated {large:N0} bytes, 2,000 allocated {small:N0}: not linear");
    }

    [Fact]
    public void A_record_without_an_end_tag_ends_where_the_next_record_starts()
    {
        string Rec(int i, bool close) => "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">r" + i +
            "</controlfield><datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">T" + i + "</subfield></datafield>" + (close ? "</record>" : "") + "\n";
        byte[] input = Encoding.UTF8.GetBytes("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n" + Rec(1, false) + Rec(2, true) + Rec(3, false) + "</collection>");
        var results = MarcContract.CheckRead(input, MarcFormat.MarcXml);
        Assert.Equal(new[] { "r1", "r2", "r3" }, results.Select(r => r.Record?.ControlNumber));
        Assert.Contains(results[0].Record!.Warnings, w => w.Code == MarcDiagnosticCodes.XmlNotWellFormed);
        Assert.DoesNotContain(results[1].Record!.Warnings, w => w.Code == MarcDiagnosticCodes.XmlNotWellFormed);
        Assert.Contains(results[2].Record!.Warnings, w => w.Code == MarcDiagnosticCodes.XmlNotWellFormed);
        // the first record's bytes run up to the second's start tag
        string text = Encoding.UTF8.GetString(input);
        Assert.Equal(text.IndexOf("<record>", StringComparison.Ordinal), results[0].Record!.Origin!.ByteOffset);
        Assert.Equal(text.IndexOf("<record>", text.IndexOf("r1", StringComparison.Ordinal), StringComparison.Ordinal) - results[0].Record!.Origin!.ByteOffset,
            results[0].Record!.Origin!.ByteLength);
    }

    // ---- ISO 2709: a broken directory followed by a flood of field terminators

    [Fact]
    public void A_broken_directory_with_more_pieces_than_any_directory_holds_is_one_unreadable_record()
    {
        byte[] body = Concat(Repeat(new byte[] { (byte)'x', 0x1E }, 100_000), new byte[] { 0x1D });
        byte[] broken = Concat(Ascii((24 + 12 + body.Length).ToString("D5") + "nam a2200037 a 4500"), Ascii("001zz0000000"), body);
        broken[35] = 0x1E; // the directory's terminator, right after one malformed entry
        byte[] good = Build('a', ("001", Ascii("next")), ("245", Ascii("10\u001faAfter the flood")));
        var results = MarcContract.CheckRead(Concat(broken, good), MarcFormat.Iso2709);
        Assert.Equal(2, results.Count);
        var error = results[0].Error!;
        Assert.NotNull(error);
        Assert.Equal(broken.Length, error.RawBytes.Length);
        Assert.Contains("more than any directory can describe", error.Message);
        Assert.Equal("next", results[1].Record!.ControlNumber);
    }

    [Fact]
    public void A_broken_directory_with_a_few_pieces_is_still_rebuilt()
    {
        byte[] body = Concat(Repeat(Ascii("  \u001fax\u001e"), 50), new byte[] { 0x1D });
        byte[] broken = Concat(Ascii((24 + 12 + body.Length).ToString("D5") + "nam a2200037 a 4500"), Ascii("245zz0000000"), body);
        broken[35] = 0x1E;
        var record = Assert.Single(MarcContract.CheckRead(broken, MarcFormat.Iso2709)).Record!;
        Assert.Contains(record.Warnings, w => w.Code == MarcDiagnosticCodes.DirectoryRebuilt);
        Assert.True(record.Fields.Count >= 49, record.Fields.Count + " fields rebuilt");
        var unknown = record.Warnings.Where(w => w.Code == MarcDiagnosticCodes.InvalidTag).ToList();
        Assert.Equal(21, unknown.Count);
        Assert.Contains(" more fields have no directory entry", unknown[^1].Message);
    }
}
