using System;
using System.Collections.Generic;
using OclcCataloging.Oclc;

namespace OclcCataloging.Marc.Comparison
{
    /// <summary>
    /// Finds the existing record an incoming one matches, the way an OCLC Connexion import matches on the OCLC number:
    /// every valid OCLC number of an existing record (001, 035 (OCoLC), 019 merged numbers) is a key; an incoming record
    /// is looked up by its primary OCLC number, and by its 001 when it has none. Records match only records of the same
    /// kind: a holdings record's 004 is the OCLC number of its bibliographic record, not its own. When two existing
    /// records of a kind share a key the first one wins and the key is listed in <see cref="DuplicateKeys"/>.
    /// </summary>
    public sealed class RecordMatchIndex
    {
        private readonly Dictionary<string, MarcRecord> _byKey = new Dictionary<string, MarcRecord>(StringComparer.Ordinal);
        private readonly List<string> _duplicates = new List<string>();

        public int Count { get; private set; }

        public IReadOnlyList<string> DuplicateKeys => _duplicates;

        public void Add(MarcRecord existing)
        {
            if (existing == null) throw new ArgumentNullException(nameof(existing));
            Count++;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (OclcNumberInfo n in OclcNumberFinder.FindAll(existing, OclcNumberLocation.Auto))
            {
                if (n.IsValid && n.OclcNumber != null) keys.Add(n.OclcNumber);
            }
            string? own = ControlNumberKey(existing);
            if (own != null) keys.Add(own);
            foreach (string key in keys)
            {
                string kindKey = KindKey(existing, key);
                if (_byKey.ContainsKey(kindKey)) _duplicates.Add(key);
                else _byKey.Add(kindKey, existing);
            }
        }

        /// <summary>The existing record matching <paramref name="incoming"/>, or null; <paramref name="key"/> is what was looked up.</summary>
        public MarcRecord? Find(MarcRecord incoming, out string? key)
        {
            key = KeyOf(incoming);
            return key != null && _byKey.TryGetValue(KindKey(incoming, key), out MarcRecord? found) ? found : null;
        }

        private static string KindKey(MarcRecord record, string key) => record.Kind + "|" + key;

        /// <summary>The record's primary OCLC number (digits, no leading zeros), else its 001 prefixed "001:", else null.</summary>
        public static string? KeyOf(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            OclcNumberInfo? n = OclcNumberFinder.FindPrimary(record, OclcNumberLocation.Auto);
            if (n != null && n.IsValid && n.OclcNumber != null) return n.OclcNumber;
            return ControlNumberKey(record);
        }

        private static string? ControlNumberKey(MarcRecord record)
        {
            string? own = record.ControlNumber?.Trim();
            return string.IsNullOrEmpty(own) ? null : "001:" + own;
        }
    }
}
