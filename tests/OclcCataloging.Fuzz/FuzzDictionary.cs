using System.Text;

namespace OclcCataloging.Fuzz;

/// <summary>Reads an afl dictionary (<c>name="value"</c> lines, <c>\xNN</c>, <c>\\</c> and <c>\"</c> escapes).</summary>
internal static class FuzzDictionary
{
    public static List<byte[]> Load(string path)
    {
        var tokens = new List<byte[]>();
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            int open = line.IndexOf('"');
            int close = line.LastIndexOf('"');
            if (open < 0 || close <= open) continue;
            tokens.Add(Unescape(line.Substring(open + 1, close - open - 1)));
        }
        return tokens;
    }

    internal static byte[] Unescape(string s)
    {
        var bytes = new List<byte>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                char n = s[i + 1];
                if ((n == 'x' || n == 'X') && i + 3 < s.Length)
                {
                    bytes.Add(Convert.ToByte(s.Substring(i + 2, 2), 16));
                    i += 3;
                    continue;
                }
                bytes.Add((byte)n);
                i++;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return bytes.ToArray();
    }
}
