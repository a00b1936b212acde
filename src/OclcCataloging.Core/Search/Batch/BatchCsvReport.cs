using System.Collections.Generic;
using System.Text;

namespace OclcCataloging.Search.Batch
{
    /// <summary>
    /// The per-key CSV report: a header row and one RFC 4180 row per key, in key order. Written as UTF-8 with a
    /// BOM because Excel reads a CSV without one in the ANSI code page and garbles non-ASCII headings.
    /// Values are written as they are (no formula escaping): keys such as "=chem,soc," stay re-readable.
    /// </summary>
    internal static class BatchCsvReport
    {
        public static string Format(IEnumerable<BatchSearchResult> rows)
        {
            var sb = new StringBuilder();
            sb.Append(Csv.FormatRecord(BatchReportColumns.Names));
            foreach (var row in rows) sb.Append(Csv.FormatRecord(BatchReportColumns.ToRow(row)));
            return sb.ToString();
        }
    }
}
