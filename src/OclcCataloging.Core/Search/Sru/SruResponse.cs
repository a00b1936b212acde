using System.Collections.Generic;

namespace OclcCataloging.Search.Sru
{
    /// <summary>What a searchRetrieve response said: hit count, MARCXML of the records, diagnostics.</summary>
    public sealed class SruResponse
    {
        /// <summary>numberOfRecords; null when the server did not send it (it must with diagnostics absent).</summary>
        public long? NumberOfRecords { get; set; }

        /// <summary>The XML text of each record's data, unescaped when the server sent it as a string.</summary>
        public List<string> Records { get; } = new List<string>();

        /// <summary>Diagnostics about the whole request (not surrogate records).</summary>
        public List<SruDiagnostic> Diagnostics { get; } = new List<SruDiagnostic>();

        /// <summary>Records the server replaced with a surrogate diagnostic (record-level errors).</summary>
        public List<SruDiagnostic> RecordDiagnostics { get; } = new List<SruDiagnostic>();

        /// <summary>nextRecordPosition when sent (Zebra never sends it; page from NumberOfRecords instead).</summary>
        public long? NextRecordPosition { get; set; }
    }
}
