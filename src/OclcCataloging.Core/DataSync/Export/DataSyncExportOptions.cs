using System;
using OclcCataloging.Oclc;

namespace OclcCataloging.DataSync.Export
{
    /// <summary>Settings for <see cref="DataSyncFileSplitter"/>.</summary>
    public sealed class DataSyncExportOptions
    {
        /// <summary>The 7-digit collection ID.</summary>
        public string CollectionId { get; set; } = string.Empty;

        /// <summary>The OCLC institution symbol.</summary>
        public string Symbol { get; set; } = string.Empty;

        /// <summary>The folder the files are written to (must exist).</summary>
        public string Directory { get; set; } = string.Empty;

        public DataSyncRecordKind Kind { get; set; } = DataSyncRecordKind.Bibliographic;

        /// <summary>For LHRs: where the OCN is (Field004, Field014 or Field035).</summary>
        public OclcNumberLocation OclcNumberLocation { get; set; } = OclcNumberLocation.Field004;

        /// <summary>Name element after the symbol (letters and digits), e.g. "lhr"; null for none.</summary>
        public string? Description { get; set; }

        /// <summary>Time written in the names (Dyyyymmdd.Thhmmss); null for now.</summary>
        public DateTime? Timestamp { get; set; }

        /// <summary>Records per file (OCLC: 100,000).</summary>
        public int MaxRecordsPerFile { get; set; } = 100000;

        /// <summary>Bytes per file: My Files takes 1 GB; a 1 MB margin is kept.</summary>
        public long MaxFileBytes { get; set; } = (1L << 30) - (1L << 20);

        /// <summary>How many temporary buckets LHRs are spread over by OCN (memory use is about records / buckets).</summary>
        public int BucketCount { get; set; } = 256;
    }
}
