using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// A table the reader sorts and filters without any script (docs/design/html-reports.md): radio buttons placed
    /// before the table select CSS rules. A filter radio hides the rows of the other values; a sort radio sets the
    /// grid order of the cells to the row's rank in that column, which the writer computes here and writes as custom
    /// properties on the row (<c>--a3</c> ascending, <c>--d3</c> descending; empty cells last in both directions).
    /// Without CSS the page is a plain table in the written order. Every text is HTML-encoded; ids, classes and ranks
    /// are integers made here.
    /// </summary>
    internal sealed class HtmlSortableTable
    {
        private readonly IReadOnlyList<HtmlColumn> _columns;
        private readonly List<string> _filterNames = new List<string>();
        private readonly List<string?[]> _rows = new List<string?[]>();
        private readonly List<string[]> _filterValues = new List<string[]>();

        public HtmlSortableTable(IReadOnlyList<HtmlColumn> columns) => _columns = columns;

        public int Count => _rows.Count;

        /// <summary>Adds a filter; each row then gives its value for it. Values are offered in order of first appearance.</summary>
        public HtmlSortableTable Filter(string name)
        {
            if (_rows.Count > 0) throw new InvalidOperationException("Filters are declared before the rows.");
            _filterNames.Add(name);
            return this;
        }

        /// <summary>A row: one cell per column (null is empty) and one value per declared filter.</summary>
        public void Add(string?[] cells, params string[] filterValues)
        {
            if (cells.Length != _columns.Count) throw new ArgumentException("One cell per column.", nameof(cells));
            if (filterValues.Length != _filterNames.Count) throw new ArgumentException("One value per filter.", nameof(filterValues));
            _rows.Add(cells);
            _filterValues.Add(filterValues);
        }

        /// <summary>
        /// Writes the controls and the table. <paramref name="id"/> must be unique in the page (letters, digits, '-'),
        /// it scopes the control ids and the CSS rules.
        /// </summary>
        public void Write(StringBuilder sb, string id)
        {
            if (id.Length == 0 || id.Any(c => !(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))))
                throw new ArgumentException("The id is made of letters, digits and '-'.", nameof(id));
            var filters = Enumerable.Range(0, _filterNames.Count).Select(FilterValues).ToList();
            var ascending = new int[_columns.Count][];
            var descending = new int[_columns.Count][];
            for (int c = 0; c < _columns.Count; c++) Ranks(c, out ascending[c], out descending[c]);

            WriteStyle(sb, id, filters, _columns.Count);
            sb.Append("<div class=\"st\">\n");
            for (int f = 0; f < filters.Count; f++)
            {
                sb.Append("<span class=\"legend\">").Append(E(_filterNames[f])).Append(":</span>\n");
                Radio(sb, id + "-f" + Int(f), id + "-f" + Int(f) + "-all", true, "All (" + Int(_rows.Count) + ")");
                for (int v = 0; v < filters[f].Count; v++)
                    Radio(sb, id + "-f" + Int(f), id + "-f" + Int(f) + "-" + Int(v), false, filters[f][v].Key + " (" + Int(filters[f][v].Value) + ")");
                sb.Append("<br>\n");
            }
            sb.Append("<span class=\"legend\">Sort by:</span>\n");
            Radio(sb, id + "-s", id + "-s-none", true, "As written");
            for (int c = 0; c < _columns.Count; c++) Radio(sb, id + "-s", id + "-s" + Int(c), false, _columns[c].Header);
            sb.Append("<br>\n<span class=\"legend\">Order:</span>\n");
            Radio(sb, id + "-o", id + "-asc", true, "Ascending");
            Radio(sb, id + "-o", id + "-desc", false, "Descending");

            sb.Append("<table role=\"table\" style=\"grid-template-columns:");
            foreach (var column in _columns) sb.Append(' ').Append(Track(column));
            sb.Append("\">\n<thead role=\"rowgroup\"><tr role=\"row\">");
            foreach (var column in _columns) sb.Append("<th role=\"columnheader\">").Append(E(column.Header)).Append("</th>");
            sb.Append("</tr></thead>\n<tbody role=\"rowgroup\">\n");
            for (int r = 0; r < _rows.Count; r++)
            {
                sb.Append("<tr role=\"row\"");
                if (filters.Count > 0)
                {
                    sb.Append(" class=\"");
                    for (int f = 0; f < filters.Count; f++)
                        sb.Append(f == 0 ? "" : " ").Append('f').Append(Int(f)).Append('v').Append(Int(IndexOf(filters[f], _filterValues[r][f])));
                    sb.Append('"');
                }
                sb.Append(" style=\"");
                for (int c = 0; c < _columns.Count; c++)
                    sb.Append("--a").Append(Int(c)).Append(':').Append(Int(ascending[c][r])).Append(";--d").Append(Int(c)).Append(':').Append(Int(descending[c][r])).Append(';');
                sb.Append("\">");
                for (int c = 0; c < _columns.Count; c++)
                    sb.Append(_columns[c].Kind == HtmlSortKind.Number ? "<td role=\"cell\" class=\"n\">" : "<td role=\"cell\">").Append(E(_rows[r][c] ?? "")).Append("</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody>\n</table>\n</div>\n");
        }

        /// <summary>The CSS the page head carries once for every sortable table.</summary>
        public const string SharedStyle =
            ".st table{display:grid;gap:1px;background:#bbb;border:1px solid #bbb;width:max-content;max-width:100%;box-sizing:border-box}" +
            ".st thead,.st tbody,.st tr{display:contents}.st th,.st td{border:0;background:#fff;order:0}.st td{overflow-wrap:anywhere}.st th{background:#eee;order:-1}" +
            ".st .legend{font-weight:bold;margin-right:.3em;display:inline-block;min-width:5em}" +
            ".st input{position:absolute;opacity:0;width:1px;height:1px;margin:0}" +
            ".st label{display:inline-block;white-space:nowrap;cursor:pointer;border:1px solid #3465a4;border-radius:1em;padding:.05em .7em;margin:.15em .3em .15em 0;color:#1d3f6e}" +
            ".st input:checked+label{background:#3465a4;color:#fff}.st input:focus-visible+label{outline:3px solid #f57900;outline-offset:1px}" +
            ".st{position:relative}.st th{position:sticky;top:0}";

        private static void WriteStyle(StringBuilder sb, string id, List<List<KeyValuePair<string, int>>> filters, int columns)
        {
            sb.Append("<style>");
            for (int c = 0; c < columns; c++)
            {
                sb.Append('#').Append(id).Append("-s").Append(Int(c)).Append(":checked~table td{order:var(--a").Append(Int(c)).Append(")}");
                sb.Append('#').Append(id).Append("-s").Append(Int(c)).Append(":checked~#").Append(id).Append("-desc:checked~table td{order:var(--d").Append(Int(c)).Append(")}");
            }
            for (int f = 0; f < filters.Count; f++)
                for (int v = 0; v < filters[f].Count; v++)
                    sb.Append('#').Append(id).Append("-f").Append(Int(f)).Append('-').Append(Int(v)).Append(":checked~table tbody tr:not(.f")
                      .Append(Int(f)).Append('v').Append(Int(v)).Append("){display:none}");
            sb.Append("</style>\n");
        }

        /// <summary>
        /// The grid column width: as wide as its content when the window allows; when it does not, long text keeps a
        /// readable minimum (at most a fifth of the table, so narrow windows still fit) and the others wrap.
        /// </summary>
        private static string Track(HtmlColumn column) => column.Wide ? "minmax(min(16em,20%),max-content)" : "auto";

        private static void Radio(StringBuilder sb, string name, string id, bool isChecked, string label)
        {
            sb.Append("<input type=\"radio\" name=\"").Append(name).Append("\" id=\"").Append(id).Append('"').Append(isChecked ? " checked" : "")
              .Append("><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>\n");
        }

        private List<KeyValuePair<string, int>> FilterValues(int filter)
        {
            var values = new List<KeyValuePair<string, int>>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in _filterValues)
            {
                string value = row[filter];
                if (index.TryGetValue(value, out int i)) values[i] = new KeyValuePair<string, int>(value, values[i].Value + 1);
                else { index.Add(value, values.Count); values.Add(new KeyValuePair<string, int>(value, 1)); }
            }
            return values;
        }

        private static int IndexOf(List<KeyValuePair<string, int>> values, string value) => values.FindIndex(v => string.Equals(v.Key, value, StringComparison.Ordinal));

        /// <summary>
        /// Dense ranks from 1 of the row values in one column (equal values share a rank, the page then keeps them in
        /// written order); empty cells get the rank after the last in both directions.
        /// </summary>
        private void Ranks(int column, out int[] ascending, out int[] descending)
        {
            var comparer = HtmlSortComparer.For(_columns[column]);
            var filled = Enumerable.Range(0, _rows.Count).Where(r => !string.IsNullOrEmpty(_rows[r][column])).ToList();
            filled.Sort((x, y) => comparer.Compare(_rows[x][column], _rows[y][column]));
            ascending = new int[_rows.Count];
            int rank = 0;
            for (int i = 0; i < filled.Count; i++)
            {
                if (i == 0 || comparer.Compare(_rows[filled[i - 1]][column], _rows[filled[i]][column]) != 0) rank++;
                ascending[filled[i]] = rank;
            }
            descending = new int[_rows.Count];
            for (int r = 0; r < _rows.Count; r++)
            {
                bool empty = ascending[r] == 0;
                descending[r] = empty ? rank + 1 : rank + 1 - ascending[r];
                if (empty) ascending[r] = rank + 1;
            }
        }

        private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

        private static string E(string text) => BatchHtmlPage.E(text);
    }
}
