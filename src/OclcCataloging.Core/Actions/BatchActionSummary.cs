using System;
using System.Collections.Generic;
using OclcCataloging.Batch;

namespace OclcCataloging.Actions
{
    /// <summary>The action run as a whole, earlier sessions of a resumed run included.</summary>
    public sealed class BatchActionSummary : BatchRunSummary
    {
        public string Action { get; set; } = "";

        public int Total { get; set; }

        public int Done { get; set; }

        public int NoChange { get; set; }

        public int NotFound { get; set; }

        public int Refused { get; set; }

        public int Error { get; set; }

        public int Unknown { get; set; }

        /// <summary>The sum of the inputs' elapsed times.</summary>
        public TimeSpan ActionTime { get; set; }

        public double ActionsPerSecond => ActionTime.TotalSeconds > 0 ? Total / ActionTime.TotalSeconds : 0;

        /// <summary>The retained-input files by file name (notfound.txt, refused.txt, error.txt, unknown.txt).</summary>
        public IReadOnlyDictionary<string, string> RetainedPaths { get; set; } = new Dictionary<string, string>();
    }
}
