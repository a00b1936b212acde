using System;
using System.Collections.Generic;
using System.Linq;

namespace OclcCataloging.Search.Sru
{
    /// <summary>
    /// Which CQL index an SRU server uses for each <see cref="SearchIndex"/>, and how it matches whole headings.
    /// Immutable; build variants with <see cref="With"/> or <see cref="FromDictionary"/>.
    /// </summary>
    public sealed class SruIndexMap
    {
        /// <summary>Key in <see cref="FromDictionary"/> for <see cref="AnchorWholeHeadings"/> ("true"/"false").</summary>
        public const string AnchorWholeHeadingsKey = "AnchorWholeHeadings";

        /// <summary>Key in <see cref="FromDictionary"/> for <see cref="SeeFromIndex"/> (empty = none).</summary>
        public const string SeeFromIndexKey = "SeeFrom";

        private readonly Dictionary<SearchIndex, string> _indexes;

        public SruIndexMap(IEnumerable<KeyValuePair<SearchIndex, string>> indexes, bool anchorWholeHeadings = false, string? seeFromIndex = null)
        {
            if (indexes == null) throw new ArgumentNullException(nameof(indexes));
            _indexes = new Dictionary<SearchIndex, string>();
            foreach (var pair in indexes)
            {
                if (string.IsNullOrWhiteSpace(pair.Value)) continue;
                _indexes[pair.Key] = pair.Value.Trim();
            }
            AnchorWholeHeadings = anchorWholeHeadings;
            SeeFromIndex = string.IsNullOrWhiteSpace(seeFromIndex) ? null : seeFromIndex!.Trim();
        }

        /// <summary>
        /// Generic Bath/Dublin Core names that most SRU servers (LC, ILS catalogues) understand: bath.isbn, bath.issn,
        /// bath.lccn, dc.title, dc.creator, dc.subject, cql.serverChoice; OCLC and authority record numbers go to rec.id.
        /// rec.id is the record's own id (Koha's biblionumber, Zebra's 001), so OCLC numbers are found only on servers
        /// whose record ids are OCLC numbers; a server that indexes 035 needs its own OclcNumber index (a preset of
        /// <see cref="SruIndexMapPresets"/>, or FromDictionary). Headings are searched as phrases anywhere, without anchoring.
        /// </summary>
        public static SruIndexMap Default { get; } = new SruIndexMap(new Dictionary<SearchIndex, string>
        {
            [SearchIndex.OclcNumber] = RecordIdIndex,
            [SearchIndex.Isbn] = "bath.isbn",
            [SearchIndex.Issn] = "bath.issn",
            [SearchIndex.Lccn] = "bath.lccn",
            [SearchIndex.Title] = "dc.title",
            [SearchIndex.Author] = "dc.creator",
            [SearchIndex.Subject] = "dc.subject",
            [SearchIndex.Keyword] = "cql.serverChoice",
            [SearchIndex.Heading] = "cql.serverChoice",
            [SearchIndex.PersonalName] = "dc.creator",
            [SearchIndex.CorporateName] = "dc.creator",
            [SearchIndex.AuthorityRecordNumber] = RecordIdIndex,
        });

        /// <summary>
        /// The project's Zebra test server (tests/peers/zebra): local.oclc (035 OCLC numbers, digits only),
        /// local.heading with ^…^ whole-heading anchoring ORed with local.seeFrom (4XX), derived authority parts in
        /// local.heading. local.arn is deliberately not indexed there (an: keys get SRU diagnostic 16).
        /// </summary>
        public static SruIndexMap Zebra { get; } = Default.WithIndexes(new Dictionary<SearchIndex, string>
        {
            [SearchIndex.OclcNumber] = "local.oclc",
            [SearchIndex.Heading] = "local.heading",
            [SearchIndex.PersonalName] = "local.heading",
            [SearchIndex.CorporateName] = "local.heading",
            [SearchIndex.AuthorityRecordNumber] = "local.arn",
        }, anchorWholeHeadings: true, seeFromIndex: "local.seeFrom");

        /// <summary>Whole headings are sent as "^heading^" (CQL first-and-last anchoring) so a partial heading does not match.</summary>
        public bool AnchorWholeHeadings { get; }

        /// <summary>When set, whole-heading searches also look in this index (see-from references) and OR the two.</summary>
        public string? SeeFromIndex { get; }

        public IReadOnlyDictionary<SearchIndex, string> Indexes => _indexes;

        /// <summary>The CQL index for <paramref name="index"/>, or null when the server has none.</summary>
        public string? Find(SearchIndex index) => _indexes.TryGetValue(index, out var name) ? name : null;

        /// <summary>The CQL index for <paramref name="index"/>; <see cref="NotSupportedException"/> when the map has none.</summary>
        public string Get(SearchIndex index) =>
            Find(index) ?? throw new NotSupportedException("This SRU index map has no index for " + index + " searches.");

        /// <summary>A copy with some indexes replaced (a null or empty name removes the index).</summary>
        public SruIndexMap With(IEnumerable<KeyValuePair<SearchIndex, string?>> changes, bool? anchorWholeHeadings = null, string? seeFromIndex = null)
        {
            var merged = new Dictionary<SearchIndex, string>(_indexes);
            foreach (var change in changes)
            {
                if (string.IsNullOrWhiteSpace(change.Value)) merged.Remove(change.Key);
                else merged[change.Key] = change.Value!;
            }
            return new SruIndexMap(merged, anchorWholeHeadings ?? AnchorWholeHeadings, seeFromIndex ?? SeeFromIndex);
        }

        private SruIndexMap WithIndexes(Dictionary<SearchIndex, string> changes, bool anchorWholeHeadings, string seeFromIndex) =>
            With(changes.Select(p => new KeyValuePair<SearchIndex, string?>(p.Key, p.Value)), anchorWholeHeadings, seeFromIndex);

        /// <summary>
        /// <see cref="Default"/> with the given entries replacing its own. Keys are <see cref="SearchIndex"/> names
        /// (case-insensitive: "Isbn", "oclcnumber"), plus "AnchorWholeHeadings" (true/false) and "SeeFrom" (an index, or
        /// empty for none). An empty value removes the index (keys of that kind then fail as unsupported).
        /// </summary>
        /// <exception cref="ArgumentException">A key is not a SearchIndex name or option, or an option value is invalid.</exception>
        public static SruIndexMap FromDictionary(IDictionary<string, string> map)
        {
            if (map == null) throw new ArgumentNullException(nameof(map));
            var changes = new List<KeyValuePair<SearchIndex, string?>>();
            bool? anchor = null;
            string? seeFrom = Default.SeeFromIndex;
            bool seeFromGiven = false;
            foreach (var pair in map)
            {
                string key = (pair.Key ?? string.Empty).Trim();
                if (string.Equals(key, AnchorWholeHeadingsKey, StringComparison.OrdinalIgnoreCase))
                {
                    if (!bool.TryParse((pair.Value ?? string.Empty).Trim(), out bool a))
                        throw new ArgumentException("AnchorWholeHeadings must be true or false, not '" + pair.Value + "'.", nameof(map));
                    anchor = a;
                }
                else if (string.Equals(key, SeeFromIndexKey, StringComparison.OrdinalIgnoreCase))
                {
                    seeFrom = pair.Value;
                    seeFromGiven = true;
                }
                else if (TryParseIndex(key, out var index))
                {
                    changes.Add(new KeyValuePair<SearchIndex, string?>(index, pair.Value));
                }
                else
                {
                    throw new ArgumentException("Unknown SRU index map key '" + key + "'. Use one of: " +
                        string.Join(", ", Enum.GetNames(typeof(SearchIndex))) + ", " + AnchorWholeHeadingsKey + ", " + SeeFromIndexKey + ".", nameof(map));
                }
            }
            var result = Default.With(changes, anchor);
            return seeFromGiven ? new SruIndexMap(result._indexes, result.AnchorWholeHeadings, seeFrom) : result;
        }

        /// <summary>
        /// The map in the form <see cref="FromDictionary"/> reads back to an equal map: every search index (empty when
        /// the map has none), AnchorWholeHeadings and SeeFrom. Used to save a preset in a connection.
        /// </summary>
        public IDictionary<string, string> ToDictionary()
        {
            var result = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (SearchIndex index in Enum.GetValues(typeof(SearchIndex))) result[index.ToString()] = Find(index) ?? string.Empty;
            result[AnchorWholeHeadingsKey] = AnchorWholeHeadings ? "true" : "false";
            result[SeeFromIndexKey] = SeeFromIndex ?? string.Empty;
            return result;
        }

        /// <summary>The key as <see cref="FromDictionary"/> names it ("isbn" → "Isbn", "seefrom" → "SeeFrom"), or null when it is none.</summary>
        public static string? CanonicalKey(string key)
        {
            string k = (key ?? string.Empty).Trim();
            if (string.Equals(k, AnchorWholeHeadingsKey, StringComparison.OrdinalIgnoreCase)) return AnchorWholeHeadingsKey;
            if (string.Equals(k, SeeFromIndexKey, StringComparison.OrdinalIgnoreCase)) return SeeFromIndexKey;
            return TryParseIndex(k, out SearchIndex index) ? index.ToString() : null;
        }

        /// <summary>Whether <paramref name="index"/> is searched in rec.id, the record's own id on most servers.</summary>
        public bool SearchesRecordId(SearchIndex index) => string.Equals(Find(index), RecordIdIndex, StringComparison.OrdinalIgnoreCase);

        /// <summary>CQL's record identifier index (the Bath profile's "remote system record number").</summary>
        public const string RecordIdIndex = "rec.id";

        private static bool TryParseIndex(string name, out SearchIndex index)
        {
            foreach (SearchIndex candidate in Enum.GetValues(typeof(SearchIndex)))
            {
                if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase)) { index = candidate; return true; }
            }
            index = default;
            return false;
        }
    }
}
