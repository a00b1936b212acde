using System;
using OclcCataloging.Marc;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>What one conversion did: records in and out, what was rejected, warnings, bytes.</summary>
    public sealed class MarcConversionSummary
    {
        /// <summary>The file written (committed only when <see cref="Committed"/>).</summary>
        public string Destination { get; internal set; } = string.Empty;

        public MarcFormat Format { get; internal set; }

        public int Files { get; internal set; }

        /// <summary>Records read from the input files.</summary>
        public long RecordsIn { get; internal set; }

        /// <summary>Records written to the destination.</summary>
        public long RecordsOut { get; internal set; }

        /// <summary>Unreadable chunks of the input and records that could not be written.</summary>
        public long Rejected { get; internal set; }

        /// <summary>Runs of bytes outside any record.</summary>
        public long StrayByteRuns { get; internal set; }

        /// <summary>Records read with problems plus records written with a change.</summary>
        public long Warnings { get; internal set; }

        /// <summary>Bytes of the input files.</summary>
        public long BytesIn { get; internal set; }

        /// <summary>Bytes of the destination after the commit (0 before).</summary>
        public long BytesOut { get; internal set; }

        public bool Committed { get; internal set; }

        public TimeSpan Elapsed { get; internal set; }
    }
}
