using System;
using System.Text;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// Turns a batch search key into a Metadata API brief-bibs q= (no:, bn:, in:, ln:, ti:, au:, su:, kw:; AND/OR/NOT;
    /// quoted phrases; * truncation), or, for a lone OCLC number, the direct record path.
    /// </summary>
    internal static class WorldCatQueryTranslator
    {
        /// <summary>The OCLC number when the key is a lone OCLC number (fetched with GET /manage/bibs/{ocn}).</summary>
        public static string? DirectOclcNumber(SearchKey key)
        {
            if (key.Terms.Count != 1 || key.Terms[0].Index != SearchIndex.OclcNumber) return null;
            if (key.Type != SearchKeyType.OclcNumber && key.Type != SearchKeyType.Fielded) return null;
            var digits = key.Terms[0].Value.Trim().TrimStart('0');
            if (digits.Length == 0) return null;
            foreach (char c in digits) if (c < '0' || c > '9') return null;
            return digits;
        }

        public static string ToQuery(SearchKey key, string lccnLabel)
        {
            switch (key.Type)
            {
                case SearchKeyType.Heading:
                case SearchKeyType.DerivedPersonalName:
                case SearchKeyType.DerivedCorporateName:
                case SearchKeyType.DerivedAuthorityTitle:
                case SearchKeyType.DerivedSubject:
                    throw new NotSupportedException("WorldCat searches bibliographic records; authority key '" + key.Text + "' needs an LC authorities target.");
            }
            if (key.Terms.Count == 0) throw new NotSupportedException("Search key '" + key.Text + "' has no terms.");
            var q = new StringBuilder();
            for (int i = 0; i < key.Terms.Count; i++)
            {
                var term = key.Terms[i];
                if (i > 0) q.Append(' ').Append(Operator(term.JoinWithPrevious)).Append(' ');
                q.Append(Label(term.Index, key, lccnLabel)).Append(':').Append(Value(term));
            }
            return q.ToString();
        }

        private static string Operator(SearchOperator op) => op switch
        {
            SearchOperator.Or => "OR",
            SearchOperator.Not => "NOT",
            _ => "AND",
        };

        private static string Label(SearchIndex index, SearchKey key, string lccnLabel) => index switch
        {
            SearchIndex.OclcNumber => "no",
            SearchIndex.Isbn => "bn",
            SearchIndex.Issn => "in",
            SearchIndex.Lccn => lccnLabel,
            SearchIndex.Title => "ti",
            SearchIndex.Author => "au",
            SearchIndex.Subject => "su",
            SearchIndex.Keyword => "kw",
            _ => throw new NotSupportedException("WorldCat has no bibliographic index for " + index + " (key '" + key.Text + "'); use an LC authorities target."),
        };

        private static string Value(SearchTerm term)
        {
            // Quotes inside a value would end the phrase early; the API has no escape for them.
            var value = term.Value.Replace("\"", " ").Trim();
            while (value.IndexOf("  ", StringComparison.Ordinal) >= 0) value = value.Replace("  ", " ");
            string truncation = term.Truncated ? "*" : "";
            bool quote = term.Phrase && value.IndexOf(' ') >= 0;
            return quote ? "\"" + value + truncation + "\"" : value + truncation;
        }
    }
}
