using System;
using System.Collections.Generic;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>How often one rule was broken.</summary>
    public sealed class LhrRuleCount
    {
        internal LhrRuleCount(string ruleId, FindingSeverity severity) { RuleId = ruleId; Severity = severity; }

        public string RuleId { get; }

        /// <summary>What the rule checks (<see cref="LhrRuleDescriptions"/>).</summary>
        public string Description => LhrRuleDescriptions.Describe(RuleId);

        public FindingSeverity Severity { get; }

        /// <summary>Number of findings (a record can break a rule more than once).</summary>
        public long Count { get; internal set; }

        /// <summary>Input position of the first record concerned (0 for file findings without records).</summary>
        public long FirstRecord { get; internal set; }

        /// <summary>The first message, as an example.</summary>
        public string Example { get; internal set; } = string.Empty;
    }

    /// <summary>Counts for a whole run of Test-LhrRecord -Summary.</summary>
    public sealed class LhrValidationSummary
    {
        private readonly Dictionary<string, LhrRuleCount> _rules = new Dictionary<string, LhrRuleCount>(StringComparer.Ordinal);

        public long Records { get; private set; }

        public long Valid { get; private set; }

        public long Invalid { get; private set; }

        public long Excluded { get; private set; }

        public long WithWarnings { get; private set; }

        public long FileErrors { get; private set; }

        public long FileWarnings { get; private set; }

        /// <summary>Records left out because they are not holdings records (leader/06 not u, v, x or y).</summary>
        public long NotHoldings { get; internal set; }

        /// <summary>One entry per rule broken, errors first, then by count.</summary>
        public IReadOnlyList<LhrRuleCount> Rules
        {
            get
            {
                var list = new List<LhrRuleCount>(_rules.Values);
                list.Sort((x, y) => x.Severity != y.Severity ? x.Severity.CompareTo(y.Severity) : x.Count != y.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.RuleId, y.RuleId));
                return list;
            }
        }

        /// <summary>True when no record and no file finding has an error.</summary>
        public bool IsValid => Invalid == 0 && FileErrors == 0;

        public void Add(LhrRecordResult result)
        {
            Records++;
            if (result.IsValid) Valid++; else Invalid++;
            if (result.Excluded) Excluded++;
            if (result.Warnings.Count > 0) WithWarnings++;
            foreach (var f in result.Errors) Count(f.RuleId, f.Severity, result.Ordinal, f.Message);
            foreach (var f in result.Warnings) Count(f.RuleId, f.Severity, result.Ordinal, f.Message);
        }

        public void Add(LhrFileFinding finding)
        {
            if (finding.Severity == FindingSeverity.Error) FileErrors++; else FileWarnings++;
            Count(finding.RuleId, finding.Severity, finding.Ordinals.Count > 0 ? finding.Ordinals[0] : 0, finding.Message);
        }

        private void Count(string rule, FindingSeverity severity, long ordinal, string message)
        {
            string key = rule + "|" + (int)severity;
            if (!_rules.TryGetValue(key, out var c))
            {
                _rules[key] = c = new LhrRuleCount(rule, severity) { FirstRecord = ordinal, Example = message };
            }
            c.Count++;
        }

        public override string ToString() => Records + " records: " + Valid + " valid, " + Invalid + " invalid, " + Excluded + " excluded";
    }
}
