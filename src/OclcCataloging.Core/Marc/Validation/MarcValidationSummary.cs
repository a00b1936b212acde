using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>Counts over many validated records: records, valid and invalid ones, findings per severity and per rule.</summary>
    public sealed class MarcValidationSummary
    {
        private readonly SortedDictionary<string, int> _byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);

        public long Records { get; private set; }

        public long ValidRecords { get; private set; }

        public long InvalidRecords => Records - ValidRecords;

        public long Errors { get; private set; }

        public long Warnings { get; private set; }

        public long Infos { get; private set; }

        /// <summary>Findings per rule id, in rule id order.</summary>
        public IReadOnlyDictionary<string, int> FindingsByRule => _byRule;

        /// <summary>The MARC 21 update the bibliographic table corresponds to.</summary>
        public string BibliographicTableUpdate => MarcFormatTable.Bibliographic.Update;

        [MethodImpl(Iso2709Constants.HotPath)]
        public void Add(MarcValidationResult result)
        {
            if (result == null) throw new ArgumentNullException(nameof(result));
            Records++;
            if (result.IsValid) ValidRecords++;
            Errors += result.ErrorCount;
            Warnings += result.WarningCount;
            Infos += result.InfoCount;
            foreach (MarcFinding f in result.Findings)
            {
                _byRule.TryGetValue(f.RuleId, out int n);
                _byRule[f.RuleId] = n + 1;
            }
        }
    }
}
