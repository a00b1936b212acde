using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>
    /// Tests a heading against the parts of a derived authority key (pd:moza,wol,a → successive words starting
    /// "moza", "wol", "a"). id.loc.gov has no derived search: the target asks suggest2 left-anchored for the first
    /// part and keeps the labels this pattern accepts. Diacritics are ignored, as Connexion does.
    /// </summary>
    internal sealed class DerivedHeadingMatcher
    {
        private readonly IReadOnlyList<string> _parts;

        public DerivedHeadingMatcher(IReadOnlyList<string> parts)
        {
            if (parts == null || parts.Count == 0) throw new ArgumentException("A derived key has at least one part.", nameof(parts));
            var normalized = new List<string>();
            foreach (string p in parts) normalized.Add(Fold(p));
            _parts = normalized;
        }

        public string FirstPart => _parts[0];

        /// <summary>"moza* wol* a*", for reports.</summary>
        public override string ToString() => string.Join("* ", _parts) + "*";

        public bool Matches(string heading)
        {
            var words = Words(heading);
            if (words.Count < _parts.Count) return false;
            for (int i = 0; i < _parts.Count; i++)
            {
                if (!words[i].StartsWith(_parts[i], StringComparison.Ordinal)) return false;
            }
            return true;
        }

        private static List<string> Words(string heading)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            foreach (char c in Fold(heading))
            {
                if (char.IsLetterOrDigit(c)) current.Append(c);
                else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            }
            if (current.Length > 0) words.Add(current.ToString());
            return words;
        }

        private static string Fold(string text)
        {
            var sb = new StringBuilder();
            foreach (char c in text.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }
    }
}
