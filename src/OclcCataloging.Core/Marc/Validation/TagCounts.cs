using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// Occurrences of each tag in the record being validated, in arrays indexed by the numeric tag, reused record after
    /// record on each thread (a dictionary per record cost more than the checks themselves); non-numeric tags use a
    /// dictionary made only when one occurs.
    /// </summary>
    internal sealed class TagCounts
    {
        [ThreadStatic]
        private static TagCounts? _current;

        private readonly int[] _fields = new int[1000];
        private readonly int[] _linked880 = new int[1000];
        private readonly List<int> _touched = new List<int>();
        private Dictionary<string, int>? _other;

        /// <summary>This thread's counters, empty.</summary>
        public static TagCounts ForThisThread()
        {
            TagCounts counts = _current ??= new TagCounts();
            counts.Reset();
            return counts;
        }

        /// <summary>Counts one more field with <paramref name="tag"/>; returns its 1-based occurrence.</summary>
        public int Next(string tag) => Next(_fields, tag, "");

        /// <summary>Counts one more 880 linked to <paramref name="linkedTag"/>; returns how many there are now.</summary>
        public int NextLinked880(string linkedTag) => Next(_linked880, linkedTag, "880.");

        private int Next(int[] counts, string tag, string otherPrefix)
        {
            int n = MarcFormatTable.TagNumber(tag);
            if (n >= 0)
            {
                if (counts[n] == 0) _touched.Add(counts == _fields ? n : n + 1000);
                return ++counts[n];
            }
            _other ??= new Dictionary<string, int>(StringComparer.Ordinal);
            string key = otherPrefix + tag;
            _other.TryGetValue(key, out int before);
            _other[key] = before + 1;
            return before + 1;
        }

        private void Reset()
        {
            foreach (int i in _touched)
            {
                if (i < 1000) _fields[i] = 0;
                else _linked880[i - 1000] = 0;
            }
            _touched.Clear();
            _other?.Clear();
        }
    }
}
