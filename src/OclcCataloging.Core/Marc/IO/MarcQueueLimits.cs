using System;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// How much a queue between two threads of the MARC pipeline (<see cref="MarcReadAhead"/>,
    /// <see cref="MarcWriteBehind"/>) may hold: records travel in batches of at most <see cref="BatchRecords"/> records
    /// and about <see cref="BatchBytes"/> bytes, and at most <see cref="BatchesInFlight"/> batches wait. Memory stays
    /// flat however large the file: about (BatchesInFlight + 2) × BatchBytes of records at any time.
    /// </summary>
    public sealed class MarcQueueLimits
    {
        /// <summary>Records in one batch (default 64).</summary>
        public int BatchRecords { get; set; } = 64;

        /// <summary>A batch is handed over once its records hold this many bytes (default 256 KiB), even when not full.</summary>
        public long BatchBytes { get; set; } = 256 * 1024;

        /// <summary>Batches waiting at most (default 16); the producing thread waits while the queue is full.</summary>
        public int BatchesInFlight { get; set; } = 16;

        internal int Records => Math.Max(1, BatchRecords);

        internal long Bytes => Math.Max(1, BatchBytes);

        internal int InFlight => Math.Max(1, BatchesInFlight);
    }
}
