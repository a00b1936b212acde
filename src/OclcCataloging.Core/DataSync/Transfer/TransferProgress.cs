using System;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>Where a transfer stands: bytes so far (including bytes resumed), total, and the time left at the rate so far.</summary>
    public sealed class TransferProgress
    {
        internal TransferProgress(string name, long bytes, long total, long resumedFrom, TimeSpan elapsed)
        {
            Name = name;
            Bytes = bytes;
            Total = total;
            ResumedFrom = resumedFrom;
            Elapsed = elapsed;
        }

        public string Name { get; }

        public long Bytes { get; }

        public long Total { get; }

        /// <summary>Bytes already on the server when this transfer began (not counted in the rate).</summary>
        public long ResumedFrom { get; }

        public TimeSpan Elapsed { get; }

        public int PercentComplete => Total <= 0 ? 100 : (int)Math.Min(100, Bytes * 100 / Total);

        /// <summary>Bytes per second moved by this transfer; 0 before the first measurable interval.</summary>
        public double BytesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : (Bytes - ResumedFrom) / Elapsed.TotalSeconds;

        /// <summary>The time left at the rate so far, or null while the rate is unknown.</summary>
        public TimeSpan? Remaining => BytesPerSecond <= 0 ? (TimeSpan?)null : TimeSpan.FromSeconds((Total - Bytes) / BytesPerSecond);
    }
}
