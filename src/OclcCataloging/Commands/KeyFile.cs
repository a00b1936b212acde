using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OclcCataloging.Commands
{
    /// <summary>Reads Connexion key files: one key per line, UTF-8 unless a byte-order mark says otherwise.</summary>
    internal static class KeyFile
    {
        internal static IEnumerable<string> ReadLines(string path)
        {
            using (var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
            {
                string? line;
                while ((line = reader.ReadLine()) != null) yield return line;
            }
        }

        internal static int CountLines(IEnumerable<string> paths)
        {
            int count = 0;
            foreach (string path in paths)
            {
                foreach (string line in ReadLines(path))
                {
                    if (line.Trim().Length > 0) count++;
                }
            }
            return count;
        }
    }
}
