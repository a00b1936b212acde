using System.Collections.Generic;

namespace OclcCataloging.Search.Keys
{
    /// <summary>Connexion index labels (the two letters before the colon) and the indexes they search.</summary>
    public static class IndexLabels
    {
        private static readonly Dictionary<string, SearchIndex> Searchable = new Dictionary<string, SearchIndex>
        {
            ["ti"] = SearchIndex.Title,
            ["au"] = SearchIndex.Author,
            ["su"] = SearchIndex.Subject,
            ["kw"] = SearchIndex.Keyword,
            ["bn"] = SearchIndex.Isbn,
            ["in"] = SearchIndex.Issn,
            ["ln"] = SearchIndex.Lccn,
            ["no"] = SearchIndex.OclcNumber,
            ["an"] = SearchIndex.AuthorityRecordNumber,
        };

        private static readonly Dictionary<string, DerivedKeyPattern> Derived = new Dictionary<string, DerivedKeyPattern>
        {
            ["pd"] = DerivedKeyPattern.PersonalName,
            ["cd"] = DerivedKeyPattern.CorporateName,
            ["td"] = DerivedKeyPattern.AuthorityTitle,
            ["sd"] = DerivedKeyPattern.Subject,
        };

        /// <summary>Labels accepted in index-labelled keys, for messages.</summary>
        public const string Known = "ti: au: su: kw: bn: in: ln: no: an: (and pd: cd: td: sd: for derived authority keys)";

        public static bool TryGetIndex(string label, out SearchIndex index) => Searchable.TryGetValue(label.ToLowerInvariant(), out index);

        public static bool TryGetDerived(string label, out DerivedKeyPattern pattern) => Derived.TryGetValue(label.ToLowerInvariant(), out pattern!);
    }
}
