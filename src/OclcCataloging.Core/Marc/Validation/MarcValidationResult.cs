using System.Collections.Generic;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>The outcome of validating one record: its findings and counts by severity.</summary>
    public sealed class MarcValidationResult
    {
        [MethodImpl(Iso2709Constants.HotPath)]
        internal MarcValidationResult(MarcRecord record, RecordKind kind, long recordNumber, IReadOnlyList<MarcFinding> findings)
        {
            Record = record;
            RecordKind = kind;
            RecordNumber = recordNumber;
            Findings = findings;
            foreach (MarcFinding f in findings)
            {
                switch (f.Severity)
                {
                    case ValidationSeverity.Error: ErrorCount++; break;
                    case ValidationSeverity.Warning: WarningCount++; break;
                    default: InfoCount++; break;
                }
            }
        }

        public MarcRecord Record { get; }

        /// <summary>The format the record was validated as.</summary>
        public RecordKind RecordKind { get; }

        public long RecordNumber { get; }

        /// <summary>The 001 of the record, or null.</summary>
        public string? ControlNumber => Record.ControlNumber;

        /// <summary>Where the record was read from (null for a record built in memory).</summary>
        public MarcOrigin? Origin => Record.Origin;

        /// <summary>True when no finding has severity Error.</summary>
        public bool IsValid => ErrorCount == 0;

        public int ErrorCount { get; }

        public int WarningCount { get; }

        public int InfoCount { get; }

        public IReadOnlyList<MarcFinding> Findings { get; }
    }
}
