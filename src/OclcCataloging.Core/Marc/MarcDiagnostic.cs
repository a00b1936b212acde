namespace OclcCataloging.Marc
{
    public enum MarcSeverity
    {
        Warning = 0,
        Error = 1,
    }

    /// <summary>
    /// A problem found while reading or writing a record: a stable <see cref="Code"/> (see
    /// <see cref="MarcDiagnosticCodes"/>), a message saying what was wrong, and where.
    /// </summary>
    public sealed class MarcDiagnostic
    {
        public MarcDiagnostic(MarcSeverity severity, string code, string message, long byteOffset = -1, string? tag = null)
        {
            Severity = severity;
            Code = code;
            Message = message;
            ByteOffset = byteOffset;
            Tag = tag;
        }

        public MarcSeverity Severity { get; }

        /// <summary>Stable identifier of the kind of problem, e.g. <c>RecordLengthMismatch</c>.</summary>
        public string Code { get; }

        public string Message { get; }

        /// <summary>Absolute byte offset in the source where the problem is, or -1 when not applicable.</summary>
        public long ByteOffset { get; }

        /// <summary>The field tag concerned, when the problem is in one field.</summary>
        public string? Tag { get; }

        public override string ToString()
        {
            string s = Code + ": " + Message;
            if (Tag != null) s += " (tag " + Tag + ")";
            if (ByteOffset >= 0) s += " at byte " + ByteOffset;
            return s;
        }
    }
}
