using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Json;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Json;

internal static class JsonTestSupport
{
    public const string R1 = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"ocm1\"},{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"One :\"},{\"b\":\"first.\"}]}}]}";
    public const string R2 = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"ocm2\"},{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"Zwei\"}]}}]}";
    public const string R3 = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"ocm3\"}]}";

    public static List<MarcReadResult> Read(string json, MarcJsonReaderOptions? options = null) => Read(Encoding.UTF8.GetBytes(json), options);

    public static List<MarcReadResult> Read(byte[] bytes, MarcJsonReaderOptions? options = null)
    {
        var list = new List<MarcReadResult>();
        using var reader = new MarcJsonReader(new MemoryStream(bytes), "test.json", options);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null)
        {
            list.Add(r);
            Assert.True(list.Count < 100000, "reader does not end");
        }
        return list;
    }

    public static string Ids(IEnumerable<MarcReadResult> results) =>
        string.Join(",", results.Select(r => r.Record?.ControlNumber ?? "ERR"));
}

public class MarcJsonReaderTests
{
    [Fact]
    public void Reads_a_single_document()
    {
        var r = Assert.Single(JsonTestSupport.Read(JsonTestSupport.R1)).Record!;
        Assert.Equal("00000nam a2200000   4500", r.Leader.ToString());
        Assert.Equal("ocm1", r.ControlNumber);
        var f = (DataField)r["245"]!;
        Assert.Equal('1', f.Indicator1);
        Assert.Equal("One :", f['a']);
        Assert.Equal("first.", f['b']);
        Assert.False(r.HasWarnings);
        Assert.Equal(MarcFormat.Json, r.Origin!.Format);
        Assert.Equal(0, r.Origin.ByteOffset);
    }

    [Fact]
    public void Reads_an_array_pretty_printed()
    {
        string json = "[\n  " + JsonTestSupport.R1.Replace(",", ",\n    ") + ",\n  " + JsonTestSupport.R2 + "\n]\n";
        var results = JsonTestSupport.Read(json);
        Assert.Equal("ocm1,ocm2", JsonTestSupport.Ids(results));
    }

    [Fact]
    public void Reads_newline_delimited_json_with_crlf_and_blank_lines()
    {
        string json = JsonTestSupport.R1 + "\r\n\r\n" + JsonTestSupport.R2 + "\r\n" + JsonTestSupport.R3;
        var results = JsonTestSupport.Read(json);
        Assert.Equal("ocm1,ocm2,ocm3", JsonTestSupport.Ids(results));
        Assert.Equal(JsonTestSupport.R1.Length + 4, results[1].Record!.Origin!.ByteOffset);
    }

    [Fact]
    public void Skips_a_utf8_bom_and_decodes_escapes()
    {
        string json = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"245\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[{\"a\":\"Caf\\u00e9 \\\"x\\\" \\\\ \\ud83d\\ude00 \\t/ \\/ Łódź\"}]}}]}";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();
        var r = Assert.Single(JsonTestSupport.Read(bytes)).Record!;
        Assert.Equal("Café \"x\" \\ \U0001F600 \t/ / Łódź", r.GetValue("245", 'a'));
    }

    [Fact]
    public void Broken_line_in_ndjson_is_an_error_and_reading_goes_on_at_the_next_line()
    {
        string broken = JsonTestSupport.R2.Substring(0, 60);
        string json = JsonTestSupport.R1 + "\n" + broken + "\n" + JsonTestSupport.R3 + "\n";
        var results = JsonTestSupport.Read(json);
        Assert.Equal("ocm1,ERR,ocm3", JsonTestSupport.Ids(results));
        var e = results[1].Error!;
        Assert.Equal(MarcDiagnosticCodes.JsonSyntaxError, e.Code);
        Assert.Equal(broken, Encoding.UTF8.GetString(e.RawBytes));
        Assert.Equal(JsonTestSupport.R1.Length + 1, e.Origin.ByteOffset);
        Assert.Equal(2, e.Origin.Ordinal);
    }

    [Fact]
    public void Bad_array_element_is_an_error_and_reading_goes_on_with_the_next_element()
    {
        string bad = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"x\" \"oops\"}]}";
        string json = "[" + JsonTestSupport.R1 + ",\n" + bad + ",\n42,\n" + JsonTestSupport.R3 + "]";
        var results = JsonTestSupport.Read(json);
        Assert.Equal("ocm1,ERR,ERR,ocm3", JsonTestSupport.Ids(results));
        Assert.Equal(MarcDiagnosticCodes.JsonSyntaxError, results[1].Error!.Code);
        Assert.Equal(bad, Encoding.UTF8.GetString(results[1].Error!.RawBytes));
        Assert.Equal(MarcDiagnosticCodes.JsonNotARecord, results[2].Error!.Code);
        Assert.Equal("42", Encoding.UTF8.GetString(results[2].Error!.RawBytes));
    }

    [Fact]
    public void Truncated_input_is_an_error_with_the_bytes()
    {
        string json = JsonTestSupport.R1 + "\n" + JsonTestSupport.R2.Substring(0, 30);
        var results = JsonTestSupport.Read(json);
        Assert.Equal("ocm1,ERR", JsonTestSupport.Ids(results));
        Assert.Equal(MarcDiagnosticCodes.TruncatedRecord, results[1].Error!.Code);
    }

    [Fact]
    public void Caret_and_hash_for_blanks_are_read_as_blanks_with_one_warning()
    {
        string json = "{\"leader\":\"01470nam^a22004451^^4500\",\"fields\":[{\"008\":\"880715s1968^^^^nyu\"},{\"245\":{\"ind1\":\"#\",\"ind2\":\"^\",\"subfields\":[{\"a\":\"A^B\"}]}}]}";
        var r = Assert.Single(JsonTestSupport.Read(json)).Record!;
        Assert.Equal("01470nam a22004451  4500", r.Leader.ToString());
        Assert.Equal("880715s1968    nyu", r.GetValue("008"));
        Assert.Equal("  ", ((DataField)r["245"]!).Indicators);
        Assert.Equal("A^B", r.GetValue("245", 'a'));
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.BlankSubstitute, w.Code);

        var kept = Assert.Single(JsonTestSupport.Read(json, new MarcJsonReaderOptions { TranslateBlankSubstitutes = false })).Record!;
        Assert.Equal("01470nam^a22004451^^4500", kept.Leader.ToString());
        Assert.False(kept.HasWarnings);
    }

    [Fact]
    public void Lenient_about_shapes_with_warnings()
    {
        string json = "{\"leader\":\"00000nam\",\"extra\":1,\"fields\":[{\"001\":12345},{\"100\":{\"ind1\":\"1\",\"subfields\":{\"a\":\"Name\",\"d\":\"1900-\"}}},{\"24\":\"x\"},{\"650\":{\"ind1\":\" \",\"ind2\":\"0\",\"subfields\":[{\"a\":null}]}}]}";
        var r = Assert.Single(JsonTestSupport.Read(json)).Record!;
        Assert.Equal(24, r.Leader.ToString().Length);
        Assert.Equal("12345", r.ControlNumber);
        Assert.Equal("Name", r.GetValue("100", 'a'));
        Assert.Equal("1900-", r.GetValue("100", 'd'));
        Assert.Null(r["24"]);
        Assert.Equal("", r.GetValue("650", 'a'));
        var codes = r.Warnings.Select(w => w.Code).ToList();
        Assert.Contains(MarcDiagnosticCodes.InvalidLeader, codes);
        Assert.Contains(MarcDiagnosticCodes.MissingIndicators, codes);
        Assert.Contains(MarcDiagnosticCodes.InvalidTag, codes);
        Assert.Contains(MarcDiagnosticCodes.JsonUnexpectedValue, codes);
        Assert.All(r.Warnings, w => Assert.True(w.ByteOffset >= 0));
    }

    [Fact]
    public void An_object_without_leader_or_fields_is_not_a_record()
    {
        var results = JsonTestSupport.Read("{\"hello\":\"world\"}\n" + JsonTestSupport.R1);
        Assert.Equal("ERR,ocm1", JsonTestSupport.Ids(results));
        Assert.Equal(MarcDiagnosticCodes.JsonNotARecord, results[0].Error!.Code);
    }

    [Fact]
    public void Invalid_utf8_is_replaced_with_a_warning()
    {
        byte[] a = Encoding.UTF8.GetBytes("{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"x");
        byte[] b = Encoding.UTF8.GetBytes("y\"}]}");
        var r = Assert.Single(JsonTestSupport.Read(a.Concat(new byte[] { 0xC0 }).Concat(b).ToArray())).Record!;
        Assert.Equal("x\uFFFDy", r.ControlNumber);
        Assert.Equal(MarcDiagnosticCodes.InvalidUtf8, Assert.Single(r.Warnings).Code);
    }

    [Fact]
    public void Reads_many_records_one_at_a_time()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) sb.Append(JsonTestSupport.R1.Replace("ocm1", "ocm" + i)).Append('\n');
        var results = JsonTestSupport.Read(sb.ToString());
        Assert.Equal(2000, results.Count);
        Assert.All(results, r => Assert.True(r.IsRecord));
        Assert.Equal("ocm1999", results[^1].Record!.ControlNumber);
    }

    [Fact]
    public void ParseRecord_reads_one_record_or_throws()
    {
        Assert.Equal("ocm2", MarcJsonReader.ParseRecord(JsonTestSupport.R2).ControlNumber);
        Assert.Throws<FormatException>(() => MarcJsonReader.ParseRecord("{\"leader\":"));
        Assert.Throws<FormatException>(() => MarcJsonReader.ParseRecord("   "));
    }

    [Fact]
    public void Json_round_trips_through_iso2709()
    {
        var r = Assert.Single(JsonTestSupport.Read(JsonTestSupport.R1)).Record!;
        byte[] iso = Iso2709Writer.ToBytes(r);
        using var reader = new Iso2709Reader(new MemoryStream(iso));
        var back = reader.ReadNext()!.Record!;
        string json = MarcJsonWriter.ToJson(back);
        Assert.True(MarcJsonReader.ParseRecord(json).ContentEquals(r));
    }
}
