using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// Connexion-style "keys to retain": one text file per outcome, each input exactly as given on its own line
    /// (CRLF line ends, UTF-8 without BOM so the first line reads back unchanged). Every file is written, empty
    /// when no input had that outcome, so a rerun never leaves a stale list behind.
    /// </summary>
    internal static class RetainedLineFiles
    {
        /// <returns>The full path of each file, by file name.</returns>
        public static IReadOnlyDictionary<string, string> Add<TRow>(BatchOutputFiles files, string directory, IReadOnlyList<string> fileNames,
            IEnumerable<TRow> rows, Func<TRow, string?> fileOf, Func<TRow, string> lineOf)
        {
            var content = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
            foreach (var name in fileNames) content[name] = new StringBuilder();
            foreach (var row in rows)
            {
                var name = fileOf(row);
                if (name != null && content.TryGetValue(name, out var sb)) sb.Append(lineOf(row)).Append("\r\n");
            }
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in fileNames)
            {
                paths[name] = Path.Combine(directory, name);
                files.Add(paths[name], content[name].ToString(), byteOrderMark: false);
            }
            return paths;
        }
    }
}
