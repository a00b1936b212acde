using System.Collections.Generic;
using System.Text;
using OclcCataloging.Batch;

namespace OclcCataloging.Search.Batch
{
    /// <summary>
    /// The per-key CSV report: a header row and one RFC 4180 row per key, in key order. Written as UTF-8 with a
    /// BOM because Excel reads a CSV without one in the ANSI code page and garbles non-ASCII headings.
    /// Values are written as they are (no formula escaping): keys such as "=chem,soc," stay re-readable.
    /// </summary>
    internal static class BatchCsvReport
    {
        public static string Format(IEnumerable<BatchSearchResult> rows) => Format(BatchReportColumns.Instance, rows);

        public static string Format<TRow>(IBatchRowFormat<TRow> format, IEnumerable<TRow> rows)
        {
            var sb = new StringBuilder();
            sb.Append(Csv.FormatRecord(format.Names));
            foreach (var row in rows) sb.Append(Csv.FormatRecord(format.ToRow(row)));
            return sb.ToString();
        }
    }
}
