using System;
using OclcCataloging.Batch;

namespace OclcCataloging.Search.Batch
{
    /// <summary>The run as a whole, earlier sessions of a resumed run included.</summary>
    public sealed class BatchSearchSummary : BatchRunSummary
    {
        public string Target { get; set; } = "";

        public int KeysTotal { get; set; }

        public int Found { get; set; }

        public int NotFound { get; set; }

        public int TooMany { get; set; }

        public int Error { get; set; }

        public long RecordsDownloaded { get; set; }

        /// <summary>Time spent searching: the sum of the keys' elapsed times.</summary>
        public TimeSpan SearchTime { get; set; }

        /// <summary>Keys per second of search time (0 before any key).</summary>
        public double KeysPerSecond => SearchTime.TotalSeconds > 0 ? KeysTotal / SearchTime.TotalSeconds : 0;

        public string? NotFoundKeysPath { get; set; }

        public string? TooManyKeysPath { get; set; }

        public string? ErrorKeysPath { get; set; }
    }
}
