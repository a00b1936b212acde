using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Editing
{
    /// <summary>
    /// Removes selected fields or subfields from a record (Connexion's "fields to delete on export"). A data field
    /// left with no subfield after a subfield removal is removed too. See docs/design/ils-merge-rules.md.
    /// </summary>
    public static class FieldRemoval
    {
        /// <summary>
        /// The record without the selected fields and subfields: a copy when anything is removed, the record itself
        /// otherwise (so the caller's record never changes).
        /// </summary>
        public static MarcRecord Apply(MarcRecord record, IReadOnlyList<FieldSelector> selectors)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (selectors == null || selectors.Count == 0 || !AnySelected(record, selectors)) return record;
            MarcRecord copy = record.Clone();
            RemoveInPlace(copy, selectors);
            return copy;
        }

        /// <summary>Removes the selected fields and subfields from <paramref name="record"/>; returns how many fields and subfields went.</summary>
        public static int RemoveInPlace(MarcRecord record, IReadOnlyList<FieldSelector> selectors)
        {
            int removed = 0;
            for (int i = record.Fields.Count - 1; i >= 0; i--)
            {
                MarcField field = record.Fields[i];
                foreach (FieldSelector s in selectors)
                {
                    if (!s.Matches(field)) continue;
                    if (s.SelectsWholeFields)
                    {
                        record.Fields.RemoveAt(i);
                        removed++;
                        break;
                    }
                    if (field is DataField d)
                    {
                        foreach (char code in s.SubfieldCodes) removed += d.RemoveSubfields(code);
                        if (d.Subfields.Count == 0)
                        {
                            record.Fields.RemoveAt(i);
                            break;
                        }
                    }
                }
            }
            return removed;
        }

        private static bool AnySelected(MarcRecord record, IReadOnlyList<FieldSelector> selectors)
        {
            foreach (MarcField field in record.Fields)
            {
                foreach (FieldSelector s in selectors)
                {
                    if (!s.Matches(field)) continue;
                    if (s.SelectsWholeFields) return true;
                    if (field is DataField d)
                    {
                        foreach (char code in s.SubfieldCodes) if (d.HasSubfield(code)) return true;
                    }
                }
            }
            return false;
        }
    }
}
