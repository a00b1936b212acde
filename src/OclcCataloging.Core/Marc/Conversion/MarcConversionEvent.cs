using System;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>
    /// One thing a <see cref="MarcFileConverter"/> has to report, in the order reading a file and then writing each
    /// record would report it: a record's read warnings come before its write problems, a file's end after its last record.
    /// </summary>
    public sealed class MarcConversionEvent
    {
        internal MarcConversionEvent(MarcConversionEventKind kind, string? file = null)
        {
            Kind = kind;
            File = file;
        }

        public MarcConversionEventKind Kind { get; }

        /// <summary>The input file concerned (file events and read events), or null.</summary>
        public string? File { get; }

        public MarcRecord? Record { get; internal set; }

        /// <summary>For write events: the record's number among the records read (1-based, over all input files).</summary>
        public long RecordNumber { get; internal set; }

        public MarcReadError? ReadError { get; internal set; }

        public MarcStrayBytes? StrayBytes { get; internal set; }

        public MarcDiagnostic? Diagnostic { get; internal set; }

        /// <summary>A <see cref="MarcDiagnosticCodes"/> code for <see cref="MarcConversionEventKind.RecordNotWritten"/>.</summary>
        public string? Code { get; internal set; }

        public string? Message { get; internal set; }

        public Exception? Exception { get; internal set; }

        public MarcFormat Format { get; internal set; }

        public bool FormatDetected { get; internal set; }

        /// <summary>The input file's length in bytes (<see cref="MarcConversionEventKind.FileOpened"/>).</summary>
        public long Length { get; internal set; }

        /// <summary>Unreadable chunks in a row (<see cref="MarcConversionEventKind.GaveUp"/>).</summary>
        public long Count { get; internal set; }

        public MarcInputFileStatistics? FileStatistics { get; internal set; }
    }
}
