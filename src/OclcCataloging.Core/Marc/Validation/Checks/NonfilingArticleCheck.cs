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
            string title = field.GetValue('a') ?? "";
            int leading = 0;
            while (leading < title.Length && LeadingMarks.IndexOf(title[leading]) >= 0) leading++;
            title = title.Substring(leading);
            int wordEnd = 0;
            while (wordEnd < title.Length && Separators.IndexOf(title[wordEnd]) < 0) wordEnd++;
            string word = title.Substring(0, wordEnd);
            bool hasSeparator = wordEnd < title.Length;
            string rest = hasSeparator ? title.Substring(wordEnd + 1) : "";
            int nonfiling = word.Length + leading + 1;
            string lower = word.ToLowerInvariant();
            bool isArticle = word.Length > 0 && Articles.Contains(lower) && !IsException(title);
            if (!isArticle)
            {
                if (ind != '0')
                    c.Report(MarcRuleCatalog.NonfilingIndicator, rulesTag + ": the first word, '" + word + "', does not look like an article, but indicator " + ordinal + " is " + ValueText.Quote(ind) + "; check it (0 when nothing is skipped in filing).", tag, occurrence, indicator: which);
                return;
            }
            if (hasSeparator && rest.Length > 0 && Separators.IndexOf(rest[0]) >= 0)
            {
                int k = 0;
                while (k < rest.Length && MarksAfterArticle.IndexOf(rest[k]) >= 0) k++;
                nonfiling += k;
            }
            bool ok = lower == "en" ? ind == '3' || ind == '0' : nonfiling <= 9 && ind == (char)('0' + nonfiling);
            if (!ok)
                c.Report(MarcRuleCatalog.NonfilingIndicator, rulesTag + ": the first word, '" + word + "', may be an article; indicator " + ordinal + " is " + ValueText.Quote(ind)
                    + (lower == "en" ? "." : ", and skipping the article takes " + nonfiling + " characters. Check the indicator."), tag, occurrence, indicator: which);
        }

        private static bool IsException(string title)
        {
            foreach (string e in Exceptions)
            {
                if (title.StartsWith(e, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }
    }
}
