namespace OclcCataloging.Marc.IO
{
    /// <summary>What a reader returns for one record: the record, or the error that made it unreadable.</summary>
    public sealed class MarcReadResult
    {
        public MarcReadResult(MarcRecord record) { Record = record; }

        public MarcReadResult(MarcReadError error) { Error = error; }

        public MarcRecord? Record { get; }

        public MarcReadError? Error { get; }

        public bool IsRecord => Record != null;
    }
}
