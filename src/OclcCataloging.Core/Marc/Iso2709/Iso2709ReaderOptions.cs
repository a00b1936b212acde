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
        /// How each record's character coding is decided: <see cref="MarcEncoding.Leader"/> (default: leader/09,
        /// verified against the bytes), <see cref="MarcEncoding.Auto"/> (detected per record),
        /// <see cref="MarcEncoding.Utf8"/> or <see cref="MarcEncoding.Marc8"/> (forced; leader/09 is set to match).
        /// Field data stays as the bytes read either way; it is decoded when asked for.
        /// </summary>
        public MarcEncoding Encoding { get; set; } = MarcEncoding.Leader;

        /// <summary>
        /// Decode the fields of MARC-8 records while reading and warn about every bad-MARC-8 occurrence (unmapped
        /// codes, broken escapes, combining marks before a space or at the end of a subfield, damaged EACC), with tag
        /// and absolute byte offset, as <see cref="MarcEncodingConverter.ToUnicode"/> would. The bytes are kept either
        /// way. Default false (the check costs about as much as converting the record).
        /// </summary>
        public bool ValidateMarc8 { get; set; }

        /// <summary>
        /// Return bytes that belong to no record (NUL padding, a lone record terminator, garbage between or after
        /// records) as results of their own (<see cref="IO.MarcReadResult.StrayBytes"/>, with a warning and the bytes for a
        /// reject file), in input order, instead of a <c>JunkBetweenRecords</c> warning on the record that follows.
        /// Only then are stray bytes after the last record reported (<c>JunkAfterLastRecord</c>). Line ends, and one
        /// Ctrl-Z at the end, are never reported. Default false; <see cref="IO.MarcFileReader"/> turns it on.
        /// </summary>
        public bool ReturnStrayBytes { get; set; }

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
