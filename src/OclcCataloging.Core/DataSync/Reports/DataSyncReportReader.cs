using System;
using OclcCataloging.Batch;
using System.Collections.Generic;
using System.IO;
using System.Text;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.Search.Batch;

namespace OclcCataloging.DataSync.Reports
{
    /// <summary>
    /// Reads OCLC data sync reports into rows, one line at a time (docs/design/data-sync-transfer.md). The report's
    /// name picks the layout (<see cref="DataSyncReportColumns"/>): the cross reference reports give LSN and OCN, the
    /// bibliographic processing and exception reports (pipe-delimited) their LSN, OCN, action or message; any other
    /// report comes back as rows of its raw columns, split on tabs, pipes or commas. A line never throws.
    /// </summary>
    public static class DataSyncReportReader
    {
        public static IEnumerable<DataSyncReportRow> Read(string path)
        {
            using (var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
                foreach (DataSyncReportRow row in Read(reader, Path.GetFileName(path)))
                    yield return row;
        }

        public static IEnumerable<DataSyncReportRow> Read(TextReader reader, string reportName)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            DataSyncReportColumns? known = DataSyncReportColumns.For(reportName);
            char? delimiter = null;
            IReadOnlyList<string>? header = null;
            long number = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                if (line.Trim().Length == 0) continue;
                if (known != null)
                {
                    yield return KnownRow(known, reportName, number, line);
                    continue;
                }
                delimiter ??= line.IndexOf('\t') >= 0 ? '\t' : line.IndexOf('|') >= 0 ? '|' : line.IndexOf(',') >= 0 ? ',' : (char?)null;
                IReadOnlyList<string> columns = Split(line, delimiter);
                if (number == 1 && LooksLikeHeader(columns)) { header = columns; continue; }
                var row = new DataSyncReportRow(reportName, number, DataSyncReportLayout.Raw, columns);
                if (header != null) row.Fields = Zip(header, columns);
                yield return row;
            }
        }

        private static DataSyncReportRow KnownRow(DataSyncReportColumns known, string report, long number, string line)
        {
            string[] columns = line.Split(known.Delimiter);
            var row = new DataSyncReportRow(report, number, known.Layout, columns)
            {
                Lsn = Column(columns, known.Lsn),
                Ocn = Column(columns, known.Ocn),
                Action = Column(columns, known.Action),
                Severity = Column(columns, known.Severity),
                Message = Column(columns, known.Message),
                Fields = Zip(known.Names, columns),
            };
            if (columns.Length < known.Names.Count)
                row.Problem = known.Names.Count == 2 ? "The line has no OCN column (expected LSN TAB OCN)."
                    : "The line has " + columns.Length + " of the " + known.Names.Count + " columns of this report (" + string.Join(", ", known.Names) + ").";
            else if (known.Names.Count > 2) { /* processing and exception lines may lack an OCN: a record without a match */ }
            else if (row.Ocn == null || row.Ocn.Length == 0)
                row.Problem = "The line has no OCN.";
            else if (!IsDigits(row.Ocn))
                row.Problem = "The OCN column '" + row.Ocn + "' is not a number.";
            return row;
        }

        private static string? Column(string[] columns, int index) =>
            index >= 0 && index < columns.Length ? columns[index].Trim() : null;

        private static IReadOnlyList<string> Split(string line, char? delimiter)
        {
            if (delimiter == '\t' || delimiter == '|') return line.Split(delimiter.Value);
            if (delimiter == ',')
            {
                List<List<string>> records = Csv.Parse(line + "\n", dropUnterminatedLast: false);
                return records.Count > 0 ? records[0] : new List<string> { line };
            }
            return new[] { line };
        }

        /// <summary>A first line of several columns, none of them a number, is taken for a header.</summary>
        private static bool LooksLikeHeader(IReadOnlyList<string> columns)
        {
            if (columns.Count < 2) return false;
            foreach (string c in columns)
                if (c.Trim().Length == 0 || IsDigits(c.Trim())) return false;
            return true;
        }

        private static IReadOnlyDictionary<string, string> Zip(IReadOnlyList<string> header, IReadOnlyList<string> columns)
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Count && i < columns.Count; i++)
                if (!fields.ContainsKey(header[i])) fields.Add(header[i], columns[i]);
            return fields;
        }

        private static bool IsDigits(string s)
        {
            if (s.Length == 0) return false;
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
