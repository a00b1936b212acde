using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Xml;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.IO;

/// <summary>The commands' one reading path: a file, its format, stray bytes and the requested encoding.</summary>
public sealed class MarcFileReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "oclc-mfr-" + Guid.NewGuid().ToString("N"));

    public MarcFileReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<MarcReadResult> ReadAll(MarcFileReader reader)
    {
        var list = new List<MarcReadResult>();
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r);
        return list;
    }

    [Fact]
    public void An_iso2709_file_gives_records_errors_and_stray_bytes_in_input_order()
    {
        byte[] a = Marc8Record("ocm1"), junk = L("NOT A RECORD\u001d"), b = Utf8Record("ocn2");
        string path = Write("mixed.dat", Concat(a, junk, b, new byte[] { 0, 0, 0 }));

        using var reader = MarcFileReader.Open(path);
        var results = ReadAll(reader);

        Assert.Equal(MarcFormat.Iso2709, reader.Format);
        Assert.True(reader.FormatDetected);
        Assert.Equal(4, results.Count);
        Assert.Equal("ocm1", results[0].Record!.ControlNumber);
        Assert.Equal(junk, results[1].Error!.RawBytes);
        Assert.Equal("ocn2", results[2].Record!.ControlNumber);
        Assert.Equal(path, results[2].Record!.Origin!.SourcePath);
        MarcStrayBytes stray = results[3].StrayBytes!;
        Assert.Equal(new byte[] { 0, 0, 0 }, stray.Bytes);
        Assert.Equal(a.Length + junk.Length + b.Length, stray.ByteOffset);
        Assert.Equal(path, stray.SourcePath);
        Assert.Equal(reader.Length, reader.Position);
    }

    [Fact]
    public void Iso2709_records_are_read_in_the_requested_encoding()
    {
        string path = Write("utf8.mrc", WithBytes(Utf8Record(), 9, " "));

        using var reader = MarcFileReader.Open(path, MarcFormat.Auto, MarcEncoding.Utf8);
        MarcRecord r = reader.ReadNext()!.Record!;

        Assert.True(r.Leader.IsUnicode);
        Assert.Equal(MarcDiagnosticCodes.EncodingOverridden, Assert.Single(r.Warnings).Code);
    }

    [Fact]
    public void Text_format_records_are_converted_to_the_requested_encoding()
    {
        var record = new MarcRecord();
        record.Fields.Add(new ControlField("001", "x1"));
        var f = new DataField("245", '1', '0');
        f.Subfields.Add(new Subfield('a', "Café"));
        record.Fields.Add(f);
        string path = Write("one.xml", System.Text.Encoding.UTF8.GetBytes(MarcXmlWriter.ToXml(record)));

        using (var asRead = MarcFileReader.Open(path))
            Assert.True(asRead.ReadNext()!.Record!.Leader.IsUnicode);
        using var reader = MarcFileReader.Open(path, MarcFormat.Auto, MarcEncoding.Marc8);
        MarcRecord r = reader.ReadNext()!.Record!;

        Assert.Equal(MarcFormat.MarcXml, reader.Format);
        Assert.Equal(' ', r.Leader.CharacterCodingScheme);
        Assert.Equal("Café", r.GetValue("245", 'a'));
    }

    [Fact]
    public void A_file_that_cannot_be_opened_throws_an_IOException_and_a_damaged_head_a_MarcFileReadException()
    {
        Assert.Throws<FileNotFoundException>(() => MarcFileReader.Open(Path.Combine(_dir, "missing.mrc")));
        string gz = Write("bad.mrc.gz", new byte[] { 0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF });

        var e = Assert.Throws<MarcFileReadException>(() => MarcFileReader.Open(gz));
        Assert.Contains(gz, e.Message);
    }
}
