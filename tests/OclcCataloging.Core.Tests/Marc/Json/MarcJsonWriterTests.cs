using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Json;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Json;

public class MarcJsonWriterTests
{
    private static MarcRecord Sample(string id = "ocm1")
    {
        var r = new MarcRecord(new Leader("00000nam a2200000   4500"));
        r.AddControlField("001", id);
        r.AddDataField("245", "10", "a", "Title \"quoted\" \\ back", "c", "Ctrl\u0001\u001f\ttab\nnl\u2028 é 😀");
        return r;
    }

    private static string Write(MarcJsonWriterOptions? options, params MarcRecord[] records)
    {
        var ms = new MemoryStream();
        using (var w = new MarcJsonWriter(ms, options ?? new MarcJsonWriterOptions { LeaveOpen = true }))
        {
            foreach (var r in records) w.Write(r);
            w.Complete();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void Writes_the_fields_array_flavour_with_escapes()
    {
        string json = MarcJsonWriter.ToJson(Sample());
        Assert.Equal("{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"ocm1\"},{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"Title \\\"quoted\\\" \\\\ back\"},{\"c\":\"Ctrl\\u0001\\u001f\\ttab\\nnl\\u2028 é 😀\"}]}}]}", json);
        Assert.True(MarcJsonReader.ParseRecord(json).ContentEquals(Sample()));
    }

    [Fact]
    public void Writes_newline_delimited_by_default()
    {
        string text = Write(new MarcJsonWriterOptions { LeaveOpen = true }, Sample("a"), Sample("b"));
        string[] lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.StartsWith("{\"leader\"", lines[1]);
        Assert.DoesNotContain("\r", text);
    }

    [Fact]
    public void Writes_an_array_and_an_empty_array()
    {
        string text = Write(new MarcJsonWriterOptions { Array = true, LeaveOpen = true }, Sample("a"), Sample("b"));
        Assert.StartsWith("[\n{", text);
        Assert.EndsWith("}\n]\n", text);
        var results = JsonTestSupport.Read(text);
        Assert.Equal("a,b", JsonTestSupport.Ids(results));
        Assert.Equal("[]\n", Write(new MarcJsonWriterOptions { Array = true, LeaveOpen = true }));
    }

    [Fact]
    public void Unpaired_surrogate_is_escaped_and_survives()
    {
        var r = new MarcRecord();
        r.AddControlField("001", "x\ud800y");
        string json = MarcJsonWriter.ToJson(r);
        Assert.Contains("x\\ud800y", json);
        Assert.Equal("x\ud800y", MarcJsonReader.ParseRecord(json).ControlNumber);
    }

    [Fact]
    public void Data_before_the_first_subfield_round_trips_as_an_empty_code()
    {
        var r = new MarcRecord();
        var f = new DataField("500", ' ', ' ');
        f.Subfields.Add(new Subfield(Subfield.NoCode, "loose"));
        f.Subfields.Add(new Subfield('a', "text"));
        r.Fields.Add(f);
        string json = MarcJsonWriter.ToJson(r);
        Assert.Contains("{\"\":\"loose\"}", json);
        Assert.True(MarcJsonReader.ParseRecord(json).ContentEquals(r));
    }
}
