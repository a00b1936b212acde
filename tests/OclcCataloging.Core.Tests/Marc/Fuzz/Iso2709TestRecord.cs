using System.Text;

namespace OclcCataloging.Core.Tests.Marc.Fuzz;

/// <summary>ISO 2709 bytes built by hand (so a test can hold what a writer would refuse to produce).</summary>
internal static class Iso2709TestRecord
{
    /// <summary>A record with leader/09 <paramref name="coding"/> and the given fields (tag, data without the terminator).</summary>
    public static byte[] Build(char coding, params (string Tag, byte[] Data)[] fields)
    {
        var directory = new StringBuilder();
        var data = new List<byte>();
        foreach (var (tag, value) in fields)
        {
            directory.Append(tag).Append((value.Length + 1).ToString("D4")).Append(data.Count.ToString("D5"));
            data.AddRange(value);
            data.Add(0x1E);
        }
        int baseAddress = 24 + directory.Length + 1;
        int length = baseAddress + data.Count + 1;
        string leader = length.ToString("D5") + "nam " + coding + "22" + baseAddress.ToString("D5") + " a 4500";
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(leader + directory));
        bytes.Add(0x1E);
        bytes.AddRange(data);
        bytes.Add(0x1D);
        return bytes.ToArray();
    }

    public static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Repeat(byte[] unit, int times) => Enumerable.Range(0, times).SelectMany(_ => unit).ToArray();
}
