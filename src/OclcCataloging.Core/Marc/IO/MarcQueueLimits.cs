using System;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// How much a queue between two threads of MARC reading and writing may hold, in one place for the pipeline
    /// (<see cref="MarcReadAhead"/>, <see cref="MarcWriteBehind"/>) and for the converter
    /// (<see cref="Conversion.MarcFileConverter"/>, see <see cref="ForConversion"/>): records travel in batches of at
    /// most <see cref="BatchRecords"/> records and about <see cref="BatchBytes"/> bytes, and at most
    /// <see cref="BatchesInFlight"/> batches wait. Memory stays flat however large the file: about
    /// (BatchesInFlight + 2) × BatchBytes of records at any time.
    /// </summary>
    public sealed class MarcQueueLimits
    {
        /// <summary>
        /// Records in one batch unless set otherwise: enough that handing a batch over costs little per record, few
        /// enough that the other thread starts soon. A pipeline that reads ahead also hands records from its reading
        /// command to its writing command in batches of this size.
        /// </summary>
        public const int DefaultBatchRecords = 64;

        /// <summary>Records in one batch (default <see cref="DefaultBatchRecords"/>).</summary>
        public int BatchRecords { get; set; } = DefaultBatchRecords;

        /// <summary>A batch is handed over once its records hold this many bytes (default 256 KiB), even when not full.</summary>
        public long BatchBytes { get; set; } = 256 * 1024;

        /// <summary>Batches waiting at most (default 16); the producing thread waits while the queue is full.</summary>
        public int BatchesInFlight { get; set; } = 16;

        /// <summary>
        /// The converter's limits: each batch is serialised whole into one buffer by one thread, so its batches may be
        /// larger (1 MiB of input) and fewer wait (4, and never fewer than one per serialising thread plus the one being
        /// written; the converter sees to that).
        /// </summary>
        public static MarcQueueLimits ForConversion() => new MarcQueueLimits { BatchBytes = 1024 * 1024, BatchesInFlight = 4 };

        internal int Records => Math.Max(1, BatchRecords);

        internal long Bytes => Math.Max(1, BatchBytes);

        internal int InFlight => Math.Max(1, BatchesInFlight);
    }
}
