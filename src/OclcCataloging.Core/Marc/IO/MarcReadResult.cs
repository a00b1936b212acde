namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// What a reader returns: a record, the error that made a chunk unreadable, or (only from a reader asked to
    /// return them, see <see cref="Iso2709.Iso2709ReaderOptions.ReturnStrayBytes"/>) bytes that belong to no record.
    /// </summary>
    public sealed class MarcReadResult
    {
        public MarcReadResult(MarcRecord record) { Record = record; }

        public MarcReadResult(MarcReadError error) { Error = error; }

        public MarcReadResult(MarcStrayBytes strayBytes) { StrayBytes = strayBytes; }

        public MarcRecord? Record { get; }

        public MarcReadError? Error { get; }

        /// <summary>Bytes skipped between or after records, with their warning.</summary>
        public MarcStrayBytes? StrayBytes { get; }

        public bool IsRecord => Record != null;
    }
}
