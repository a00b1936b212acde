using System.Collections.Generic;
using OclcCataloging.Oclc;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>The collection settings an LHR file is checked against.</summary>
    public sealed class LhrValidationOptions
    {
        /// <summary>Where the collection's MFHD tab says the OCN is: Field004, Field014 or Field035.</summary>
        public OclcNumberLocation OclcNumberLocation { get; set; } = OclcNumberLocation.Field004;

        public LhrCollectionType CollectionType { get; set; } = LhrCollectionType.LocalHoldings;

        /// <summary>The holdings translation table, or null (then 852 is only checked for a location to translate).</summary>
        public HoldingsTranslationTable? TranslationTable { get; set; }

        public IList<ExclusionRule> ExclusionRules { get; set; } = new List<ExclusionRule>();

        /// <summary>Decision 6 of docs/design/oclc-numbers.md: two OCN-bearing fields with the same number are a warning instead of an error.</summary>
        public bool AllowRepeatedSameOcn { get; set; }

        /// <summary>Build the translated LHR (a copy of the record as OCLC would load it).</summary>
        public bool Translate { get; set; } = true;

        /// <summary>Records per upload file (docs/design/data-sync.md).</summary>
        public int MaxRecordsPerFile { get; set; } = 100000;

        /// <summary>My Files upload limit in bytes (1 GB,).</summary>
        public long MaxFileBytes { get; set; } = 1L << 30;

        /// <summary>LHRs per bibliographic record ().</summary>
        public int MaxLhrsPerBib { get; set; } = 10000;
    }
}
