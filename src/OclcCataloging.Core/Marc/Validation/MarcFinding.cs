namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// One problem found in a record: the rule, its severity after options, a message, and where it is (record number,
    /// byte offset, tag, occurrence, character position, indicator position or subfield code; unknown parts are null, 0 or -1).
    /// </summary>
    public sealed class MarcFinding
    {
        public MarcFinding(string ruleId, ValidationSeverity severity, string message, long recordNumber, long byteOffset,
            string? tag, int occurrence, int position, int indicator, char? subfieldCode)
        {
            RuleId = ruleId;
            Severity = severity;
            Message = message;
            RecordNumber = recordNumber;
            ByteOffset = byteOffset;
            Tag = tag;
            Occurrence = occurrence;
            Position = position;
            Indicator = indicator;
            SubfieldCode = subfieldCode;
        }

        public string RuleId { get; }

        public ValidationSeverity Severity { get; }

        public string Message { get; }

        /// <summary>1-based number of the record in its source (or in the pipeline).</summary>
        public long RecordNumber { get; }

        /// <summary>Byte offset of the record (or of the problem, for reader diagnostics) in its file; -1 when unknown.</summary>
        public long ByteOffset { get; }

        /// <summary>The tag concerned, "LDR" for the leader, or null for the whole record.</summary>
        public string? Tag { get; }

        /// <summary>1-based occurrence of <see cref="Tag"/> in the record; 0 when not about one field.</summary>
        public int Occurrence { get; }

        /// <summary>Character position in the leader or a control field (0-based, as MARC 21 numbers them); -1 when not applicable.</summary>
        public int Position { get; }

        /// <summary>Indicator position (1 or 2); 0 when not about an indicator.</summary>
        public int Indicator { get; }

        public char? SubfieldCode { get; }

        /// <summary>Where, as a cataloger reads it: <c>245[1] $c</c>, <c>041[1] ind2</c>, <c>LDR/06</c>.</summary>
        public string Place
        {
            get
            {
                if (Tag == null) return "record";
                string s = Tag;
                if (Occurrence > 0) s += "[" + Occurrence + "]";
                if (Position >= 0) s += "/" + Position.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                if (Indicator > 0) s += " ind" + Indicator;
                if (SubfieldCode != null) s += " $" + SubfieldCode.Value;
                return s;
            }
        }

        public override string ToString() => Severity + " " + RuleId + " " + Place + ": " + Message;
    }
}
