namespace OclcCataloging.Actions
{
    /// <summary>One finding of OCLC's record validation, as a cataloger reads it.</summary>
    public sealed class ValidationIssue
    {
        /// <summary>RecordLevel, FixedField or VariableField (the group OCLC reported it in).</summary>
        public string Kind { get; set; } = "";

        /// <summary>The field's tag, when OCLC named one.</summary>
        public string? Tag { get; set; }

        /// <summary>The subfield code, when the message names one ("1st $c in 040").</summary>
        public string? Subfield { get; set; }

        /// <summary>Which occurrence of the field, when OCLC said.</summary>
        public int? Occurrence { get; set; }

        /// <summary>CRITICAL or MINOR, as OCLC grades it.</summary>
        public string? Level { get; set; }

        public string Message { get; set; } = "";

        public override string ToString() =>
            (Tag == null ? "" : Tag + (Subfield == null ? "" : " $" + Subfield) + ": ") + Message + (Level == null ? "" : " (" + Level + ")");
    }
}
