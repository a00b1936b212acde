using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>The MARC code lists the checks use (languages, geographic areas), from the embedded codes.tsv.</summary>
    public sealed class MarcCodeLists
    {
        private static readonly Lazy<MarcCodeLists> Instance = new Lazy<MarcCodeLists>(Load);

        private readonly Dictionary<string, HashSet<string>> _lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        public static MarcCodeLists Default => Instance.Value;

        public CodeStatus Language(string code) => Status("language", code);

        public CodeStatus GeographicArea(string code) => Status("geographic", code);

        private CodeStatus Status(string list, string code)
        {
            if (Contains(list, code)) return CodeStatus.Valid;
            return Contains(list + "-obsolete", code) ? CodeStatus.Obsolete : CodeStatus.Unknown;
        }

        private bool Contains(string list, string code) => _lists.TryGetValue(list, out HashSet<string>? set) && set.Contains(code);

        private static MarcCodeLists Load()
        {
            const string resource = "OclcCataloging.Marc.Validation.Tables.codes.tsv";
            using Stream? stream = typeof(MarcCodeLists).Assembly.GetManifestResourceStream(resource);
            if (stream == null) throw new InvalidOperationException("The code list " + resource + " is not embedded in the assembly.");
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            var lists = new MarcCodeLists();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                int tab = line.IndexOf('\t');
                if (tab < 0) continue;
                string name = line.Substring(0, tab);
                if (!lists._lists.TryGetValue(name, out HashSet<string>? set)) lists._lists[name] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(line.Substring(tab + 1));
            }
            return lists;
        }
    }

    public enum CodeStatus
    {
        Unknown = 0,
        Valid,
        Obsolete,
    }
}
