using System;

namespace OclcCataloging.Batch
{
    /// <summary>What every batch run's summary says: when, whether it finished, and where its files are.</summary>
    public abstract class BatchRunSummary
    {
        /// <summary>When the run's first session started.</summary>
        public DateTimeOffset Started { get; set; }

        public DateTimeOffset Ended { get; set; }

        /// <summary>Ended − Started (includes pauses between sessions of a resumed run).</summary>
        public TimeSpan Elapsed => Ended - Started;

        /// <summary>Null when the run finished; "Cancelled", or the target's reason ("RateLimited", "DailyBudgetExhausted", "MissingScope", ...).</summary>
        public string? StoppedReason { get; set; }

        /// <summary>When the target may be used again, when it said so.</summary>
        public DateTimeOffset? RetryAfter { get; set; }

        public bool Finished => StoppedReason == null;

        public string? ReportPath { get; set; }

        public string? HtmlReportPath { get; set; }

        /// <summary>Kept when the run stopped: rerun with Resume to continue.</summary>
        public string? StatePath { get; set; }
    }
}
