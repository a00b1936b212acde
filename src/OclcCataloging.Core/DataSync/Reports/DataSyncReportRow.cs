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

        /// <summary>The local system number (column 1 of the cross reference reports, column 2 of the processing and exception reports).</summary>
        public string? Lsn { get; internal set; }

        /// <summary>The OCLC number (column 2 of the cross reference reports, column 4 of the processing and exception reports).</summary>
        public string? Ocn { get; internal set; }

        /// <summary>Processing report: what OCLC did with the record (column 5).</summary>
        public string? Action { get; internal set; }

        /// <summary>Exception report: the severity of the error (column 6).</summary>
        public string? Severity { get; internal set; }

        /// <summary>Exception report: the error text (column 7).</summary>
        public string? Message { get; internal set; }

        /// <summary>Column name to value: the known layout's column names, or a raw layout's header line.</summary>
        public IReadOnlyDictionary<string, string>? Fields { get; internal set; }

        public IReadOnlyList<string> Columns { get; }

        /// <summary>What is odd about the row (a cross reference line without an OCN ...), or null.</summary>
        public string? Problem { get; internal set; }
    }
}
