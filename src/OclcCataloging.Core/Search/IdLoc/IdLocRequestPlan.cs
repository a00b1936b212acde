using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OclcCataloging.Search.Keys;

namespace OclcCataloging.Search.IdLoc
{
    internal enum IdLocRequestKind
    {
        /// <summary>HEAD the known-label URL; on 404 fall back to a suggest2 keyword search.</summary>
        Label,
        /// <summary>GET {scheme}/{lccn}.marcxml.xml.</summary>
        Lccn,
        /// <summary>suggest2 keyword search (objects with URIs).</summary>
        Keyword,
        /// <summary>suggest2 left-anchored search on the first part, filtered by the derived pattern.</summary>
        Derived,
    }

    /// <summary>How the target will search one key: which service, scheme path, query text and rdftype.</summary>
    internal sealed class IdLocRequestPlan
    {
        /// <summary>Derived keys are filtered client-side, so they ask for the largest page suggest2 serves.</summary>
        public const int MaxSuggestCount = 250;

        private IdLocRequestPlan(IdLocRequestKind kind, string schemePath, string text, string? rdfType, DerivedHeadingMatcher? matcher)
        {
            Kind = kind;
            SchemePath = schemePath;
            Text = text;
            RdfType = rdfType;
            Matcher = matcher;
        }

        public IdLocRequestKind Kind { get; }

        /// <summary>"/authorities/names", "/authorities/subjects" or "/authorities".</summary>
        public string SchemePath { get; }

        /// <summary>The heading, LCCN, keywords or first derived part.</summary>
        public string Text { get; }

        public string? RdfType { get; }

        public DerivedHeadingMatcher? Matcher { get; }

        public bool IsTranslated => Kind == IdLocRequestKind.Derived;

        /// <exception cref="NotSupportedException">Bibliographic-only keys (OCLC number, ISBN, ISSN, bibliographic derived keys).</exception>
        public static IdLocRequestPlan For(SearchKey key, IdLocScheme scheme)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            switch (key.Type)
            {
                case SearchKeyType.Lccn:
                    string? lccn = StandardNumbers.NormalizeLccn(key.Terms.Count > 0 ? key.Terms[0].Value : key.Text);
                    if (lccn == null) throw new NotSupportedException("'" + key.Text + "' is not an LC authority control number (n…, nb…, no…, nr…, sh…).");
                    return new IdLocRequestPlan(IdLocRequestKind.Lccn, IsSubjectNumber(lccn) ? "/authorities/subjects" : "/authorities/names", lccn, null, null);
                case SearchKeyType.Heading:
                    // The label service matches the whole string exactly, so the key as typed is sent, not normalised terms.
                    return new IdLocRequestPlan(IdLocRequestKind.Label, PathOf(scheme), key.Text.Trim(), RdfTypeOf(key), null);
                case SearchKeyType.Keyword:
                case SearchKeyType.Fielded when key.Terms.All(t => IsAuthorityIndex(t.Index)):
                    return new IdLocRequestPlan(IdLocRequestKind.Keyword, PathOf(scheme), JoinValues(key), RdfTypeOf(key), null);
                case SearchKeyType.DerivedPersonalName:
                    return Derived(key, scheme, IdLocScheme.Names, "PersonalName");
                case SearchKeyType.DerivedCorporateName:
                    return Derived(key, scheme, IdLocScheme.Names, "CorporateName");
                case SearchKeyType.DerivedAuthorityTitle:
                    return Derived(key, scheme, IdLocScheme.Names, "Title");
                case SearchKeyType.DerivedSubject:
                    return Derived(key, scheme, IdLocScheme.Subjects, "Topic");
                default:
                    throw new NotSupportedException("id.loc.gov searches LC authorities; a " + key.Type + " key ('" + key.Text + "') is a bibliographic search.");
            }
        }

        /// <summary>The request line a report shows for this plan's first request.</summary>
        public string Describe(int suggestCount)
        {
            switch (Kind)
            {
                case IdLocRequestKind.Label: return "HEAD " + LabelPath();
                case IdLocRequestKind.Lccn: return "GET " + RecordPath();
                case IdLocRequestKind.Keyword: return "GET " + SuggestPath("keyword", suggestCount);
                default: return "GET " + SuggestPath("leftanchored", MaxSuggestCount) + " filtered by " + Matcher;
            }
        }

        public string LabelPath() => SchemePath + "/label/" + Uri.EscapeDataString(Text);

        public string RecordPath() => SchemePath + "/" + Text + ".marcxml.xml";

        public string SuggestPath(string searchType, int count)
        {
            string path = SchemePath + "/suggest2?q=" + Uri.EscapeDataString(Text) + "&searchtype=" + searchType;
            if (RdfType != null) path += "&rdftype=" + RdfType;
            return path + "&count=" + count.ToString(CultureInfo.InvariantCulture) + "&offset=0&mime=json";
        }

        private static IdLocRequestPlan Derived(SearchKey key, IdLocScheme configured, IdLocScheme natural, string rdfType)
        {
            var parts = key.Terms.Select(t => t.Value).Where(v => v.Length > 0).ToList();
            if (parts.Count == 0) throw new NotSupportedException("The derived key '" + key.Text + "' has no parts.");
            var matcher = new DerivedHeadingMatcher(parts);
            var scheme = configured == IdLocScheme.All ? IdLocScheme.All : natural;
            return new IdLocRequestPlan(IdLocRequestKind.Derived, PathOf(scheme), matcher.FirstPart, rdfType, matcher);
        }

        private static string PathOf(IdLocScheme scheme)
        {
            switch (scheme)
            {
                case IdLocScheme.Names: return "/authorities/names";
                case IdLocScheme.Subjects: return "/authorities/subjects";
                default: return "/authorities";
            }
        }

        private static string JoinValues(SearchKey key)
        {
            string joined = string.Join(" ", key.Terms.Select(t => t.Value)).Trim();
            return joined.Length > 0 ? joined : key.Text.Trim();
        }

        private static string? RdfTypeOf(SearchKey key)
        {
            if (key.Terms.Count == 0) return null;
            switch (key.Terms[0].Index)
            {
                case SearchIndex.PersonalName: return "PersonalName";
                case SearchIndex.CorporateName: return "CorporateName";
                case SearchIndex.Subject: return "Topic";
                default: return null;
            }
        }

        private static bool IsAuthorityIndex(SearchIndex index) =>
            index == SearchIndex.Heading || index == SearchIndex.PersonalName || index == SearchIndex.CorporateName
            || index == SearchIndex.Subject || index == SearchIndex.Keyword;

        /// <summary>Subject-type prefixes live in /authorities/subjects, all others in /authorities/names.</summary>
        private static bool IsSubjectNumber(string normalized) =>
            normalized.StartsWith("sh", StringComparison.Ordinal) || normalized.StartsWith("sj", StringComparison.Ordinal) || normalized.StartsWith("sp", StringComparison.Ordinal);
    }
}
