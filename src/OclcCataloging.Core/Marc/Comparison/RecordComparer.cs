using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Comparison
{
    /// <summary>
    /// Field-by-field differences between two records in cataloger terms. Occurrences are compared per tag: an
    /// occurrence found unchanged anywhere among the other record's fields with that tag is Unchanged (reordering is
    /// not a change); the rest are paired in order (Changed), and what is left over is Added or Removed. The leader is
    /// compared without its length positions (00-04, 12-16), which depend on serialisation.
    /// </summary>
    public static class RecordComparer
    {
        public static IList<FieldChange> Compare(MarcRecord reference, MarcRecord difference, bool includeUnchanged = false)
        {
            if (reference == null) throw new ArgumentNullException(nameof(reference));
            if (difference == null) throw new ArgumentNullException(nameof(difference));
            var changes = new List<FieldChange>();
            string a = LeaderText(reference.Leader), b = LeaderText(difference.Leader);
            if (a != b) changes.Add(new FieldChange("LDR", 1, FieldChangeKind.Changed, a, b));
            else if (includeUnchanged) changes.Add(new FieldChange("LDR", 1, FieldChangeKind.Unchanged, a, b));

            foreach (string tag in TagsInOrder(reference, difference))
            {
                List<MarcField> olds = WithTag(reference, tag);
                List<MarcField> news = WithTag(difference, tag);
                var newUsed = new bool[news.Count];
                var oldUsed = new bool[olds.Count];
                for (int i = 0; i < olds.Count; i++)
                {
                    for (int j = 0; j < news.Count; j++)
                    {
                        if (newUsed[j] || !olds[i].ContentEquals(news[j])) continue;
                        newUsed[j] = oldUsed[i] = true;
                        if (includeUnchanged) changes.Add(new FieldChange(tag, i + 1, FieldChangeKind.Unchanged, olds[i].ToMarcText(), news[j].ToMarcText()));
                        break;
                    }
                }
                int next = 0;
                for (int i = 0; i < olds.Count; i++)
                {
                    if (oldUsed[i]) continue;
                    while (next < news.Count && newUsed[next]) next++;
                    if (next < news.Count)
                    {
                        newUsed[next] = true;
                        changes.Add(new FieldChange(tag, i + 1, FieldChangeKind.Changed, olds[i].ToMarcText(), news[next].ToMarcText()));
                    }
                    else
                    {
                        changes.Add(new FieldChange(tag, i + 1, FieldChangeKind.Removed, olds[i].ToMarcText(), null));
                    }
                }
                for (int j = 0; j < news.Count; j++)
                {
                    if (!newUsed[j]) changes.Add(new FieldChange(tag, j + 1, FieldChangeKind.Added, null, news[j].ToMarcText()));
                }
            }
            return changes;
        }

        internal static string LeaderText(Leader leader)
        {
            char[] c = leader.ToString().ToCharArray();
            for (int i = 0; i <= 4; i++) c[i] = '0';
            for (int i = 12; i <= 16; i++) c[i] = '0';
            return new string(c);
        }

        /// <summary>Fields with exactly this tag (a tag such as XYZ is not a pattern here).</summary>
        internal static List<MarcField> WithTag(MarcRecord record, string tag)
        {
            var list = new List<MarcField>();
            foreach (var f in record.Fields) if (string.Equals(f.Tag, tag, StringComparison.Ordinal)) list.Add(f);
            return list;
        }

        private static IEnumerable<string> TagsInOrder(MarcRecord a, MarcRecord b)
        {
            var tags = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var f in a.Fields) tags.Add(f.Tag);
            foreach (var f in b.Fields) tags.Add(f.Tag);
            return tags;
        }
    }
}
