using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// Which rules run and how severe each one is: the level, then rule severities from a rules file
    /// (<see cref="MarcRulesFile"/>), then excluded rules (docs/design/marc-validation.md).
    /// </summary>
    public sealed class MarcValidationOptions
    {
        private readonly Dictionary<string, ValidationSeverity?> _overrides = new Dictionary<string, ValidationSeverity?>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _excluded = new List<string>();

        public static MarcValidationOptions Default { get; } = new MarcValidationOptions();

        private ValidationLevel _level = ValidationLevel.Full;

        public ValidationLevel Level
        {
            get => _level;
            set
            {
                _level = value;
                Version++;
            }
        }

        /// <summary>Changes on every change of the options, so a validator knows when to work out its rule switches again.</summary>
        internal int Version { get; private set; }

        /// <summary>Validate every record as this format instead of the one leader/06 gives (null: from leader/06).</summary>
        public RecordKind? RecordKind { get; set; }

        /// <summary>Gives <paramref name="ruleId"/> another severity, or turns it off (null).</summary>
        public void SetSeverity(string ruleId, ValidationSeverity? severity)
        {
            if (MarcRuleCatalog.Find(ruleId) == null) throw new ArgumentException("There is no validation rule '" + ruleId + "'.", nameof(ruleId));
            _overrides[ruleId] = severity;
            Version++;
        }

        /// <summary>Turns off the rules matching <paramref name="pattern"/> (a rule id, wildcards * and ? allowed).</summary>
        public void Exclude(string pattern)
        {
            if (string.IsNullOrEmpty(pattern)) throw new ArgumentException("A rule id or pattern is required.", nameof(pattern));
            if (FirstMatch(pattern) == null) throw new ArgumentException("No validation rule matches '" + pattern + "'.", nameof(pattern));
            _excluded.Add(pattern);
            Version++;
        }

        /// <summary>The severity the rule has under these options, or null when it does not run.</summary>
        public ValidationSeverity? EffectiveSeverity(MarcRule rule) => EffectiveSeverity(rule, rule.DefaultSeverity);

        /// <summary>As <see cref="EffectiveSeverity(MarcRule)"/>, for a finding whose own severity differs from the rule's default.</summary>
        public ValidationSeverity? EffectiveSeverity(MarcRule rule, ValidationSeverity findingSeverity)
        {
            if (rule.Level > Level) return null;
            foreach (string p in _excluded)
            {
                if (WildcardMatch(p, rule.Id)) return null;
            }
            return _overrides.TryGetValue(rule.Id, out ValidationSeverity? s) ? s : findingSeverity;
        }

        /// <summary>The severity a rules file set for the rule (null: off), when it set one.</summary>
        internal bool TryGetOverride(string ruleId, out ValidationSeverity? severity) => _overrides.TryGetValue(ruleId, out severity);

        private static MarcRule? FirstMatch(string pattern)
        {
            foreach (MarcRule r in MarcRuleCatalog.Rules)
            {
                if (WildcardMatch(pattern, r.Id)) return r;
            }
            return null;
        }

        internal static bool WildcardMatch(string pattern, string text)
        {
            return Match(pattern.ToUpperInvariant(), 0, text.ToUpperInvariant(), 0);
        }

        private static bool Match(string p, int i, string t, int j)
        {
            while (i < p.Length)
            {
                char c = p[i];
                if (c == '*')
                {
                    for (int k = j; k <= t.Length; k++)
                    {
                        if (Match(p, i + 1, t, k)) return true;
                    }
                    return false;
                }
                if (j >= t.Length || (c != '?' && c != t[j])) return false;
                i++;
                j++;
            }
            return j == t.Length;
        }
    }
}
