using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Core.Tests.Gateway;

internal static class GatewayTestRecords
{
    public static MarcRecord Bib(string title = "Gateway test", string control = "ocm00000042", char scheme = 'a', char type = 'a')
    {
        var r = new MarcRecord(new Leader("00000nam a2200000   4500"));
        r.Leader.CharacterCodingScheme = scheme;
        r.Leader.TypeOfRecord = type;
        r.AddControlField("001", control);
        r.AddControlField("003", "OCoLC");
        r.AddDataField("245", "10", "a", title);
        return r;
    }

    public static byte[] Bytes(MarcRecord r) => Iso2709Writer.ToBytes(r);

    public static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            bool ok = true;
            for (int j = 0; j < needle.Length && ok; j++) ok = haystack[i + j] == needle[j];
            if (ok) return i;
        }
        return -1;
    }

    public static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
