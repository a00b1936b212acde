using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>One record being validated: what the checks read (record, format, table) and where findings go.</summary>
    internal sealed class ValidationContext
    {
        private readonly MarcValidationOptions _options;
        private readonly List<MarcFinding> _findings = new List<MarcFinding>();

        public ValidationContext(MarcRecord record, RecordKind kind, long recordNumber, MarcValidationOptions options)
        {
            Record = record;
            Kind = kind;
            Table = MarcFormatTable.For(kind);
            RecordNumber = recordNumber;
            ByteOffset = record.Origin?.ByteOffset ?? -1;
            _options = options;
        }

        public MarcRecord Record { get; }

        public RecordKind Kind { get; }

        /// <summary>The format's tag table; null for formats without one.</summary>
        public MarcFormatTable? Table { get; }

        public long RecordNumber { get; }

        public long ByteOffset { get; }

        public List<MarcFinding> Findings => _findings;

        /// <summary>True when the rule runs under the options (checks skip work for rules that are off).</summary>
        public bool IsOn(string ruleId) => _options.EffectiveSeverity(MarcRuleCatalog.Get(ruleId)) != null;

        public void Report(string ruleId, string message, string? tag = null, int occurrence = 0, int position = -1,
            int indicator = 0, char? subfield = null, ValidationSeverity? severity = null, long byteOffset = -1)
        {
            MarcRule rule = MarcRuleCatalog.Get(ruleId);
            ValidationSeverity? s = _options.EffectiveSeverity(rule, severity ?? rule.DefaultSeverity);
            if (s == null) return;
            _findings.Add(new MarcFinding(rule.Id, s.Value, message, RecordNumber, byteOffset >= 0 ? byteOffset : ByteOffset,
                tag, occurrence, position, indicator, subfield));
        }
    }
}
