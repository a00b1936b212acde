using System.Collections.Generic;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>A finding about the input as a whole (a file, or records across files), written after the records.</summary>
    public sealed class LhrFileFinding
    {
        internal LhrFileFinding(string ruleId, FindingSeverity severity, string? file, string? oclcNumber, IReadOnlyList<long> ordinals, string message)
        {
            RuleId = ruleId;
            Severity = severity;
            File = file;
            OclcNumber = oclcNumber;
            Ordinals = ordinals;
            Message = message;
        }

        /// <summary>Always "File".</summary>
        public string ResultKind => "File";

        public string RuleId { get; }

        public FindingSeverity Severity { get; }

        /// <summary>False for an error, as <see cref="LhrRecordResult.IsValid"/> of a record: the summary is valid only when every result is.</summary>
        public bool IsValid => Severity != FindingSeverity.Error;

        /// <summary>The file concerned, or null when the finding spans files.</summary>
        public string? File { get; }

        /// <summary>The OCN concerned, or null.</summary>
        public string? OclcNumber { get; }

        /// <summary>Input positions of the records concerned (at most the first 100).</summary>
        public IReadOnlyList<long> Ordinals { get; }

        public string Message { get; }

        public override string ToString() => RuleId + ": " + Message;
    }
}
