using System;

namespace OclcCataloging.Marc.Json
{
    /// <summary>Settings for <see cref="MarcJsonReader"/>.</summary>
    public sealed class MarcJsonReaderOptions
    {
        private int _maxRecordBytes = 64 * 1024 * 1024;

        /// <summary>Leave the stream open when the reader is disposed. Default false.</summary>
        public bool LeaveOpen { get; set; }

        /// <summary>
        /// Read <c>^</c> and <c>#</c> as blanks where MARC 21 never has them: in the leader, in indicators and in the
        /// fixed-length control fields 006, 007 and 008 (some producers, e.g. MARC::File::MiJ's test data, write
        /// <c>01470nam^a22004451^^4500</c>). Each record so changed gets one <c>BlankSubstitute</c> warning. Default true.
        /// </summary>
        public bool TranslateBlankSubstitutes { get; set; } = true;

        /// <summary>A record (one JSON object) longer than this is reported as unreadable. Default 64 MB.</summary>
        public int MaxRecordBytes
        {
            get => _maxRecordBytes;
            set
            {
                if (value < 1024) throw new ArgumentOutOfRangeException(nameof(value), "At least 1024 bytes.");
                _maxRecordBytes = value;
            }
        }

        internal MarcJsonReaderOptions Clone() => (MarcJsonReaderOptions)MemberwiseClone();
    }

    /// <summary>Settings for <see cref="MarcJsonWriter"/>.</summary>
    public sealed class MarcJsonWriterOptions
    {
        /// <summary>Write one JSON array (<c>[</c> records <c>]</c>) instead of newline-delimited JSON (one record per line, the default).</summary>
        public bool Array { get; set; }

        /// <summary>Leave the stream open when the writer is disposed. Default false.</summary>
        public bool LeaveOpen { get; set; }

        internal MarcJsonWriterOptions Clone() => (MarcJsonWriterOptions)MemberwiseClone();
    }
}
