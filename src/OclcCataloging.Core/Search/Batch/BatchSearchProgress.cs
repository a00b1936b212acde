using System;

namespace OclcCataloging.Search.Batch
{
    /// <summary>Raised after each key searched: counts so far (earlier sessions included) and time left.</summary>
    public sealed class BatchSearchProgress : EventArgs
    {
        public BatchSearchProgress(BatchSearchResult current, int keysDone, int? totalKeys, long hits, int found, int notFound, int tooMany, int error, TimeSpan elapsed, TimeSpan? estimatedRemaining)
        {
            Current = current;
            KeysDone = keysDone;
            TotalKeys = totalKeys;
            Hits = hits;
            Found = found;
            NotFound = notFound;
            TooMany = tooMany;
            Error = error;
            Elapsed = elapsed;
            EstimatedRemaining = estimatedRemaining;
        }

        /// <summary>The key just finished.</summary>
        public BatchSearchResult Current { get; }

        public int KeysDone { get; }

        /// <summary>As set on the session; null when unknown (keys streamed from the pipeline).</summary>
        public int? TotalKeys { get; }

        /// <summary>Sum of the hit counts.</summary>
        public long Hits { get; }

        public int Found { get; }

        public int NotFound { get; }

        public int TooMany { get; }

        public int Error { get; }

        /// <summary>This session's time so far.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Keys left × this session's mean time per key; null when TotalKeys is unknown.</summary>
        public TimeSpan? EstimatedRemaining { get; }

        /// <summary>0..100 when TotalKeys is known, else -1 (PowerShell's "no percentage").</summary>
        public int PercentComplete => TotalKeys.HasValue && TotalKeys.Value > 0 ? Math.Min(100, (int)(100L * KeysDone / TotalKeys.Value)) : -1;
    }
}
