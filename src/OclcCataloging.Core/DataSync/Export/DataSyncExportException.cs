using System;

namespace OclcCataloging.DataSync.Export
{
    /// <summary>A record or a group of records that cannot go into a compliant file.</summary>
    public sealed class DataSyncExportException : Exception
    {
        public DataSyncExportException(string code, string message) : base(message) { Code = code; }

        /// <summary>LhrWithoutOclcNumber, OcnGroupTooLarge, RecordTooLarge or RecordNotWritable.</summary>
        public string Code { get; }
    }
}
