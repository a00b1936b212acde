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

        /// <summary>Records per batch handed from the reading thread to the writing thread.</summary>
        public int BatchSize { get; set; } = 128;

        /// <summary>Batches that may wait between the two threads (bounds the memory in flight).</summary>
        public int BatchesInFlight { get; set; } = 4;
    }
}
