namespace OclcCataloging.Marc
{
    /// <summary>Where a record was read from: file, 1-based ordinal and byte offset of its first byte.</summary>
    public sealed class MarcOrigin
    {
        public MarcOrigin(string? sourcePath, long ordinal, long byteOffset, long byteLength, MarcFormat format)
        {
            SourcePath = sourcePath;
            Ordinal = ordinal;
            ByteOffset = byteOffset;
            ByteLength = byteLength;
            Format = format;
        }

        /// <summary>The file the record came from, or null for a stream without a name.</summary>
        public string? SourcePath { get; }

        /// <summary>1-based position of the record (or unreadable chunk) in its source.</summary>
        public long Ordinal { get; }

        /// <summary>Byte offset of the record's first byte in its source.</summary>
        public long ByteOffset { get; }

        /// <summary>Number of bytes the record occupied in its source (0 when unknown).</summary>
        public long ByteLength { get; }

        public MarcFormat Format { get; }

        public override string ToString()
        {
            string where = SourcePath ?? "<stream>";
            return where + " record " + Ordinal + " at byte " + ByteOffset;
        }
    }
}
