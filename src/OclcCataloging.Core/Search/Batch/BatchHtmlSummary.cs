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
    /// table has only the columns that mean something for its status. Every value is HTML-encoded.
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
            Section(sb, "Found, several hits — review", found.Where(r => r.HitCount > 1).OrderByDescending(r => r.HitCount).ToList(), FoundHeaders, FoundCells, open: true);
            Section(sb, "Found", found, FoundHeaders, FoundCells, open: false);
            Section(sb, "Not found", rows.Where(r => r.Status == KeySearchStatus.NotFound).ToList(), NotFoundHeaders,
                r => new[] { Number(r.Sequence), r.Key, r.KeyType?.ToString(), r.QuerySent }, open: true);
            Section(sb, "Too many", rows.Where(r => r.Status == KeySearchStatus.TooMany).ToList(), TooManyHeaders,
                r => new[] { Number(r.Sequence), r.Key, r.QuerySent, Number(r.HitCount) }, open: true);
            Section(sb, "Errors", rows.Where(r => r.Status == KeySearchStatus.Error).ToList(), ErrorHeaders,
                r => new[] { Number(r.Sequence), r.Key, r.QuerySent, r.ErrorType, r.ErrorDetail, Number(r.HttpStatus), Number(r.Attempts) }, open: true);
            End(sb);
            return sb.ToString();
        }

        private static readonly string[] FoundHeaders = { "#", "Key", "Hits", "Downloaded", "OCLC numbers", "First title", "Query sent" };
        private static readonly string[] NotFoundHeaders = { "#", "Key", "Key type", "Query sent" };
        private static readonly string[] TooManyHeaders = { "#", "Key", "Query sent", "Hits" };
        private static readonly string[] ErrorHeaders = { "#", "Key", "Query sent", "Error", "Detail", "HTTP", "Attempts" };

        private static string?[] FoundCells(BatchSearchResult r) =>
            new[] { Number(r.Sequence), r.Key, Number(r.HitCount), Number(r.RecordsDownloaded), r.OclcNumbers, r.FirstTitle, r.QuerySent };

        private static void Section(StringBuilder sb, string title, List<BatchSearchResult> rows, string[] headers, Func<BatchSearchResult, string?[]> cells, bool open)
        {
            if (rows.Count == 0) return;
            DetailsTable(sb, title, rows.Count, rows.Take(RowsPerSection).Select(cells).ToList(), headers, open && rows.Count <= RowsPerSection);
        }
    }
}
