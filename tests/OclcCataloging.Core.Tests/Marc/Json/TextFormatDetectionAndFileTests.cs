using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Json;

/// <summary>Content detection and MarcFileWriter for MARC-in-JSON and MarcEdit text.</summary>
public class TextFormatDetectionAndFileTests
{
    private static MarcFormat Detect(string s) => Detect(Encoding.UTF8.GetBytes(s));

    private static MarcFormat Detect(byte[] b) => MarcFormatDetector.Detect(b, b.Length);

    [Theory]
    [InlineData("{\"leader\":\"00000nam a2200000   4500\"}", MarcFormat.Json)]
    [InlineData("\r\n  [ {\"leader\":", MarcFormat.Json)]
    [InlineData("\uFEFF{\"fields\":[]}", MarcFormat.Json)]
    [InlineData("=LDR  00000nam  2200000 a 4500\r\n=245  10$aCaf{acute}e", MarcFormat.Mrk)]
    [InlineData("=LDR  00000nam a2200000 a 4500\r\n=245  10$aCafe", MarcFormat.Mrk8)]
    [InlineData("=LDR  00000nam  2200000 a 4500\r\n=245  10$aCafé", MarcFormat.Mrk8)]
    [InlineData("\uFEFF=LDR  00000nam  2200000 a 4500", MarcFormat.Mrk8)]
    [InlineData("=001  ocm1\n=245  10$aNo leader", MarcFormat.Mrk)]
    [InlineData("00714cam a2200205 a 4500", MarcFormat.Iso2709)]
    [InlineData("=12", MarcFormat.Iso2709)]
    public void Detects_the_text_formats_by_content(string text, MarcFormat expected) => Assert.Equal(expected, Detect(text));

    [Fact]
    public void Mrk_with_marc8_bytes_is_mrk()
    {
        byte[] b = Encoding.Latin1.GetBytes("=LDR  00000nam  2200000 a 4500\r\n=245  10$aCaf\u00e2e");
        Assert.Equal(MarcFormat.Mrk, Detect(b));
    }

    [Theory]
    [InlineData("a.json", MarcFormat.Json)]
    [InlineData("a.NDJSON", MarcFormat.Json)]
    [InlineData("a.jsonl", MarcFormat.Json)]
    [InlineData("a.mrk", MarcFormat.Mrk)]
    [InlineData("a.mrk8", MarcFormat.Mrk8)]
    [InlineData("a.xml", MarcFormat.MarcXml)]
    [InlineData("a.mrc", MarcFormat.Iso2709)]
    public void File_names_imply_formats(string name, MarcFormat expected)
    {
        Assert.Equal(expected, MarcFileWriter.FormatFromExtension(name));
        Assert.Equal(expected, MarcFileWriter.ChooseFormat(Path.Combine(Path.GetTempPath(), "nonexistent-" + Guid.NewGuid().ToString("N") + "-" + name), MarcFormat.Auto, append: true));
    }

    private static MarcRecord Rec(string id)
    {
        var r = new MarcRecord();
        r.AddControlField("001", id);
        r.AddDataField("245", "00", "a", "Title " + id);
        return r;
    }

    private static List<string?> ReadIds(string path)
    {
        var ids = new List<string?>();
        using var reader = MarcReaderFactory.OpenFile(path);
        MarcReadResult? x;
        while ((x = reader.ReadNext()) != null) ids.Add(x.Record?.ControlNumber ?? "ERR");
        return ids;
    }

    private static void WriteFile(string path, MarcFileWriterOptions options, params string[] ids)
    {
        using var w = new MarcFileWriter(path, options);
        foreach (string id in ids) w.Write(Rec(id));
        w.Commit();
    }

    [Fact]
    public void Json_files_append_as_lines_or_inside_the_array()
    {
        string dir = Directory.CreateTempSubdirectory("oclc-json-").FullName;
        try
        {
            string nd = Path.Combine(dir, "a.json");
            WriteFile(nd, new MarcFileWriterOptions(), "1", "2");
            WriteFile(nd, new MarcFileWriterOptions { Append = true }, "3");
            Assert.Equal(new[] { "1", "2", "3" }, ReadIds(nd));
            Assert.Equal(3, File.ReadAllText(nd).Count(c => c == '\n'));

            string arr = Path.Combine(dir, "b.json");
            WriteFile(arr, new MarcFileWriterOptions { JsonArray = true }, "1");
            WriteFile(arr, new MarcFileWriterOptions { Append = true }, "2", "3");
            string text = File.ReadAllText(arr);
            Assert.StartsWith("[\n{", text);
            Assert.EndsWith("}\n]\n", text);
            Assert.Equal(new[] { "1", "2", "3" }, ReadIds(arr));

            string empty = Path.Combine(dir, "c.json");
            WriteFile(empty, new MarcFileWriterOptions { JsonArray = true });
            Assert.Equal("[]\n", File.ReadAllText(empty));
            WriteFile(empty, new MarcFileWriterOptions { Append = true }, "9");
            Assert.Equal(new[] { "9" }, ReadIds(empty));
            Assert.Equal("[\n" + OclcCataloging.Marc.Json.MarcJsonWriter.ToJson(Rec("9")) + "\n]\n", File.ReadAllText(empty));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Mrk_files_append_and_refuse_other_formats()
    {
        string dir = Directory.CreateTempSubdirectory("oclc-mrk-").FullName;
        try
        {
            string mrk8 = Path.Combine(dir, "a.mrk8");
            WriteFile(mrk8, new MarcFileWriterOptions(), "1");
            File.AppendAllText(mrk8, "=500  \\\\$aNo line end at the end");
            WriteFile(mrk8, new MarcFileWriterOptions { Append = true }, "2");
            Assert.Equal(new[] { "1", "2" }, ReadIds(mrk8));
            Assert.Equal(MarcFormat.Mrk8, MarcFileWriter.ChooseFormat(mrk8, MarcFormat.Auto, append: true));
            Assert.Equal(MarcFormat.Mrk, MarcFileWriter.ChooseFormat(mrk8, MarcFormat.Mrk, append: true));
            Assert.Throws<InvalidDataException>(() => MarcFileWriter.ChooseFormat(mrk8, MarcFormat.Json, append: true));
            var mismatch = Assert.Throws<InvalidDataException>(() => MarcFileWriter.ChooseFormat(mrk8, MarcFormat.Json, append: true));
            Assert.Equal(MarcFormat.Mrk8, mismatch.Data[MarcFileWriter.ExistingFormatKey]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
