using System;
using System.Text;

namespace OclcCataloging.Search.Sru
{
    /// <summary>
    /// Writes a <see cref="SearchKey"/> as a CQL query (https://www.loc.gov/standards/sru/cql/spec.html). Terms are
    /// joined left to right with and/or/not, which is how CQL groups equal-precedence booleans. Values are quoted when
    /// they hold blanks or CQL punctuation; " and \ are backslash-escaped, and so are the masking characters * ? ^
    /// typed as data, so only the builder's own truncation (*) and heading anchors (^) act as masks.
    /// </summary>
    public static class CqlQueryBuilder
    {
        /// <exception cref="NotSupportedException">The map has no index for one of the key's terms.</exception>
        public static string Build(SearchKey key, SruIndexMap map)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (map == null) throw new ArgumentNullException(nameof(map));
            var sb = new StringBuilder();
            for (int i = 0; i < key.Terms.Count; i++)
            {
                var term = key.Terms[i];
                if (i > 0) sb.Append(' ').Append(Operator(term.JoinWithPrevious)).Append(' ');
                sb.Append(Clause(term, map));
            }
            return sb.ToString();
        }

        /// <summary>One search clause: index=value, or for an anchored whole heading (heading=^…^ or seeFrom=^…^).</summary>
        public static string Clause(SearchTerm term, SruIndexMap map)
        {
            string index = map.Get(term.Index);
            bool wholeHeading = term.Index == SearchIndex.Heading && term.Phrase && !term.Truncated && map.AnchorWholeHeadings;
            if (!wholeHeading) return index + "=" + Term(EscapeMasks(term.Value) + (term.Truncated ? "*" : ""), term.Phrase);

            string anchored = Term("^" + EscapeMasks(term.Value) + "^", phrase: true);
            return map.SeeFromIndex == null
                ? index + "=" + anchored
                : "(" + index + "=" + anchored + " or " + map.SeeFromIndex + "=" + anchored + ")";
        }

        public static string Operator(SearchOperator op)
        {
            switch (op)
            {
                case SearchOperator.Or: return "or";
                case SearchOperator.Not: return "not";
                default: return "and";
            }
        }

        /// <summary>A CQL search term, quoted when needed (always when <paramref name="phrase"/>). Masking characters are left alone.</summary>
        public static string Term(string value, bool phrase = false)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (!phrase && !NeedsQuotes(value)) return value;
            var sb = new StringBuilder(value.Length + 2).Append('"');
            foreach (char c in value)
            {
                if (c == '"') sb.Append("\\\"");
                else sb.Append(c);
            }
            return sb.Append('"').ToString();
        }

        /// <summary>Backslash-escapes \ " * ? ^ so they are searched as characters, not masks.</summary>
        public static string EscapeMasks(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (c == '\\' || c == '*' || c == '?' || c == '^') sb.Append('\\');
                sb.Append(c);
            }
            return sb.ToString();
        }

        private static bool NeedsQuotes(string value)
        {
            if (value.Length == 0) return true;
            foreach (char c in value)
                if (char.IsWhiteSpace(c) || c == '(' || c == ')' || c == '=' || c == '<' || c == '>' || c == '"' || c == '/') return true;
            switch (value.ToLowerInvariant())
            {
                case "and": case "or": case "not": case "prox": case "sortby": return true;
                default: return false;
            }
        }
    }
}
