using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.Search
{
    /// <summary>What one target did for one key: the query it sent, hits, downloaded records, or the error.</summary>
    public sealed class KeySearchOutcome
    {
        public KeySearchStatus Status { get; set; }

        /// <summary>The query as sent, in the target's language (CQL, WorldCat q=, id.loc.gov path).</summary>
        public string QuerySent { get; set; } = "";

        /// <summary>Null when the search itself failed before a count was known.</summary>
        public long? HitCount { get; set; }

        public List<MarcRecord> Records { get; } = new List<MarcRecord>();

        /// <summary>For OCLC-number keys and downloaded WorldCat records: requested → returned.</summary>
        public List<OclcNumberMapping> OclcNumbers { get; } = new List<OclcNumberMapping>();

        /// <summary>Short machine-readable kind of error: "HTTP 400 INVALID_QUERY_PARAMETER_VALUE", "SRU diagnostic 10", "Timeout", "Unsupported".</summary>
        public string? ErrorType { get; set; }

        /// <summary>Human-readable detail (never containing secrets).</summary>
        public string? ErrorDetail { get; set; }

        /// <summary>Last HTTP status seen, when the target speaks HTTP.</summary>
        public int? HttpStatus { get; set; }

        /// <summary>A fact the user may need to act on (e.g. an OCLC number searched in rec.id); None when there is none.</summary>
        public SearchAdvice Advice { get; set; }

        /// <summary>Requests attempted for this key, retries included.</summary>
        public int Attempts { get; set; }
    }
}
