using System;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>Options for <see cref="Iso2709Reader"/>. The defaults suit any input; none is needed for damaged files.</summary>
    public sealed class Iso2709ReaderOptions
    {
        private int _maxRecordBytes = 16 * 1024 * 1024;
        private int _bufferSize = 256 * 1024;

        /// <summary>Leave the stream open when the reader is disposed.</summary>
        public bool LeaveOpen { get; set; }

        /// <summary>
        /// Check that records whose leader/09 is 'a' are well-formed UTF-8 and warn (<c>InvalidUtf8</c>) when
        /// they are not. The bytes are kept either way. Default true.
        /// </summary>
        public bool ValidateUtf8 { get; set; } = true;

        /// <summary>
        /// Check the structure of data fields: indicators present, data starting with a subfield delimiter,
        /// subfield codes present and printable ASCII. Default true.
        /// </summary>
        public bool ValidateSubfields { get; set; } = true;

        /// <summary>
        /// The largest chunk the reader buffers while looking for a record terminator (default 16 MiB). Larger
        /// chunks are returned as an unreadable-record error in pieces of this size. Records of any length below
        /// this are read, including records over 99,999 bytes.
        /// </summary>
        public int MaxRecordBytes
        {
            get => _maxRecordBytes;
            set => _maxRecordBytes = value >= 100000 ? value : throw new ArgumentOutOfRangeException(nameof(value), "MaxRecordBytes must be at least 100,000.");
        }

        /// <summary>Initial size of the read buffer (default 256 KiB); it grows for larger records.</summary>
        public int BufferSize
        {
            get => _bufferSize;
            set => _bufferSize = value >= 4096 ? value : throw new ArgumentOutOfRangeException(nameof(value), "BufferSize must be at least 4,096.");
        }
    }
}
