using System;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>What reading one input file found.</summary>
    public sealed class MarcInputFileStatistics
    {
        internal MarcInputFileStatistics(string file, long length, long records, long damaged, long unreadable, long stray, TimeSpan elapsed)
        {
            File = file;
            Length = length;
            Records = records;
            Damaged = damaged;
            Unreadable = unreadable;
            Stray = stray;
            Elapsed = elapsed;
        }

        public string File { get; }

        public long Length { get; }

        public long Records { get; }

        /// <summary>Records read with warnings.</summary>
        public long Damaged { get; }

        public long Unreadable { get; }

        /// <summary>Runs of bytes outside any record.</summary>
        public long Stray { get; }

        public TimeSpan Elapsed { get; }
    }
}
