using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>One record being validated: what the checks read (record, format, table) and where findings go.</summary>
    internal sealed class ValidationContext
    {
        private List<MarcFinding>? _findings;

        public ValidationContext(MarcRecord record, RecordKind kind, long recordNumber, RuleSwitches rules)
        {
            Record = record;
            Kind = kind;
            Table = MarcFormatTable.For(kind);
            RecordNumber = recordNumber;
            ByteOffset = record.Origin?.ByteOffset ?? -1;
            Rules = rules;
        }

        public MarcRecord Record { get; }

        public RecordKind Kind { get; }

        /// <summary>The format's tag table; null for formats without one.</summary>
        public MarcFormatTable? Table { get; }

        public long RecordNumber { get; }

        public long ByteOffset { get; }

        /// <summary>Which rules run, worked out once for the options.</summary>
        public RuleSwitches Rules { get; }

        /// <summary>The findings so far; a shared empty list while there are none (most records), so clean records allocate nothing for them.</summary>
        public IReadOnlyList<MarcFinding> Findings => (IReadOnlyList<MarcFinding>?)_findings ?? Array.Empty<MarcFinding>();

        /// <summary>True when the rule runs under the options (checks skip work for rules that are off).</summary>
        public bool IsOn(string ruleId) => Rules.IsOn(ruleId);

        public void Report(string ruleId, string message, string? tag = null, int occurrence = 0, int position = -1,
            int indicator = 0, char? subfield = null, ValidationSeverity? severity = null, long byteOffset = -1)
        {
            ValidationSeverity? s = Rules.Severity(ruleId, severity ?? MarcRuleCatalog.Get(ruleId).DefaultSeverity);
            if (s == null) return;
            (_findings ??= new List<MarcFinding>()).Add(new MarcFinding(ruleId, s.Value, message, RecordNumber, byteOffset >= 0 ? byteOffset : ByteOffset,
                tag, occurrence, position, indicator, subfield));
        }
    }
}
