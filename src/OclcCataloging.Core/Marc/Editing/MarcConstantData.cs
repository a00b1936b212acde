using System;
using System.Collections.Generic;
using OclcCataloging.Marc.Comparison;

namespace OclcCataloging.Marc.Editing
{
    /// <summary>
    /// A named set of fields and subfields applied to records (Connexion's constant data). Entries apply in order;
    /// each says what happens when the record already has the field (<see cref="ConstantDataMode"/>). A subfield entry
    /// on a record without the field creates the field with blank indicators. See docs/design/ils-merge-rules.md.
    /// </summary>
    public sealed class MarcConstantData
    {
        public MarcConstantData(string name, IEnumerable<ConstantDataEntry> entries)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Entries = new List<ConstantDataEntry>(entries ?? throw new ArgumentNullException(nameof(entries)));
        }

        public string Name { get; }

        public IReadOnlyList<ConstantDataEntry> Entries { get; }

        public int EntryCount => Entries.Count;

        /// <summary>The record with the constant data applied (a copy; the input never changes), and what changed.</summary>
        public MarcRecord Apply(MarcRecord record, out IList<FieldChange> changes)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            MarcRecord copy = record.Clone();
            changes = new List<FieldChange>();
            foreach (ConstantDataEntry e in Entries)
            {
                if (e.IsSubfieldEntry) ApplySubfield(copy, e, changes);
                else ApplyField(copy, e, changes);
            }
            return copy;
        }

        private void ApplyField(MarcRecord record, ConstantDataEntry e, IList<FieldChange> changes)
        {
            List<MarcField> existing = RecordComparer.WithTag(record, e.Tag);
            MarcField field = e.NewField();
            string reason = "constant data '" + Name + "' (" + e.Mode + ")";
            if (e.Mode == ConstantDataMode.Skip && existing.Count > 0)
            {
                changes.Add(new FieldChange(e.Tag, 1, FieldChangeKind.Kept, existing[0].ToMarcText(), existing[0].ToMarcText(), reason + ": the record has " + e.Tag));
                return;
            }
            if (e.Mode == ConstantDataMode.Replace && existing.Count > 0)
            {
                int at = record.Fields.IndexOf(existing[0]);
                for (int i = 0; i < existing.Count; i++)
                {
                    record.Fields.Remove(existing[i]);
                    changes.Add(i == 0
                        ? new FieldChange(e.Tag, 1, FieldChangeKind.Replaced, existing[0].ToMarcText(), field.ToMarcText(), reason)
                        : new FieldChange(e.Tag, i + 1, FieldChangeKind.Removed, existing[i].ToMarcText(), null, reason));
                }
                record.Fields.Insert(at, field);
                return;
            }
            record.InsertFieldInOrder(field);
            changes.Add(new FieldChange(e.Tag, existing.Count + 1, FieldChangeKind.Added, null, field.ToMarcText(), reason));
        }

        private void ApplySubfield(MarcRecord record, ConstantDataEntry e, IList<FieldChange> changes)
        {
            string reason = "constant data '" + Name + "' (" + e.Mode + ")";
            List<MarcField> existing = RecordComparer.WithTag(record, e.Tag);
            if (existing.Count == 0)
            {
                var created = new DataField(e.Tag, ' ', ' ');
                created.AddSubfield(e.SubfieldCode, e.Value!);
                record.InsertFieldInOrder(created);
                changes.Add(new FieldChange(e.Tag, 1, FieldChangeKind.Added, null, created.ToMarcText(), reason));
                return;
            }
            int occurrence = 0;
            foreach (MarcField f in existing)
            {
                occurrence++;
                if (!(f is DataField d)) continue;
                string before = d.ToMarcText();
                bool has = d.HasSubfield(e.SubfieldCode);
                if (e.Mode == ConstantDataMode.Skip && has)
                {
                    changes.Add(new FieldChange(e.Tag, occurrence, FieldChangeKind.Kept, before, before, reason + ": the field has $" + e.SubfieldCode));
                    continue;
                }
                if (e.Mode == ConstantDataMode.Replace && has)
                {
                    d.SetSubfield(e.SubfieldCode, e.Value!);
                    bool first = true;
                    for (int i = 0; i < d.Subfields.Count; i++)
                    {
                        if (d.Subfields[i].Code != e.SubfieldCode) continue;
                        if (first) { first = false; continue; }
                        d.Subfields.RemoveAt(i--);
                    }
                }
                else
                {
                    d.AddSubfield(e.SubfieldCode, e.Value!);
                }
                string after = d.ToMarcText();
                changes.Add(new FieldChange(e.Tag, occurrence, before == after ? FieldChangeKind.Unchanged : FieldChangeKind.Changed, before, after, reason));
            }
        }
    }
}
