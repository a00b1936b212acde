using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// The frame shared by the batch summaries: one self-contained HTML page (inline style, no script), a
    /// "stopped" notice, name/value rows and count rows. Every value is HTML-encoded.
    /// </summary>
    internal static class BatchHtmlPage
    {
        /// <summary>The page head, the heading, and the "stopped" notice when the run did not finish.</summary>
        public static void Begin(StringBuilder sb, string heading, string subject, BatchRunSummary summary, string item, string resumeAdvice)
        {
            Begin(sb, heading + " — " + subject);
            sb.Append("<h1>").Append(E(heading)).Append("</h1>\n");
            if (!summary.Finished) Stopped(sb, item, summary.StoppedReason!, summary.RetryAfter, resumeAdvice);
        }

        /// <summary>A heading and a two-column table of counts.</summary>
        public static void CountTable(StringBuilder sb, string heading, string column, params KeyValuePair<string, long>[] counts)
        {
            sb.Append("<h2>").Append(E(heading)).Append("</h2>\n<table>\n<tr><th>Status</th><th>").Append(E(column)).Append("</th></tr>\n");
            foreach (var c in counts) Count(sb, c.Key, c.Value);
            sb.Append("</table>\n");
        }

        public static KeyValuePair<string, long> N(string name, long value) => new KeyValuePair<string, long>(name, value);

        /// <summary>A section heading with its count; "None." and false when there is nothing to list.</summary>
        public static bool Section(StringBuilder sb, string title, int count)
        {
            sb.Append("<h2>").Append(E(title)).Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n");
            if (count > 0) return true;
            sb.Append("<p>None.</p>\n");
            return false;
        }

        /// <summary>A section (see <see cref="Section"/>) with a sortable table of items (cells are encoded by the table).</summary>
        public static void ItemTable<T>(StringBuilder sb, string title, IReadOnlyList<T> items, HtmlColumn[] columns, Func<T, string?[]> cells)
        {
            if (!Section(sb, title, items.Count)) return;
            var table = new HtmlSortableTable(columns);
            foreach (var item in items) table.Add(cells(item));
            table.Write(sb, TableId(sb));
        }

        /// <summary>An id unique in the page being written: the position the table starts at.</summary>
        public static string TableId(StringBuilder sb) => "t" + sb.Length.ToString(CultureInfo.InvariantCulture);

        public static string Number(long? n) => n.HasValue ? n.Value.ToString(CultureInfo.InvariantCulture) : "";

        /// <summary>The page head (title, inline style) and the opening body tag.</summary>
        public static void Begin(StringBuilder sb, string title)
        {
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            sb.Append("<title>").Append(E(title)).Append("</title>\n");
            sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
              .Append("th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#eee}")
              .Append("td.n{text-align:right}.stopped{color:#a00;font-weight:bold}details{margin:.4em 0}summary{cursor:pointer;font-weight:bold}")
              .Append(".chart text{font:13px system-ui,sans-serif;fill:#222}.more{color:#555;font-style:italic}")
              .Append(HtmlSortableTable.SharedStyle).Append("</style>\n</head>\n<body>\n");
        }

        /// <summary>"The run stopped before the last {item}: reason. … {resumeAdvice}" (the advice is worded by the caller).</summary>
        public static void Stopped(StringBuilder sb, string item, string reason, DateTimeOffset? retryAfter, string resumeAdvice)
        {
            sb.Append("<p class=\"stopped\">The run stopped before the last ").Append(E(item)).Append(": ").Append(E(reason));
            if (retryAfter.HasValue) sb.Append(". The target can be used again after ").Append(E(Time(retryAfter.Value)));
            sb.Append(". ").Append(E(resumeAdvice)).Append("</p>\n");
        }

        /// <summary>The table of what ran and when: a first name/value row, then start, end, elapsed, work time and rate.</summary>
        public static void Timings(StringBuilder sb, string name, string value, BatchRunSummary summary, string workLabel, TimeSpan work, string rateLabel, double rate)
        {
            sb.Append("<table>\n");
            Row(sb, name, value);
            Row(sb, "Started", Time(summary.Started));
            Row(sb, "Ended", Time(summary.Ended));
            Row(sb, "Elapsed", summary.Elapsed.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture));
            Row(sb, workLabel, work.ToString(@"d\.hh\:mm\:ss\.fff", CultureInfo.InvariantCulture));
            Row(sb, rateLabel, rate.ToString("0.00", CultureInfo.InvariantCulture));
            sb.Append("</table>\n");
        }

        /// <summary>
        /// The "Run" table: when it started and when the page was written (local time), the CSV beside it, then the
        /// settings the caller lists (worded by the caller; never secrets).
        /// </summary>
        public static void Settings(StringBuilder sb, IReadOnlyList<KeyValuePair<string, string>> settings, DateTimeOffset started, DateTimeOffset written, string? csvPath)
        {
            sb.Append("<h2>Run</h2>\n<table>\n");
            Row(sb, "Started (local time)", Time(started.ToLocalTime()));
            Row(sb, "Written (local time)", Time(written.ToLocalTime()));
            if (csvPath != null) Row(sb, "CSV report", csvPath);
            foreach (var s in settings) Row(sb, s.Key, s.Value);
            sb.Append("</table>\n");
        }

        /// <summary>
        /// A collapsible section (&lt;details&gt;, no script) headed "title (count)" with a sortable table of the rows it
        /// keeps; when it kept fewer than <paramref name="count"/>, a note says the rest are in the CSV.
        /// </summary>
        public static void DetailsTable(StringBuilder sb, string title, long count, HtmlSortableTable table, bool open)
        {
            sb.Append(open ? "<details open>" : "<details>").Append("<summary>").Append(E(title)).Append(" (")
              .Append(count.ToString(CultureInfo.InvariantCulture)).Append(")</summary>\n");
            table.Write(sb, TableId(sb));
            More(sb, count - table.Count, "");
            sb.Append("</details>\n");
        }

        /// <summary>"n more in the CSV report." when rows were left out of a table (a prefix such as a group name may lead).</summary>
        public static void More(StringBuilder sb, long leftOut, string prefix)
        {
            if (leftOut > 0)
                sb.Append("<p class=\"more\">").Append(E(prefix)).Append(leftOut.ToString(CultureInfo.InvariantCulture)).Append(" more in the CSV report.</p>\n");
        }

        public static void End(StringBuilder sb) => sb.Append("</body>\n</html>\n");

        public static void Row(StringBuilder sb, string name, string value) =>
            sb.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

        public static void Count(StringBuilder sb, string name, long value) =>
            sb.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"n\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");

        public static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

        public static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
