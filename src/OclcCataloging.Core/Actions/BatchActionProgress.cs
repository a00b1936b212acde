using System;

namespace OclcCataloging.Actions
{
    /// <summary>Raised after each input: counts so far (earlier sessions included) and time left.</summary>
    public sealed class BatchActionProgress : EventArgs
    {
        public BatchActionProgress(BatchActionResult current, int done, int? total, TimeSpan elapsed, TimeSpan? estimatedRemaining, int notDone)
        {
            Current = current;
            InputsDone = done;
            TotalInputs = total;
            Elapsed = elapsed;
            EstimatedRemaining = estimatedRemaining;
            NotDone = notDone;
        }

        public BatchActionResult Current { get; }

        public int InputsDone { get; }

        public int? TotalInputs { get; }

        /// <summary>Inputs so far whose status is not Done.</summary>
        public int NotDone { get; }

        public TimeSpan Elapsed { get; }

        public TimeSpan? EstimatedRemaining { get; }

        public int PercentComplete => TotalInputs.HasValue && TotalInputs.Value > 0 ? Math.Min(100, (int)(100L * InputsDone / TotalInputs.Value)) : -1;
    }
}
