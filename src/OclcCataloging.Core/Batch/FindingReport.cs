using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using OclcCataloging.IO;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// The CSV and HTML report of a record check (one CSV row per finding). The CSV is streamed to its temporary file
    /// as findings arrive; the HTML page keeps the counts per group (rule) and the first
    /// <see cref="RowsPerGroup"/> rows of each, so memory stays bounded on any file. Both files are renamed into place
    /// by <see cref="Complete"/>; disposing without it leaves nothing behind.
    /// The page: summary counts, a bar chart of findings per group, the settings, then one table of the kept rows the
    /// reader filters by severity and by group and sorts by any column without script (<see cref="HtmlSortableTable"/>);
    /// as written, the groups come most severe first, then the largest, each in input order.
    /// </summary>
    internal sealed class FindingReport : IDisposable
    {
        public const int RowsPerGroup = 500;

        private readonly AtomicFileWriter _csv;
        private readonly AtomicFileWriter _html;
        private readonly HtmlColumn[] _columns;
        private readonly Dictionary<string, Group> _groups = new Dictionary<string, Group>(StringComparer.Ordinal);

        public FindingReport(string csvPath, HtmlColumn[] columns)
        {
            CsvPath = System.IO.Path.GetFullPath(csvPath);
            HtmlPath = System.IO.Path.ChangeExtension(CsvPath, ".html");
            _columns = columns;
            _csv = new AtomicFileWriter(CsvPath);
            _html = new AtomicFileWriter(HtmlPath);
            byte[] bom = new UTF8Encoding(true).GetPreamble();
            _csv.Stream.Write(bom, 0, bom.Length);
            Write(Csv.FormatRecord(columns.Select(c => c.Header).ToArray()));
        }

        public string CsvPath { get; }

        public string HtmlPath { get; }

        /// <summary>One finding: its group (rule id), a severity rank for ordering the groups (0 = most severe), its cells.</summary>
        public void Add(string group, string severity, int severityRank, string?[] cells)
        {
            Write(Csv.FormatRecord(cells));
            if (!_groups.TryGetValue(group, out Group? g))
            {
                g = new Group(group, severity, severityRank);
                _groups.Add(group, g);
            }
            g.Count++;
            if (g.Rows.Count < RowsPerGroup) g.Rows.Add(cells);
        }

        /// <summary>Writes the HTML page and renames both files into place.</summary>
        public void Complete(string heading, string subject, IReadOnlyList<KeyValuePair<string, long>> counts,
            IReadOnlyList<KeyValuePair<string, string>> settings, DateTimeOffset started, string groupName)
        {
            var sb = new StringBuilder();
            BatchHtmlPage.Begin(sb, heading + " — " + subject);
            sb.Append("<h1>").Append(BatchHtmlPage.E(heading)).Append("</h1>\n");
            BatchHtmlPage.CountTable(sb, "Summary", "Count", counts.ToArray());
            var ordered = _groups.Values.OrderBy(g => g.Rank).ThenByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
            if (ordered.Count > 0)
            {
                sb.Append("<h2>Findings by ").Append(BatchHtmlPage.E(groupName)).Append("</h2>\n");
                HtmlBarChart.Append(sb, "Findings by " + groupName, ordered.Select(g => BatchHtmlPage.N(g.Name + " (" + g.Severity + ")", g.Count)).ToList());
            }
            BatchHtmlPage.Settings(sb, settings, started, DateTimeOffset.Now, CsvPath);
            if (BatchHtmlPage.Section(sb, "Findings", (int)Math.Min(int.MaxValue, ordered.Sum(g => g.Count))))
            {
                var table = new HtmlSortableTable(_columns).Filter("Severity").Filter(char.ToUpperInvariant(groupName[0]) + groupName.Substring(1));
                foreach (var g in ordered)
                    foreach (var row in g.Rows) table.Add(row, g.Severity, g.Name);
                table.Write(sb, BatchHtmlPage.TableId(sb));
                foreach (var g in ordered) BatchHtmlPage.More(sb, g.Count - g.Rows.Count, g.Name + ": ");
            }
            BatchHtmlPage.End(sb);
            byte[] html = new UTF8Encoding(false).GetBytes(sb.ToString());
            _html.Stream.Write(html, 0, html.Length);
            _csv.Commit();
            _html.Commit();
        }

        public void Dispose()
        {
            _csv.Dispose();
            _html.Dispose();
        }

        private void Write(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            _csv.Stream.Write(bytes, 0, bytes.Length);
        }

        private sealed class Group
        {
            public Group(string name, string severity, int rank) { Name = name; Severity = severity; Rank = rank; }
            public string Name { get; }
            public string Severity { get; }
            public int Rank { get; }
            public long Count { get; set; }
            public List<string?[]> Rows { get; } = new List<string?[]>();
        }
    }
}
