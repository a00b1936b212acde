using System;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>Settings for <see cref="MarcFileConverter"/>.</summary>
    public sealed class MarcFileConverterOptions
    {
        /// <summary>The format of the input files; <see cref="MarcFormat.Auto"/> (the default) detects it from each file's content.</summary>
        public MarcFormat InputFormat { get; set; } = MarcFormat.Auto;

        /// <summary>How each input record's character coding is decided (as <see cref="MarcFileReader.Open"/>).</summary>
        public MarcEncoding InputEncoding { get; set; } = MarcEncoding.Leader;

        /// <summary>
        /// <see cref="MarcEncoding.Utf8"/> or <see cref="MarcEncoding.Marc8"/>: each record is converted to it before it is
        /// written (<see cref="MarcEncodingConverter.ToEncoding"/>). <see cref="MarcEncoding.Leader"/> (default): written as read.
        /// </summary>
        public MarcEncoding OutputEncoding { get; set; } = MarcEncoding.Leader;

        /// <summary>The writer's settings (read-only files, oversize policy, JSON array); its Diagnostic callback is the converter's own.</summary>
        public MarcFileWriterOptions Writer { get; set; } = new MarcFileWriterOptions();

        /// <summary>Unreadable chunks in a row after which the rest of a file is skipped (default 100; 0: read to the end).</summary>
        public long MaxUnreadableInARow { get; set; } = 100;

        /// <summary>The most <see cref="Threads"/> used.</summary>
        public const int MaxThreads = 64;

        /// <summary>
        /// Threads that convert and serialise records side by side, a batch each (default: the processor count, at most
        /// <see cref="MaxThreads"/>). 0 or 1: the writing thread converts and serialises each record itself. The output
        /// and what is reported are the same whatever the number.
        /// </summary>
        public int Threads { get; set; } = Environment.ProcessorCount;

        /// <summary>
        /// The batches handed from the reading thread on: records and bytes per batch, batches read and not yet written
        /// (bounds the memory in flight; at least one more than <see cref="Threads"/>). Default: <see cref="MarcQueueLimits.ForConversion"/>.
        /// </summary>
        public MarcQueueLimits Queue { get; set; } = MarcQueueLimits.ForConversion();

        /// <summary>Input bytes between collections of the young generations (<see cref="ConversionMemoryPolicy"/>); 0: none.</summary>
        internal long CollectEveryBytes { get; set; } = ConversionMemoryPolicy.DefaultCollectEveryBytes;

        /// <summary>The oldest generation those collections collect (0 or 1).</summary>
        internal int CollectGeneration { get; set; }
    }
}
