using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Xml;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Xml;

internal static class XmlTestSupport
{
    public const string Ns = "http://www.loc.gov/MARC21/slim";

    public static List<MarcReadResult> Read(string xml, MarcXmlReaderOptions? options = null) => Read(Encoding.UTF8.GetBytes(xml), options);

    public static List<MarcReadResult> Read(byte[] bytes, MarcXmlReaderOptions? options = null)
    {
        var list = new List<MarcReadResult>();
        using var reader = new MarcXmlReader(new MemoryStream(bytes), "test.xml", options);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null)
        {
            list.Add(r);
            Assert.True(list.Count < 100000, "reader does not end");
        }
        return list;
    }

    public static List<MarcRecord> Records(string xml, MarcXmlReaderOptions? options = null)
    {
        var results = Read(xml, options);
        foreach (var r in results) Assert.True(r.IsRecord, "unexpected error: " + r.Error);
        return results.Select(r => r.Record!).ToList();
    }

    /// <summary>A small record element body (no namespace handling): leader, 001, 245.</summary>
    public static string RecordBody(string id, string prefix = "")
    {
        string p = prefix.Length > 0 ? prefix + ":" : "";
        return $"<{p}leader>00000nam a2200000 a 4500</{p}leader>" +
               $"<{p}controlfield tag=\"001\">{id}</{p}controlfield>" +
               $"<{p}datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><{p}subfield code=\"a\">Title {id}</{p}subfield></{p}datafield>";
    }

    public static MarcRecord Sample()
    {
        var r = new MarcRecord(new Leader("01234cam a2200289 a 4500"));
        r.AddControlField("001", "ocm00012345");
        r.AddControlField("008", "850320s1984    nyu           000 0 eng  ");
        r.AddDataField("100", "1 ", "a", "Müller, Hans,", "d", "1950-");
        r.AddDataField("245", "10", "a", "Kind of blue /", "c", "Miles Davis.");
        r.AddDataField("650", " 0", "a", "Jazz", "y", "1951-1960.");
        return r;
    }

    public static string Utf8(byte[] b) => Encoding.UTF8.GetString(b);
}
