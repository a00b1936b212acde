using System.IO.Compression;
using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Xml.XmlTestSupport;

namespace OclcCataloging.Core.Tests.Marc.Xml;

public class MarcFormatDetectorTests
{
    private static MarcFormat Detect(byte[] b) => MarcFormatDetector.Detect(b, b.Length);

    private static MarcFormat Detect(string s) => Detect(Encoding.UTF8.GetBytes(s));

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><collection/>")]
    [InlineData("<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>")]
    [InlineData("  \r\n\t<record/>")]
    [InlineData("<!-- comment --><record/>")]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>")]
    [InlineData("\uFEFF\n<marc:record/>")]
    public void Xml_is_recognised(string text) => Assert.Equal(MarcFormat.MarcXml, Detect(text));

    [Theory]
    [InlineData("00714cam a2200205 a 4500")]
    [InlineData("\n00714cam a2200205 a 4500")]
    [InlineData("\u000000755cam  22002414a 4500")]
    [InlineData("99999nam a2299999 a 4500")]
    [InlineData("garbage that is no XML")]
    [InlineData("")]
    public void Everything_else_is_Iso2709(string text) => Assert.Equal(MarcFormat.Iso2709, Detect(text));

    [Fact]
    public void Utf16_text_is_xml()
    {
        Assert.Equal(MarcFormat.MarcXml, Detect(Encoding.Unicode.GetBytes("<record/>")));
        Assert.Equal(MarcFormat.MarcXml, Detect(Encoding.BigEndianUnicode.GetBytes("<record/>")));
        Assert.Equal(MarcFormat.MarcXml, Detect(new byte[] { 0xFF, 0xFE, 0x3C, 0x00 }));
        Assert.Equal(MarcFormat.MarcXml, Detect(new byte[] { 0xFE, 0xFF, 0x00, 0x3C }));
    }

    [Fact]
    public void Only_the_given_count_is_looked_at()
    {
        byte[] b = Encoding.ASCII.GetBytes("   <record/>");
        Assert.Equal(MarcFormat.Iso2709, MarcFormatDetector.Detect(b, 3));
        Assert.Equal(MarcFormat.MarcXml, MarcFormatDetector.Detect(b, 4));
    }

    private static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    private static byte[] IsoSample() => Iso2709Writer.ToBytes(Sample());

    private static byte[] XmlSample() => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<collection xmlns=\"" + Ns + "\">" + MarcXmlWriter.ToXml(Sample()) + "</collection>");

    [Fact]
    public void A_seekable_stream_is_detected_in_place_also_inside_gzip()
    {
        foreach (var (bytes, expected) in new[] { (IsoSample(), MarcFormat.Iso2709), (XmlSample(), MarcFormat.MarcXml) })
        {
            var plain = new MemoryStream(bytes) { Position = 0 };
            Assert.Equal(expected, MarcFormatDetector.Detect(plain));
            Assert.Equal(0, plain.Position);

            byte[] gz = Gzip(bytes);
            Assert.True(MarcFormatDetector.IsGzip(gz, gz.Length));
            var packed = new MemoryStream(gz);
            Assert.Equal(expected, MarcFormatDetector.Detect(packed));
            Assert.Equal(0, packed.Position);
        }
        Assert.Equal(MarcFormat.Iso2709, MarcFormatDetector.Detect(new MemoryStream()));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void The_factory_opens_the_right_reader_for_any_stream(bool xml, bool gzip)
    {
        byte[] bytes = xml ? XmlSample() : IsoSample();
        if (gzip) bytes = Gzip(bytes);
        foreach (bool seekable in new[] { true, false })
        {
            Stream s = seekable ? new MemoryStream(bytes) : new MarcXmlReaderTests.TrickleStream(bytes, 100);
            using IMarcReader reader = MarcReaderFactory.Create(s, MarcFormat.Auto, "in", null, out MarcFormat detected);
            Assert.Equal(xml ? MarcFormat.MarcXml : MarcFormat.Iso2709, detected);
            Assert.IsType(xml ? typeof(MarcXmlReader) : typeof(Iso2709Reader), reader);
            var r = reader.ReadNext();
            Assert.NotNull(r);
            Assert.True(r!.IsRecord, r.Error?.ToString());
            Assert.True(Sample().ContentEquals(r.Record!), string.Join("\n", Sample().Compare(r.Record!)));
            Assert.Equal("in", r.Record!.Origin!.SourcePath);
            Assert.Null(reader.ReadNext());
        }
    }

    [Fact]
    public void An_explicit_format_wins_and_LeaveOpen_is_honoured()
    {
        var ms = new MemoryStream(XmlSample());
        using (var reader = MarcReaderFactory.Create(ms, MarcFormat.Iso2709, null, new MarcReaderOptions { LeaveOpen = true }))
        {
            Assert.IsType<Iso2709Reader>(reader);
        }
        Assert.True(ms.CanRead);
        ms.Position = 0;
        using (var reader = MarcReaderFactory.Create(ms)) Assert.IsType<MarcXmlReader>(reader);
        Assert.False(ms.CanRead);

        byte[] gz = Gzip(IsoSample());
        using (var reader = MarcReaderFactory.Create(new MemoryStream(gz), MarcFormat.Auto, null, new MarcReaderOptions { Decompress = false }))
        {
            var r = reader.ReadNext();
            Assert.False(r!.IsRecord);
        }
    }

    [Fact]
    public void Damaged_gzip_data_is_an_IOException()
    {
        var records = new List<byte>();
        for (int i = 0; i < 200; i++) records.AddRange(IsoSample());
        byte[] gz = Gzip(records.ToArray());
        gz[gz.Length / 2] ^= 0x55;
        gz[gz.Length / 2 + 1] ^= 0x55;
        Assert.ThrowsAny<IOException>(() =>
        {
            using var reader = MarcReaderFactory.Create(new MemoryStream(gz));
            while (reader.ReadNext() != null) { }
        });
    }

    [Fact]
    public void OpenFile_reads_a_file_and_releases_it()
    {
        string path = Path.Combine(Path.GetTempPath(), "oclc-xml-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllBytes(path, XmlSample());
        try
        {
            using (var reader = MarcReaderFactory.OpenFile(path))
            {
                var r = reader.ReadNext()!;
                Assert.Equal(path, r.Record!.Origin!.SourcePath);
            }
            File.Delete(path);
            Assert.False(File.Exists(path));
        }
        finally
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
