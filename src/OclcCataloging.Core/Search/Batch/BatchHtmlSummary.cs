using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

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
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            sb.Append("<title>Batch search summary — ").Append(E(summary.Target)).Append("</title>\n");
            sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
              .Append("th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#eee}")
              .Append("td.n{text-align:right}.stopped{color:#a00;font-weight:bold}</style>\n</head>\n<body>\n");
            sb.Append("<h1>Batch search summary</h1>\n");
            if (!summary.Finished)
            {
                sb.Append("<p class=\"stopped\">The run stopped before the last key: ").Append(E(summary.StoppedReason!));
                if (summary.RetryAfter.HasValue) sb.Append(". The target can be used again after ").Append(E(Time(summary.RetryAfter.Value)));
                sb.Append(". ").Append(E(resumeAdvice)).Append("</p>\n");
            }

            sb.Append("<table>\n");
            Row(sb, "Target", summary.Target);
            Row(sb, "Started", Time(summary.Started));
            Row(sb, "Ended", Time(summary.Ended));
            Row(sb, "Elapsed", summary.Elapsed.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture));
            Row(sb, "Search time", summary.SearchTime.ToString(@"d\.hh\:mm\:ss\.fff", CultureInfo.InvariantCulture));
            Row(sb, "Keys per second", summary.KeysPerSecond.ToString("0.00", CultureInfo.InvariantCulture));
            sb.Append("</table>\n");

            sb.Append("<h2>Keys</h2>\n<table>\n<tr><th>Status</th><th>Keys</th></tr>\n");
            Count(sb, "Found", summary.Found);
            Count(sb, "Not found", summary.NotFound);
            Count(sb, "Too many", summary.TooMany);
            Count(sb, "Error", summary.Error);
            Count(sb, "Total", summary.KeysTotal);
            Count(sb, "Records downloaded", summary.RecordsDownloaded);
            sb.Append("</table>\n");

            KeyTable(sb, "Not found", rows.Where(r => r.Status == KeySearchStatus.NotFound));
            KeyTable(sb, "Too many", rows.Where(r => r.Status == KeySearchStatus.TooMany));
            KeyTable(sb, "Errors", rows.Where(r => r.Status == KeySearchStatus.Error));
            sb.Append("</body>\n</html>\n");
            return sb.ToString();
        }

        private static void KeyTable(StringBuilder sb, string title, IEnumerable<BatchSearchResult> rows)
        {
            var list = rows.ToList();
            sb.Append("<h2>").Append(E(title)).Append(" (").Append(list.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n");
            if (list.Count == 0)
            {
                sb.Append("<p>None.</p>\n");
                return;
            }
            sb.Append("<table>\n<tr><th>#</th><th>Key</th><th>Query sent</th><th>Hits</th><th>Error</th><th>Detail</th><th>HTTP</th><th>Attempts</th></tr>\n");
            foreach (var r in list)
            {
                sb.Append("<tr><td class=\"n\">").Append(r.Sequence.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                  .Append(E(r.Key)).Append("</td><td>").Append(E(r.QuerySent)).Append("</td><td class=\"n\">")
                  .Append(r.HitCount.HasValue ? r.HitCount.Value.ToString(CultureInfo.InvariantCulture) : "").Append("</td><td>")
                  .Append(E(r.ErrorType ?? "")).Append("</td><td>").Append(E(r.ErrorDetail ?? "")).Append("</td><td class=\"n\">")
                  .Append(r.HttpStatus.HasValue ? r.HttpStatus.Value.ToString(CultureInfo.InvariantCulture) : "").Append("</td><td class=\"n\">")
                  .Append(r.Attempts.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }
            sb.Append("</table>\n");
        }

        private static void Row(StringBuilder sb, string name, string value) =>
            sb.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

        private static void Count(StringBuilder sb, string name, long value) =>
            sb.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"n\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");

        private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
