using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OclcCataloging.Batch;
using static OclcCataloging.Batch.BatchHtmlPage;

namespace OclcCataloging.Search.Batch
{
    /// <summary>
    /// The run summary as one self-contained HTML page (inline style, no script): counts per status, timings,
    /// target, and tables of the keys to look at (not found, too many, errors). Every value is HTML-encoded.
    /// </summary>
    internal static class BatchHtmlSummary
    {
        public static string Format(BatchSearchSummary summary, IReadOnlyList<BatchSearchResult> rows, string resumeAdvice)
        {
            var sb = new StringBuilder();
            Begin(sb, "Batch search summary", summary.Target, summary, "key", resumeAdvice);

            Timings(sb, "Target", summary.Target, summary, "Search time", summary.SearchTime, "Keys per second", summary.KeysPerSecond);

            CountTable(sb, "Keys", "Keys", N("Found", summary.Found), N("Not found", summary.NotFound), N("Too many", summary.TooMany),
                N("Error", summary.Error), N("Total", summary.KeysTotal), N("Records downloaded", summary.RecordsDownloaded));

            KeyTable(sb, "Not found", rows.Where(r => r.Status == KeySearchStatus.NotFound));
            KeyTable(sb, "Too many", rows.Where(r => r.Status == KeySearchStatus.TooMany));
            KeyTable(sb, "Errors", rows.Where(r => r.Status == KeySearchStatus.Error));
            End(sb);
            return sb.ToString();
        }

        private static readonly string[] Headers = { "#", "Key", "Query sent", "Hits", "Error", "Detail", "HTTP", "Attempts" };

        private static void KeyTable(StringBuilder sb, string title, IEnumerable<BatchSearchResult> rows) =>
            ItemTable(sb, title, rows.ToList(), Headers,
                r => new[] { Number(r.Sequence), r.Key, r.QuerySent, Number(r.HitCount), r.ErrorType, r.ErrorDetail, Number(r.HttpStatus), Number(r.Attempts) },
                0, 3, 6, 7);
    }
}
