namespace OclcCataloging.DataSync
{
    /// <summary>How serious a finding is.</summary>
    public enum FindingSeverity
    {
        /// <summary>OCLC would reject or mis-process the file or record.</summary>
        Error = 0,
        /// <summary>Allowed or undocumented, but worth a look (most decisions of docs/design/data-sync.md).</summary>
        Warning = 1,
    }

    /// <summary>One rule broken by a record, a file or a file name: a stable rule id, where, and why.</summary>
    public sealed class DataSyncFinding
    {
        public DataSyncFinding(string ruleId, FindingSeverity severity, string? tag, string? position, string message)
        {
            RuleId = ruleId;
            Severity = severity;
            Tag = tag;
            Position = position;
            Message = message;
        }

        /// <summary>The stable rule id (see <see cref="Lhr.LhrRules"/> and <see cref="FileNames.DataSyncFileNameRules"/>).</summary>
        public string RuleId { get; }

        public FindingSeverity Severity { get; }

        /// <summary>The tag concerned (LDR for the leader), or null.</summary>
        public string? Tag { get; }

        /// <summary>Position, subfield or occurrence within the tag (e.g. "06", "$b", "2nd 852"), or null.</summary>
        public string? Position { get; }

        public string Message { get; }

        public override string ToString()
            => RuleId + (Tag != null ? " " + Tag + (Position != null ? "/" + Position : string.Empty) : string.Empty) + ": " + Message;
    }
}
