using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// The non-filing characters indicator of title fields against a leading article of $a: 130, 630, 730 use
    /// indicator 1; 240, 245, 440, 830 indicator 2. The article list covers English, French, German, Italian, Spanish,
    /// Portuguese, Catalan and the Scandinavian languages; words that are also common non-articles ("die") are left out,
    /// and some titles that start with an article-like word are exceptions ("A la", "Los Angeles").
    /// </summary>
    internal static class NonfilingArticleCheck
    {
        private static readonly HashSet<string> Articles = new HashSet<string>(StringComparer.Ordinal)
        {
            "a", "an", "das", "dem", "der", "ein", "eine", "einem", "einen", "einer", "eines", "el", "en", "gl", "gli", "il",
            "l", "la", "las", "le", "les", "lo", "los", "os", "the", "um", "uma", "un", "una", "une", "uno",
        };

        /// <summary>No longer word can be an article (lower-casing keeps the length).</summary>
        private static readonly int LongestArticle = Longest(Articles);

        private static readonly string[] Exceptions =
        {
            "A & E", "A & ", "A-", "A+", "A is ", "A isn't ", "A l'", "A la ", "A posteriori", "A priori", "A to ",
            "El Nino", "El Salvador", "L is ", "L-", "La Salle", "Las Vegas", "Lo cual", "Lo mein", "Lo que",
            "Los Alamos", "Los Angeles",
        };

        private const string Separators = " ()[]'\"-";
        private const string LeadingMarks = "\"'[(*";
        private const string MarksAfterArticle = " \"'[]()*";

        /// <summary>Which indicator holds the non-filing count for a title tag: 1, 2, or 0 when the tag has none.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public static int IndicatorFor(string tag)
        {
            switch (tag)
            {
                case "130": case "630": case "730": return 1;
                case "240": case "245": case "440": case "830": return 2;
                default: return 0;
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        public static void Check(ValidationContext c, DataField field, string rulesTag, int occurrence)
        {
            int which = IndicatorFor(rulesTag);
            if (which == 0) return;
            char ind = which == 1 ? field.Indicator1 : field.Indicator2;
            string tag = field.Tag;
            string ordinal = which == 1 ? "1" : "2";
            if (ind < '0' || ind > '9')
                c.Report(MarcRuleCatalog.NonfilingIndicator, rulesTag + " indicator " + ordinal + " (non-filing characters) is " + ValueText.Quote(ind) + "; it must be a digit 0-9.", tag, occurrence, indicator: which);
            // Positions in $a instead of substrings: most titles are no article, and their text is never copied.
            string title = field.GetValue('a') ?? "";
            int leading = 0;
            while (leading < title.Length && LeadingMarks.IndexOf(title[leading]) >= 0) leading++;
            int wordEnd = leading;
            while (wordEnd < title.Length && Separators.IndexOf(title[wordEnd]) < 0) wordEnd++;
            int wordLength = wordEnd - leading;
            bool hasSeparator = wordEnd < title.Length;
            int nonfiling = wordLength + leading + 1;
            string? lower = wordLength > 0 && wordLength <= LongestArticle ? title.Substring(leading, wordLength).ToLowerInvariant() : null;
            bool isArticle = lower != null && Articles.Contains(lower) && !IsException(title, leading);
            if (!isArticle)
            {
                if (ind != '0')
                    c.Report(MarcRuleCatalog.NonfilingIndicator, rulesTag + ": the first word, '" + title.Substring(leading, wordLength) + "', does not look like an article, but indicator " + ordinal + " is " + ValueText.Quote(ind) + "; check it (0 when nothing is skipped in filing).", tag, occurrence, indicator: which);
                return;
            }
            int rest = wordEnd + 1;
            if (hasSeparator && rest < title.Length && Separators.IndexOf(title[rest]) >= 0)
            {
                int k = 0;
                while (rest + k < title.Length && MarksAfterArticle.IndexOf(title[rest + k]) >= 0) k++;
                nonfiling += k;
            }
            bool ok = lower == "en" ? ind == '3' || ind == '0' : nonfiling <= 9 && ind == (char)('0' + nonfiling);
            if (!ok)
                c.Report(MarcRuleCatalog.NonfilingIndicator, rulesTag + ": the first word, '" + title.Substring(leading, wordLength) + "', may be an article; indicator " + ordinal + " is " + ValueText.Quote(ind)
                    + (lower == "en" ? "." : ", and skipping the article takes " + nonfiling + " characters. Check the indicator."), tag, occurrence, indicator: which);
        }

        /// <summary>True when the title, from <paramref name="start"/> on, begins with one of <see cref="Exceptions"/> (case ignored).</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        private static bool IsException(string title, int start)
        {
            foreach (string e in Exceptions)
            {
                if (title.Length - start >= e.Length && string.Compare(title, start, e, 0, e.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            }
            return false;
        }

        private static int Longest(IEnumerable<string> words)
        {
            int n = 0;
            foreach (string w in words) n = Math.Max(n, w.Length);
            return n;
        }
    }
}
