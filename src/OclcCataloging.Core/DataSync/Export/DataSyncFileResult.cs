namespace OclcCataloging.DataSync.Export
{
    /// <summary>One file written by <see cref="DataSyncFileSplitter"/>.</summary>
    public sealed class DataSyncFileResult
    {
        internal DataSyncFileResult(string path, string name, int sequence, DataSyncRecordKind kind)
        {
            Path = path;
            Name = name;
            Sequence = sequence;
            Kind = kind;
        }

        public string Path { get; }

        public string Name { get; }

        public int Sequence { get; }

        public DataSyncRecordKind Kind { get; }

        public long Records { get; internal set; }

        /// <summary>Size in bytes (ISO 2709).</summary>
        public long Bytes { get; internal set; }

        /// <summary>Distinct OCLC numbers in the file (LHR files; 0 for bibliographic files).</summary>
        public long OclcNumbers { get; internal set; }

        public override string ToString() => Path;
    }
}
