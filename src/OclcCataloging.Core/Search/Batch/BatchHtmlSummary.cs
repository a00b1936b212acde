using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using OclcCataloging.Batch;
using static OclcCataloging.Batch.BatchHtmlPage;

namespace OclcCataloging.Search.Batch
{
    /// <summary>
    /// The run summary as one self-contained HTML page (inline style and SVG, no script): counts per status with a bar
    /// chart, the run's settings and times (local time), then one collapsible section per status: the found keys with
    /// several hits to review first, then all found keys (titles, OCLC numbers), not found, too many and errors. Each
    /// table has only the columns that mean something for its status and sorts by any of them without script
    /// (<see cref="HtmlSortableTable"/>; the errors also filter by error type). Every value is HTML-encoded.
    /// </summary>
    internal static class BatchHtmlSummary
    {
        /// <summary>Rows shown per section; the CSV report has every key.</summary>
        public const int RowsPerSection = 1000;

        public static string Format(BatchSearchSummary summary, IReadOnlyList<BatchSearchResult> rows, string resumeAdvice,
            IReadOnlyList<KeyValuePair<string, string>>? settings = null)
        {
            var sb = new StringBuilder();
            Begin(sb, "Batch search summary", summary.Target, summary, "key", resumeAdvice);

            var counts = new[] { N("Found", summary.Found), N("Not found", summary.NotFound), N("Too many", summary.TooMany), N("Error", summary.Error) };
            CountTable(sb, "Keys", "Keys", counts.Concat(new[] { N("Total", summary.KeysTotal), N("Records downloaded", summary.RecordsDownloaded) }).ToArray());
            HtmlBarChart.Append(sb, "Keys by status", counts);

            Settings(sb, settings ?? Array.Empty<KeyValuePair<string, string>>(), summary.Started, DateTimeOffset.Now, summary.ReportPath);
            Timings(sb, "Target", summary.Target, summary, "Search time", summary.SearchTime, "Keys per second", summary.KeysPerSecond);

            var found = rows.Where(r => r.Status == KeySearchStatus.Found).ToList();
            Section(sb, "Found, several hits — review", found.Where(r => r.HitCount > 1).OrderByDescending(r => r.HitCount).ToList(), FoundColumns, FoundCells, open: true);
            Section(sb, "Found", found, FoundColumns, FoundCells, open: false);
            Section(sb, "Not found", rows.Where(r => r.Status == KeySearchStatus.NotFound).ToList(), NotFoundColumns,
                r => new[] { Number(r.Sequence), r.Key, r.KeyType?.ToString(), r.QuerySent }, open: true);
            Section(sb, "Too many", rows.Where(r => r.Status == KeySearchStatus.TooMany).ToList(), TooManyColumns,
                r => new[] { Number(r.Sequence), r.Key, r.QuerySent, Number(r.HitCount) }, open: true);
            Section(sb, "Errors", rows.Where(r => r.Status == KeySearchStatus.Error).ToList(), ErrorColumns,
                r => new[] { Number(r.Sequence), r.Key, r.QuerySent, r.ErrorType, r.ErrorDetail, Number(r.HttpStatus), Number(r.Attempts) }, open: true,
                filter: "Error", filterValue: r => r.ErrorType ?? "");
            End(sb);
            return sb.ToString();
        }

        private static readonly HtmlColumn[] FoundColumns =
        {
            HtmlColumn.Number("#"), HtmlColumn.Text("Key"), HtmlColumn.Number("Hits"), HtmlColumn.Number("Downloaded"),
            HtmlColumn.Text("OCLC numbers"), HtmlColumn.LongText("First title"), HtmlColumn.Text("Query sent"),
        };

        private static readonly HtmlColumn[] NotFoundColumns = { HtmlColumn.Number("#"), HtmlColumn.Text("Key"), HtmlColumn.Text("Key type"), HtmlColumn.Text("Query sent") };

        private static readonly HtmlColumn[] TooManyColumns = { HtmlColumn.Number("#"), HtmlColumn.Text("Key"), HtmlColumn.Text("Query sent"), HtmlColumn.Number("Hits") };

        private static readonly HtmlColumn[] ErrorColumns =
        {
            HtmlColumn.Number("#"), HtmlColumn.Text("Key"), HtmlColumn.Text("Query sent"), HtmlColumn.Text("Error"), HtmlColumn.LongText("Detail"),
            HtmlColumn.Number("HTTP"), HtmlColumn.Number("Attempts"),
        };

        private static string?[] FoundCells(BatchSearchResult r) =>
            new[] { Number(r.Sequence), r.Key, Number(r.HitCount), Number(r.RecordsDownloaded), r.OclcNumbers, r.FirstTitle, r.QuerySent };

        private static void Section(StringBuilder sb, string title, List<BatchSearchResult> rows, HtmlColumn[] columns, Func<BatchSearchResult, string?[]> cells,
            bool open, string? filter = null, Func<BatchSearchResult, string>? filterValue = null)
        {
            if (rows.Count == 0) return;
            var table = new HtmlSortableTable(columns);
            if (filter != null) table.Filter(filter);
            foreach (var row in rows.Take(RowsPerSection))
                table.Add(cells(row), filterValue == null ? Array.Empty<string>() : new[] { filterValue(row) });
            DetailsTable(sb, title, rows.Count, table, open && rows.Count <= RowsPerSection);
        }
    }
}
