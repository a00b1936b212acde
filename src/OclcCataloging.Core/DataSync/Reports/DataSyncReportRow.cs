using System.Collections.Generic;

namespace OclcCataloging.DataSync.Reports
{
    /// <summary>One line of an OCLC data sync report. Every row keeps its raw columns, whatever the layout.</summary>
    public sealed class DataSyncReportRow
    {
        internal DataSyncReportRow(string report, long lineNumber, DataSyncReportLayout layout, IReadOnlyList<string> columns)
        {
            Report = report;
            LineNumber = lineNumber;
            Layout = layout;
            Columns = columns;
        }

        /// <summary>The report's file name.</summary>
        public string Report { get; }

        /// <summary>1-based line number in the report.</summary>
        public long LineNumber { get; }

        public DataSyncReportLayout Layout { get; }

        /// <summary>Cross reference: the local system number (column 1).</summary>
        public string? Lsn { get; internal set; }

        /// <summary>Cross reference: the OCLC number (column 2).</summary>
        public string? Ocn { get; internal set; }

        /// <summary>Raw layouts whose first line was a header: column name to value.</summary>
        public IReadOnlyDictionary<string, string>? Fields { get; internal set; }

        public IReadOnlyList<string> Columns { get; }

        /// <summary>What is odd about the row (a cross reference line without an OCN ...), or null.</summary>
        public string? Problem { get; internal set; }
    }
}
