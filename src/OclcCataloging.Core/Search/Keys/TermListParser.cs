using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OclcCataloging.Search.Keys
{
    /// <summary>
    /// Turns tokens into terms joined by and/or/not. A labelled token sets the index; unlabelled words that follow use
    /// the same index ("ti:gone with the wind" = four title words, ANDed). Quoted text is one phrase term. A trailing
    /// * truncates. After a number term (bn:, in:, ln:, no:) qualifier words such as "(pbk.)" or ": $12.00" are ignored.
    /// </summary>
    internal static class TermListParser
    {
        private static readonly Regex Qualifier = new Regex(@"^[\(:\$]", RegexOptions.CultureInvariant);

        public static List<SearchTerm>? Parse(IReadOnlyList<KeyToken> tokens, SearchIndex? defaultIndex, out string? error)
        {
            error = null;
            var terms = new List<SearchTerm>();
            SearchIndex? index = defaultIndex;
            SearchOperator? pending = null;
            bool afterNumber = false;
            for (int t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                if (token.IsOperator(out var op))
                {
                    if (terms.Count == 0) { error = "the key starts with the operator '" + token.Text + "'"; return null; }
                    if (pending != null) { error = "two operators in a row ('" + token.Text + "')"; return null; }
                    pending = op;
                    afterNumber = false;
                    continue;
                }
                if (token.Label != null)
                {
                    if (IndexLabels.TryGetDerived(token.Label, out _)) { error = "the derived key label '" + token.Label + ":' cannot be combined with other terms"; return null; }
                    if (!IndexLabels.TryGetIndex(token.Label, out var labelled)) { error = "unknown index label '" + token.Label + ":' (known: " + IndexLabels.Known + ")"; return null; }
                    index = labelled;
                }
                else if (afterNumber && pending == null && Qualifier.IsMatch(token.Text))
                {
                    continue;
                }
                if (index == null) { error = "'" + token.Text + "' has no index label"; return null; }
                if (index == SearchIndex.Lccn && IsLccnPrefix(token) && t + 1 < tokens.Count && tokens[t + 1].Label == null && !tokens[t + 1].IsOperator(out _))
                {
                    // LCCNs as LC writes them: "n  79021164", "sh 85061704" — prefix, blanks, number.
                    token = new KeyToken(token.Label, token.Text + tokens[t + 1].Text, quoted: false);
                    t++;
                }
                if (token.Text.Trim().Length == 0) { error = "the " + (token.Label != null ? token.Label + ": " : "") + "term is empty"; return null; }
                if (!AddTerm(terms, index.Value, token, pending ?? SearchOperator.And, out error)) return null;
                afterNumber = TermValues.IsNumberIndex(index.Value);
                pending = null;
            }
            if (pending != null) { error = "the key ends with an operator"; return null; }
            if (terms.Count == 0) { error = "the key has no search terms"; return null; }
            return terms;
        }

        private static bool IsLccnPrefix(KeyToken token)
        {
            if (token.Quoted || token.Text.Length == 0 || token.Text.Length > 3) return false;
            foreach (char c in token.Text) if (!char.IsLetter(c)) return false;
            return true;
        }

        private static bool AddTerm(List<SearchTerm> terms, SearchIndex index, KeyToken token, SearchOperator join, out string? error)
        {
            error = null;
            string text = token.Quoted ? Regex.Replace(token.Text.Trim(), @"\s+", " ") : token.Text;
            bool truncated = text.EndsWith("*", System.StringComparison.Ordinal);
            if (truncated) text = text.Substring(0, text.Length - 1);
            if (text.IndexOf('*') >= 0) { error = "'*' truncates only at the end of a word ('" + token.Text + "')"; return false; }
            if (text.Length == 0) { error = "'*' needs some characters before it"; return false; }
            if (TermValues.IsNumberIndex(index))
            {
                if (truncated) { error = "numbers cannot be truncated ('" + token.Text + "')"; return false; }
                string? value = TermValues.Normalize(index, text, out error);
                if (value == null) return false;
                terms.Add(new SearchTerm(index, value, join));
                return true;
            }
            terms.Add(new SearchTerm(index, text, join, truncated, phrase: token.Quoted));
            return true;
        }
    }
}
