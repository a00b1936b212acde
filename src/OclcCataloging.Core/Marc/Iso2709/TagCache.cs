using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>
    /// Tags as strings without allocating one per field: numeric tags come from a shared table, other tags
    /// (alphanumeric such as <c>CAT</c>, or damaged ones) from a small per-reader cache.
    /// </summary>
    internal sealed class TagCache
    {
        private static readonly string[] Numeric = CreateNumeric();
        private readonly Dictionary<int, string> _other = new Dictionary<int, string>();

        private static string[] CreateNumeric()
        {
            var a = new string[1000];
            for (int i = 0; i < 1000; i++) a[i] = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            return a;
        }

        /// <summary>The tag in bytes <paramref name="pos"/>..pos+2, each byte mapped to the char of the same value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public string Get(byte[] b, int pos)
        {
            uint d0 = (uint)(b[pos] - '0'), d1 = (uint)(b[pos + 1] - '0'), d2 = (uint)(b[pos + 2] - '0');
            if (d0 <= 9 && d1 <= 9 && d2 <= 9) return Numeric[d0 * 100 + d1 * 10 + d2];
            return GetOther(b, pos);
        }

        private string GetOther(byte[] b, int pos)
        {
            int key = (b[pos] << 16) | (b[pos + 1] << 8) | b[pos + 2];
            if (!_other.TryGetValue(key, out string? tag))
            {
                tag = new string(new[] { (char)b[pos], (char)b[pos + 1], (char)b[pos + 2] });
                if (_other.Count < 4096) _other[key] = tag;
            }
            return tag;
        }

        /// <summary>True when all three tag bytes are printable ASCII other than blank.</summary>
        public static bool IsWellFormed(string tag)
        {
            if (tag.Length == 3 && (uint)(tag[0] - '0') <= 9 && (uint)(tag[1] - '0') <= 9 && (uint)(tag[2] - '0') <= 9) return true;
            for (int i = 0; i < tag.Length; i++)
            {
                char c = tag[i];
                if (c <= ' ' || c > '~') return false;
            }
            return tag.Length == 3;
        }
    }
}
