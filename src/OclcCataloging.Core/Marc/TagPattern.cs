using System;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// Tag patterns: an exact tag (<c>245</c>, <c>CAT</c>) or a pattern where <c>.</c> or <c>X</c> stands for any
    /// character (<c>6..</c>, <c>1XX</c>, <c>.00</c>).
    /// </summary>
    public static class TagPattern
    {
        public static bool IsMatch(string pattern, string tag)
        {
            if (pattern == null) throw new ArgumentNullException(nameof(pattern));
            if (tag == null || pattern.Length != tag.Length) return false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char p = pattern[i];
                if (p == '.' || p == 'X' || p == 'x') continue;
                if (char.ToUpperInvariant(p) != char.ToUpperInvariant(tag[i])) return false;
            }
            return true;
        }

        public static bool IsMatchAny(string[] patterns, string tag)
        {
            if (patterns == null || patterns.Length == 0) return true;
            foreach (string p in patterns)
            {
                if (IsMatch(p, tag)) return true;
            }
            return false;
        }
    }
}
