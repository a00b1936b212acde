using System;
using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.Search.Batch
{
    /// <summary>What happened to one key of a batch: one per key, one report row each.</summary>
    public sealed class BatchSearchResult
    {
        /// <summary>1-based position of the key among the non-blank key lines of the run.</summary>
        public int Sequence { get; set; }

        /// <summary>The key exactly as given.</summary>
        public string Key { get; set; } = "";

        /// <summary>Null when the key could not be parsed.</summary>
        public SearchKeyType? KeyType { get; set; }

        public string QuerySent { get; set; } = "";

        public string Target { get; set; } = "";

        public KeySearchStatus Status { get; set; }

        /// <summary>The key has no native equivalent on the target and was translated (derived keys).</summary>
        public bool Translated { get; set; }

        public long? HitCount { get; set; }

        public int RecordsDownloaded { get; set; }

        /// <summary>Requested→returned OCLC numbers: "123->456; 789->789".</summary>
        public string OclcNumbers { get; set; } = "";

        /// <summary>Title of the first record (245), or the heading (1XX) of an authority record.</summary>
        public string? FirstTitle { get; set; }

        public string? ErrorType { get; set; }

        public string? ErrorDetail { get; set; }

        public int? HttpStatus { get; set; }

        /// <summary>A fact about the outcome the user may need to act on; None when there is none (not kept in the report).</summary>
        public SearchAdvice Advice { get; set; }

        public int Attempts { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>The downloaded records; empty when IncludeRecordsInResults is off and for keys of earlier sessions.</summary>
        public IReadOnlyList<MarcRecord> Records { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>A copy without the records: what the session keeps for the report, so memory stays flat on long runs.</summary>
        internal BatchSearchResult WithoutRecords()
        {
            var row = (BatchSearchResult)MemberwiseClone();
            row.Records = Array.Empty<MarcRecord>();
            return row;
        }

        public override string ToString() => Sequence + " " + Key + ": " + Status;
    }
}
