using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>The outcome of checking one LHR: valid or not, excluded or not, the OCN, findings, the translated LHR.</summary>
    public sealed class LhrRecordResult
    {
        internal LhrRecordResult(MarcRecord record, long ordinal)
        {
            Record = record;
            Ordinal = ordinal;
        }

        /// <summary>Always "Record" (file-level findings are <see cref="LhrFileFinding"/> with "File").</summary>
        public string ResultKind => "Record";

        /// <summary>Position of the record in the whole input (1-based).</summary>
        public long Ordinal { get; }

        /// <summary>The file the record came from, or null.</summary>
        public string? SourcePath => Record.Origin?.SourcePath;

        /// <summary>Record number within its file, or 0.</summary>
        public long RecordInFile => Record.Origin?.Ordinal ?? 0;

        /// <summary>Byte offset of the record in its file, or -1.</summary>
        public long ByteOffset => Record.Origin?.ByteOffset ?? -1;

        /// <summary>001 of the LHR, if any.</summary>
        public string? ControlNumber => Record.ControlNumber;

        /// <summary>The OCN (digits, no leading zeros) from the configured location, or null.</summary>
        public string? OclcNumber { get; internal set; }

        /// <summary>Where the OCN was taken from (004, 014$a, 035$a), or null.</summary>
        public string? OclcNumberSource { get; internal set; }

        /// <summary>True when there are no errors (warnings allowed). An excluded record can still be valid.</summary>
        public bool IsValid => Errors.Count == 0;

        /// <summary>True when a leader/008 exclusion rule excludes the whole record from processing.</summary>
        public bool Excluded { get; internal set; }

        /// <summary>The exclusion rule that excluded the record, or null.</summary>
        public string? ExcludedBy { get; internal set; }

        /// <summary>Incoming 852 $a/$b/$c as "a/b/c".</summary>
        public string? Location { get; internal set; }

        /// <summary>Translated 852 $a/$b/$c as "a/b/c", or null without a table or without a match.</summary>
        public string? TranslatedLocation { get; internal set; }

        public List<DataSyncFinding> Errors { get; } = new List<DataSyncFinding>();

        public List<DataSyncFinding> Warnings { get; } = new List<DataSyncFinding>();

        /// <summary>The record as read.</summary>
        public MarcRecord Record { get; }

        /// <summary>The LHR as OCLC would load it: 852 $a/$b/$c and 008/20-21 from the table, excluded fields dropped.
        /// Null for excluded records. Without a table it is the record minus excluded fields.</summary>
        public MarcRecord? TranslatedRecord { get; internal set; }

        /// <summary>The numeric OCN for grouping (0 when none).</summary>
        internal long OcnValue { get; set; }

        internal string? Translated852b { get; set; }

        internal void Add(DataSyncFinding finding)
        {
            if (finding.Severity == FindingSeverity.Error) Errors.Add(finding); else Warnings.Add(finding);
        }

        public override string ToString() => "Record " + Ordinal + (IsValid ? " valid" : " invalid") + (OclcNumber != null ? " OCN " + OclcNumber : string.Empty);
    }
}
