using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using OclcCataloging.Search.Sru;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Reads an -IndexMap value: a preset name (Koha, LibraryOfCongress, Zebra, Default) or a hashtable of index map
    /// entries. Core's <see cref="SruIndexMap.FromDictionary"/> decides what is valid; this only words the problem.
    /// </summary>
    internal static class IndexMapArgument
    {
        /// <summary>The entries, keys in their canonical names, already checked by the index map itself.</summary>
        /// <exception cref="ArgumentException">Not a preset name, not a hashtable, or an entry the index map refuses.</exception>
        internal static IDictionary<string, string> ToEntries(object? value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            IDictionary<string, string> entries = value switch
            {
                string name => Preset(name).Map.ToDictionary(),
                IDictionary map => Entries(map),
                _ => throw new ArgumentException("-IndexMap takes a preset name (" + PresetNames + ") or a hashtable such as @{ OclcNumber = 'local.oclc' }."),
            };
            try { SruIndexMap.FromDictionary(entries); }
            catch (ArgumentException e) { throw new ArgumentException("-IndexMap: " + e.Message, e); }
            return entries;
        }

        private static SruIndexMapPreset Preset(string name) =>
            SruIndexMapPresets.Find(name)
            ?? throw new ArgumentException("-IndexMap: '" + name + "' is not an index map preset; use " + PresetNames + ", or a hashtable.");

        private static IDictionary<string, string> Entries(IDictionary map)
        {
            var entries = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in map)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                object? v = entry.Value is PSObject o ? o.BaseObject : entry.Value;
                entries[SruIndexMap.CanonicalKey(key) ?? key] = (Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
            }
            return entries;
        }

        private static string PresetNames => string.Join(", ", SruIndexMapPresets.All.Select(p => p.Name));
    }
}
