using System;

namespace OclcCataloging.Search.Batch
{
    /// <summary>The run as a whole, earlier sessions of a resumed run included.</summary>
    public sealed class BatchSearchSummary
    {
        public string Target { get; set; } = "";

        public int KeysTotal { get; set; }

        public int Found { get; set; }

        public int NotFound { get; set; }

        public int TooMany { get; set; }

        public int Error { get; set; }

        public long RecordsDownloaded { get; set; }

        /// <summary>When the run's first session started.</summary>
        public DateTimeOffset Started { get; set; }

        public DateTimeOffset Ended { get; set; }

        /// <summary>Ended − Started (includes pauses between sessions of a resumed run).</summary>
        public TimeSpan Elapsed => Ended - Started;

        /// <summary>Time spent searching: the sum of the keys' elapsed times.</summary>
        public TimeSpan SearchTime { get; set; }

        /// <summary>Keys per second of search time (0 before any key).</summary>
        public double KeysPerSecond => SearchTime.TotalSeconds > 0 ? KeysTotal / SearchTime.TotalSeconds : 0;

        /// <summary>Null when the run finished; "Cancelled", or the target's reason ("RateLimited", "DailyBudgetExhausted", ...).</summary>
        public string? StoppedReason { get; set; }

        /// <summary>When the target may be used again, when it said so.</summary>
        public DateTimeOffset? RetryAfter { get; set; }

        public bool Finished => StoppedReason == null;

        public string? ReportPath { get; set; }

        public string? HtmlReportPath { get; set; }

        /// <summary>Kept when the run stopped: rerun with Resume to continue.</summary>
        public string? StatePath { get; set; }

        public string? NotFoundKeysPath { get; set; }

        public string? TooManyKeysPath { get; set; }

        public string? ErrorKeysPath { get; set; }
    }
}
