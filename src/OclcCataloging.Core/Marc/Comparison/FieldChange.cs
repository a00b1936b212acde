namespace OclcCataloging.Marc.Comparison
{
    /// <summary>One field's difference between two versions of a record, in MarcEdit text (<c>=650  \0$aJazz.</c>).</summary>
    public sealed class FieldChange
    {
        public FieldChange(string tag, int occurrence, FieldChangeKind change, string? oldValue, string? newValue, string reason = "")
        {
            Tag = tag;
            Occurrence = occurrence;
            Change = change;
            OldValue = oldValue;
            NewValue = newValue;
            Reason = reason ?? string.Empty;
        }

        /// <summary>The tag, or LDR for the leader.</summary>
        public string Tag { get; }

        /// <summary>1 for the first field with the tag in the old version (the new one when the field was added), ...</summary>
        public int Occurrence { get; }

        public FieldChangeKind Change { get; }

        /// <summary>The field in the old (existing, reference) version, or null.</summary>
        public string? OldValue { get; }

        /// <summary>The field in the new (result, difference) version, or null.</summary>
        public string? NewValue { get; }

        /// <summary>Why, for merges and constant data ("local field", "lower brief level").</summary>
        public string Reason { get; }

        /// <summary>Which record the change belongs to (its OCLC number, else its 001); null until a caller sets it.</summary>
        public string? RecordId { get; private set; }

        /// <summary>A copy of this change that names its record.</summary>
        public FieldChange ForRecord(string? recordId) => new FieldChange(Tag, Occurrence, Change, OldValue, NewValue, Reason) { RecordId = recordId };

        public override string ToString() => Change + " " + Tag + ": " + (OldValue ?? "-") + " -> " + (NewValue ?? "-");
    }
}
