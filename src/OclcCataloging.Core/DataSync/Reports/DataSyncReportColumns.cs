using System;
using System.Collections.Generic;
using OclcCataloging.DataSync.FileNames;

namespace OclcCataloging.DataSync.Reports
{
    /// <summary>
    /// The column layouts of the reports whose columns are known (docs/design/data-sync-transfer.md, "Reports"): which
    /// report name has which layout, its delimiter, its column names and where LSN, OCN, action, severity and message are.
    /// </summary>
    internal sealed class DataSyncReportColumns
    {
        private static readonly DataSyncReportColumns CrossReference = new(DataSyncReportLayout.CrossReference, '\t', new[] { "Lsn", "Ocn" }, lsn: 0, ocn: 1);
        private static readonly DataSyncReportColumns Unresolved = new(DataSyncReportLayout.UnresolvedCrossReference, '\t', new[] { "Lsn", "Ocn" }, lsn: 0, ocn: 1);
        private static readonly DataSyncReportColumns Processing = new(DataSyncReportLayout.BibliographicProcessing, '|',
            new[] { "Id", "Lsn", "ExistingOcn", "Ocn", "Action" }, lsn: 1, ocn: 3, action: 4);
        private static readonly DataSyncReportColumns Exception = new(DataSyncReportLayout.BibliographicException, '|',
            new[] { "Id", "Lsn", "Column3", "Ocn", "ErrorType", "Severity", "Message" }, lsn: 1, ocn: 3, severity: 5, message: 6);

        private static readonly Dictionary<string, DataSyncReportColumns> ByReportName = new(StringComparer.OrdinalIgnoreCase)
        {
            ["xrefrpt"] = CrossReference,
            [DataSyncFileInfo.CrossReferenceReportName] = CrossReference,
            ["BibUnresolvedCrossRefReport"] = Unresolved,
            ["BibProcessingReport"] = Processing,
            ["BibExceptionReport"] = Exception,
        };

        private DataSyncReportColumns(DataSyncReportLayout layout, char delimiter, string[] names, int lsn, int ocn, int action = -1, int severity = -1, int message = -1)
        {
            Layout = layout;
            Delimiter = delimiter;
            Names = names;
            Lsn = lsn;
            Ocn = ocn;
            Action = action;
            Severity = severity;
            Message = message;
        }

        public DataSyncReportLayout Layout { get; }
        public char Delimiter { get; }
        public IReadOnlyList<string> Names { get; }
        public int Lsn { get; }
        public int Ocn { get; }
        public int Action { get; }
        public int Severity { get; }
        public int Message { get; }

        /// <summary>The layout of the report named <paramref name="reportFileName"/>, or null when its columns are not known.</summary>
        public static DataSyncReportColumns? For(string reportFileName)
        {
            DataSyncFileInfo info = DataSyncFileInfo.Parse(reportFileName);
            if (info.Kind == DataSyncFileKind.CrossReferenceReport) return CrossReference;
            string? name = info.ReportName ?? ElementBeforeExtension(reportFileName);
            return name != null && ByReportName.TryGetValue(name, out DataSyncReportColumns? columns) ? columns : null;
        }

        /// <summary>"a.b.BibExceptionReport.txt" gives "BibExceptionReport": for names that follow no convention we parse.</summary>
        private static string? ElementBeforeExtension(string fileName)
        {
            int last = fileName.LastIndexOf('.');
            if (last <= 0) return null;
            int before = fileName.LastIndexOf('.', last - 1);
            return fileName.Substring(before + 1, last - before - 1);
        }
    }
}
