using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// What <see cref="MarcValidationOptions"/> decide for every rule, worked out once per change of the options instead
    /// of per check: whether the rule runs and the severity a rules file forces on it. The validator asks this
    /// millions of times a file (docs/design/marc-validation.md, "Speed").
    /// </summary>
    internal sealed class RuleSwitches
    {
        private static readonly Dictionary<string, int> IndexById = BuildIndex();

        private readonly bool[] _on;
        private readonly ValidationSeverity?[] _forced;
        private readonly bool[] _hasForced;

        public RuleSwitches(MarcValidationOptions options, int version)
        {
            IReadOnlyList<MarcRule> rules = MarcRuleCatalog.Rules;
            _on = new bool[rules.Count];
            _forced = new ValidationSeverity?[rules.Count];
            _hasForced = new bool[rules.Count];
            for (int i = 0; i < rules.Count; i++)
            {
                _on[i] = options.EffectiveSeverity(rules[i]) != null;
                if (options.TryGetOverride(rules[i].Id, out ValidationSeverity? s))
                {
                    _hasForced[i] = true;
                    _forced[i] = s;
                }
            }
            Version = version;
            ControlCharacter = IsOn(MarcRuleCatalog.ControlCharacter);
            FieldContent = IsOn(MarcRuleCatalog.IndicatorInvalid) || IsOn(MarcRuleCatalog.SubfieldUndefined) || IsOn(MarcRuleCatalog.SubfieldNotRepeatable);
            Encoding = IsOn(MarcRuleCatalog.EncodingMismatch) || IsOn(MarcRuleCatalog.LoneCombiningMark);
            LoneCombiningMark = IsOn(MarcRuleCatalog.LoneCombiningMark);
            NonfilingIndicator = IsOn(MarcRuleCatalog.NonfilingIndicator);
        }

        /// <summary>The options version these switches were made from.</summary>
        public int Version { get; }

        public bool ControlCharacter { get; }

        /// <summary>Any of the indicator and subfield-code rules runs.</summary>
        public bool FieldContent { get; }

        /// <summary>Any of the encoding rules runs.</summary>
        public bool Encoding { get; }

        public bool LoneCombiningMark { get; }

        public bool NonfilingIndicator { get; }

        public bool IsOn(string ruleId) => _on[IndexById[ruleId]];

        /// <summary>The severity a finding of the rule gets (its own one unless the options force another), or null when the rule is off.</summary>
        public ValidationSeverity? Severity(string ruleId, ValidationSeverity findingSeverity)
        {
            int i = IndexById[ruleId];
            if (!_on[i]) return null;
            return _hasForced[i] ? _forced[i] : findingSeverity;
        }

        private static Dictionary<string, int> BuildIndex()
        {
            var d = new Dictionary<string, int>(StringComparer.Ordinal);
            IReadOnlyList<MarcRule> rules = MarcRuleCatalog.Rules;
            for (int i = 0; i < rules.Count; i++) d.Add(rules[i].Id, i);
            return d;
        }
    }
}
