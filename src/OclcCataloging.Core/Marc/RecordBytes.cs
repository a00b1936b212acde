namespace OclcCataloging.Marc
{
    /// <summary>
    /// The bytes one record was read from and the codec its text is in: one instance per record, shared by the lazy
    /// text of all its fields and subfields, so each of those holds one reference instead of two.
    /// </summary>
    internal sealed class RecordBytes
    {
        public RecordBytes(byte[] buffer, MarcTextCodec codec)
        {
            Buffer = buffer;
            Codec = codec;
        }

        /// <summary>Never written to once the record is read.</summary>
        public byte[] Buffer { get; }

        public MarcTextCodec Codec { get; }
    }
}
