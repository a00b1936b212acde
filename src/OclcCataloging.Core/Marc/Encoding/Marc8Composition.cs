using System.Collections.Generic;
using System.Text;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// The precomposed letters MARC-8 has whose Unicode form is a base letter plus combining marks (u with horn,
    /// Cyrillic short i, ...), so that decomposed (NFD) text gets them instead of a base letter and a mark MARC-8 lacks
    /// (MARC-8 has no combining horn). See docs/design/marc-text-format.md, "MARC-8 encoding of combining marks".
    /// </summary>
    internal static class Marc8Composition
    {
        private static readonly Dictionary<int, List<Candidate>> ByBase = Build();

        private sealed class Candidate
        {
            public Candidate(int composed, string marks)
            {
                Composed = composed;
                Marks = marks;
            }

            public int Composed { get; }

            /// <summary>The marks of its canonical decomposition after the base (NFD order).</summary>
            public string Marks { get; }
        }

        /// <summary>
        /// For a cluster (one base character and the combining marks after it): the MARC-8 letter that absorbs the most
        /// of its marks, with the marks left over, such that the two are canonically equivalent to the cluster.
        /// </summary>
        public static bool TryCompose(string cluster, out int composed, out string remainingMarks)
        {
            composed = 0;
            remainingMarks = string.Empty;
            string nfd = cluster.Normalize(NormalizationForm.FormD);
            int baseLength = char.IsHighSurrogate(nfd[0]) && nfd.Length > 1 ? 2 : 1;
            if (nfd.Length == baseLength) return false;
            int baseScalar = char.ConvertToUtf32(nfd, 0);
            if (!ByBase.TryGetValue(baseScalar, out List<Candidate>? candidates)) return false;
            string marks = nfd.Substring(baseLength);
            foreach (Candidate c in candidates)
            {
                string? rest = Without(marks, c.Marks);
                if (rest == null) continue;
                if ((char.ConvertFromUtf32(c.Composed) + rest).Normalize(NormalizationForm.FormD) != nfd) continue;
                composed = c.Composed;
                remainingMarks = rest;
                return true;
            }
            return false;
        }

        /// <summary><paramref name="marks"/> without one occurrence of each of <paramref name="remove"/>; null when one is missing.</summary>
        private static string? Without(string marks, string remove)
        {
            var sb = new StringBuilder(marks);
            foreach (char m in remove)
            {
                int at = sb.ToString().IndexOf(m);
                if (at < 0) return null;
                sb.Remove(at, 1);
            }
            return sb.ToString();
        }

        private static Dictionary<int, List<Candidate>> Build()
        {
            var byBase = new Dictionary<int, List<Candidate>>();
            foreach (int scalar in Marc8Tables.Reverse.Keys)
            {
                if (scalar < 0xC0 || (scalar >= 0xD800 && scalar <= 0xDFFF)) continue;
                string s = char.ConvertFromUtf32(scalar);
                // Only letters that NFC keeps (not compatibility singletons such as U+212B ANGSTROM SIGN).
                if (s.Normalize(NormalizationForm.FormC) != s) continue;
                string d = s.Normalize(NormalizationForm.FormD);
                if (d == s) continue;
                int baseLength = char.IsHighSurrogate(d[0]) ? 2 : 1;
                if (d.Length <= baseLength) continue;
                int baseScalar = char.ConvertToUtf32(d, 0);
                if (!byBase.TryGetValue(baseScalar, out List<Candidate>? list)) byBase[baseScalar] = list = new List<Candidate>();
                list.Add(new Candidate(scalar, d.Substring(baseLength)));
            }
            foreach (List<Candidate> list in byBase.Values)
            {
                // The letter that absorbs the most marks first; then by code point, so the choice is stable.
                list.Sort((a, b) => a.Marks.Length != b.Marks.Length ? b.Marks.Length - a.Marks.Length : a.Composed.CompareTo(b.Composed));
            }
            return byBase;
        }
    }
}
