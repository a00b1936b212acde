using System;
using System.Text;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>
    /// Whether the heading id.loc.gov calls authorized is the one the key gave (else the key matched a see-from).
    /// Ignores case, Unicode normalisation form, repeated spaces and a final period, which LC labels vary in.
    /// </summary>
    internal static class HeadingComparer
    {
        public static bool SameHeading(string a, string b) => string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);

        private static string Canonical(string heading)
        {
            var sb = new StringBuilder();
            bool space = false;
            foreach (char c in heading.Normalize(NormalizationForm.FormC).Trim())
            {
                if (char.IsWhiteSpace(c)) { space = true; continue; }
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            while (sb.Length > 0 && sb[sb.Length - 1] == '.') sb.Length--;
            return sb.ToString();
        }
    }
}
