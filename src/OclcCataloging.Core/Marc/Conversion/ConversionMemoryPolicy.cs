using System;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>
    /// The converter's memory policy, in one place (see docs/design/marc-conversion.md, "Memory"). Records live from
    /// the reading thread until the writing thread has written their chunk, so every garbage collection finds the
    /// chunks in flight alive and promotes them; left to the collector's own budgets, promoted records pile up in the
    /// older generations between their rare collections, and the process grows with the file. So the reading thread
    /// collects the young generations (the serialising threads' allocations included: they are the process's) every
    /// <see cref="MarcFileConverterOptions.CollectEveryBytes"/> of input: what is promoted dies young, and the heap stays about the size of the
    /// chunks in flight, whatever the size of the input.
    /// </summary>
    internal sealed class ConversionMemoryPolicy
    {
        /// <summary>
        /// Input read between collections by default. Converting to MARCXML allocates about 2.7 bytes per input byte, and
        /// the collector's own budget collects every 16 MB or so: collecting every 2 MiB of input (about 6 MB allocated)
        /// keeps the committed heap about 10 MB smaller (22 MB instead of 32 MB) for about 0.05 s more collecting per
        /// 256 MB of input, measured (6 MiB gained little, 1 MiB little more).
        /// </summary>
        internal const long DefaultCollectEveryBytes = 2 * 1024 * 1024;

        private readonly long _every;
        private readonly int _generation;
        private long _next;

        /// <param name="every">Input bytes between collections; 0 or less: leave it to the collector.</param>
        /// <param name="generation">The oldest generation collected (0 or 1).</param>
        internal ConversionMemoryPolicy(long every, int generation)
        {
            _every = every;
            _generation = Math.Max(0, Math.Min(1, generation));
            _next = every;
        }

        /// <summary>The reading thread has read <paramref name="totalBytes"/> bytes of input so far (over all files).</summary>
        internal void Read(long totalBytes)
        {
            if (_every <= 0 || totalBytes < _next) return;
            _next = totalBytes + _every;
            GC.Collect(_generation, GCCollectionMode.Forced, blocking: true);
        }
    }
}
