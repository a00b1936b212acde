using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>
    /// A holdings translation table (docs/design/data-sync.md). CSV columns:
    /// <c>In852a,In852b,In852c,Out852a,Out852b,Out852c,Out008_20,Out008_21</c>.
    /// Matching: values are compared case-sensitively ("All data is case sensitive") after reading hyphens as
    /// spaces and removing accents and diacritics, as OCLC's validation does. A "*" matches anything including
    /// absence; an empty In cell matches an absent or empty subfield. When several rows match, the most specific
    /// (fewest "*") wins, and among equally specific rows the first one (decision recorded in the help).
    /// </summary>
    public sealed class HoldingsTranslationTable
    {
        /// <summary>The columns a table must have.</summary>
        public static readonly string[] Columns =
        {
            nameof(TranslationRow.In852a), nameof(TranslationRow.In852b), nameof(TranslationRow.In852c),
            nameof(TranslationRow.Out852a), nameof(TranslationRow.Out852b), nameof(TranslationRow.Out852c),
            nameof(TranslationRow.Out008_20), nameof(TranslationRow.Out008_21),
        };

        /// <summary>What valid Out values are, in one sentence (for a message about an invalid table).</summary>
        public const string ValidOutValues =
            "852 $b codes are four characters of A-Z and 2-9; 008/20 is a, b, c, l or u; 008/21 is a, b or u.";

        /// <summary>The columns of <see cref="Columns"/> that <paramref name="hasColumn"/> says a row lacks, in table order.</summary>
        public static List<string> MissingColumns(Func<string, bool> hasColumn)
        {
            if (hasColumn == null) throw new ArgumentNullException(nameof(hasColumn));
            return new List<string>(Array.FindAll(Columns, c => !hasColumn(c)));
        }

        /// <summary>The error findings, each as "RuleId Tag/row: message".</summary>
        public List<string> DescribeErrors() =>
            Findings.FindAll(f => f.Severity == FindingSeverity.Error).ConvertAll(f => f.ToString());

        private readonly List<TranslationRow> _rows;
        private readonly Dictionary<string, TranslationRow> _exact = new Dictionary<string, TranslationRow>(StringComparer.Ordinal);
        private readonly List<TranslationRow> _wildcard = new List<TranslationRow>();
        private readonly Dictionary<string, TranslationRow?> _cache = new Dictionary<string, TranslationRow?>(StringComparer.Ordinal);

        public HoldingsTranslationTable(IEnumerable<TranslationRow> rows) : this(rows, null) { }

        private HoldingsTranslationTable(IEnumerable<TranslationRow> rows, List<DataSyncFinding>? loadFindings)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            _rows = new List<TranslationRow>(rows);
            Findings = loadFindings ?? new List<DataSyncFinding>();
            int n = 0;
            foreach (var row in _rows)
            {
                n++;
                if (row.RowNumber == 0) row.RowNumber = n;
                Validate(row);
                if (row.Specificity == 3)
                {
                    string key = Key(row.In852a, row.In852b, row.In852c);
                    if (_exact.ContainsKey(key))
                        Findings.Add(new DataSyncFinding(LhrRules.TableDuplicateRow, FindingSeverity.Warning, "852", "row " + row.RowNumber,
                            "Row " + row.RowNumber + " repeats the incoming values of row " + _exact[key].RowNumber + " (" + row.In852a + "/" + row.In852b + "/" + row.In852c + "); the first row wins."));
                    else _exact[key] = row;
                }
                else
                {
                    _wildcard.Add(row);
                }
            }
            _wildcard.Sort((x, y) => x.Specificity != y.Specificity ? y.Specificity - x.Specificity : x.RowNumber - y.RowNumber);
        }

        /// <summary>The rows, in table order.</summary>
        public IReadOnlyList<TranslationRow> Rows => _rows;

        /// <summary>Problems with the table itself (rule ids Table*). Errors make <see cref="IsValid"/> false.</summary>
        public List<DataSyncFinding> Findings { get; }

        public bool IsValid
        {
            get
            {
                foreach (var f in Findings) if (f.Severity == FindingSeverity.Error) return false;
                return true;
            }
        }

        /// <summary>The row that translates the given incoming 852 values (null = absent), or null when none does.</summary>
        public TranslationRow? Match(string? a, string? b, string? c)
        {
            string na = Normalize(a), nb = Normalize(b), nc = Normalize(c);
            string key = Key(na, nb, nc);
            if (_cache.TryGetValue(key, out var cached)) return cached;
            TranslationRow? found = null;
            if (!_exact.TryGetValue(key, out found))
            {
                foreach (var row in _wildcard)
                {
                    if (Matches(row.In852a, na) && Matches(row.In852b, nb) && Matches(row.In852c, nc)) { found = row; break; }
                }
            }
            if (_cache.Count < 100000) _cache[key] = found;
            return found;
        }

        /// <summary>Reads a CSV file (comma-separated, header row, quotes allowed, UTF-8).</summary>
        public static HoldingsTranslationTable Load(string path)
        {
            using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                return Parse(reader);
            }
        }

        /// <summary>Reads CSV text with a header row.</summary>
        public static HoldingsTranslationTable Parse(TextReader reader)
        {
            var findings = new List<DataSyncFinding>();
            var rows = new List<TranslationRow>();
            List<string>? header = null;
            int lineNumber = 0;
            foreach (var fields in CsvLines(reader))
            {
                lineNumber++;
                if (header == null)
                {
                    header = fields;
                    foreach (string col in Columns)
                    {
                        if (IndexOf(header, col) < 0)
                            findings.Add(new DataSyncFinding(LhrRules.TableColumnMissing, FindingSeverity.Error, null, col,
                                "The translation table has no column '" + col + "'; the columns are " + string.Join(",", Columns) + "."));
                    }
                    continue;
                }
                if (fields.TrueForAll(f => f.Length == 0)) continue;
                TranslationRow row = TranslationRow.FromCells(column => Cell(header, fields, column));
                row.RowNumber = rows.Count + 1;
                rows.Add(row);
            }
            if (header == null)
                findings.Add(new DataSyncFinding(LhrRules.TableColumnMissing, FindingSeverity.Error, null, null, "The translation table is empty (no header row)."));
            return new HoldingsTranslationTable(rows, findings);
        }

        private void Validate(TranslationRow row)
        {
            string where = "row " + row.RowNumber;
            row.In852a = (row.In852a ?? string.Empty).Trim();
            row.In852b = (row.In852b ?? string.Empty).Trim();
            row.In852c = (row.In852c ?? string.Empty).Trim();
            row.Out852a = (row.Out852a ?? string.Empty).Trim();
            row.Out852b = (row.Out852b ?? string.Empty).Trim();
            row.Out852c = (row.Out852c ?? string.Empty).Trim();
            row.Out008_20 = (row.Out008_20 ?? string.Empty).Trim();
            row.Out008_21 = (row.Out008_21 ?? string.Empty).Trim();
            if (row.In852a != "*") row.In852a = Normalize(row.In852a);
            if (row.In852b != "*") row.In852b = Normalize(row.In852b);
            if (row.In852c != "*") row.In852c = Normalize(row.In852c);

            if (row.Out852a.Length == 0)
                Findings.Add(new DataSyncFinding(LhrRules.TableSymbol, FindingSeverity.Error, "852", where, "Row " + row.RowNumber + ": Out852a (the OCLC institution symbol) is empty."));
            if (!IsHoldingCode(row.Out852b))
                Findings.Add(new DataSyncFinding(LhrRules.TableHoldingCode, FindingSeverity.Error, "852", where,
                    "Row " + row.RowNumber + ": Out852b '" + row.Out852b + "' is not a holding library code (four characters of A-Z and 2-9)."));
            if (row.Out852c.Length > 150 || row.Out852c.Contains("&") || row.Out852c.Contains("--"))
                Findings.Add(new DataSyncFinding(LhrRules.TableShelvingLocation, FindingSeverity.Error, "852", where,
                    "Row " + row.RowNumber + ": Out852c must be at most 150 characters without '&' or '--'."));
            if (row.Out008_20.Length > 0 && !(row.Out008_20.Length == 1 && "abclu".IndexOf(row.Out008_20[0]) >= 0))
                Findings.Add(new DataSyncFinding(LhrRules.TableLendingPolicy, FindingSeverity.Error, "008", where,
                    "Row " + row.RowNumber + ": Out008_20 '" + row.Out008_20 + "' is not a lending policy code (a, b, c, l, u)."));
            if (row.Out008_21.Length > 0 && !(row.Out008_21.Length == 1 && "abu".IndexOf(row.Out008_21[0]) >= 0))
                Findings.Add(new DataSyncFinding(LhrRules.TableReproductionPolicy, FindingSeverity.Error, "008", where,
                    "Row " + row.RowNumber + ": Out008_21 '" + row.Out008_21 + "' is not a reproduction policy code (a, b, u)."));
        }

        /// <summary>Four characters, each A-Z or 2-9 (docs/design/data-sync.md).</summary>
        public static bool IsHoldingCode(string? code)
        {
            if (code == null || code.Length != 4) return false;
            foreach (char c in code) if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9'))) return false;
            return true;
        }

        /// <summary>Hyphens read as spaces, accents and diacritics removed, trimmed; null becomes "".</summary>
        public static string Normalize(string? value)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            string v = value!;
            bool plain = true;
            foreach (char c in v) if (c > 0x7E || c == '-') { plain = false; break; }
            if (plain) return v.Trim();
            var sb = new StringBuilder(v.Length);
            foreach (char c in v.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
                sb.Append(c == '-' ? ' ' : c);
            }
            return sb.ToString().Normalize(NormalizationForm.FormC).Trim();
        }

        private static bool Matches(string pattern, string value) => pattern == "*" || string.Equals(pattern, value, StringComparison.Ordinal);

        private static string Key(string a, string b, string c) => a + "\u001f" + b + "\u001f" + c;

        private static int IndexOf(List<string> header, string column)
        {
            for (int i = 0; i < header.Count; i++) if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        // Null when the table has no such column or the line ends before it: the row's default applies.
        private static string? Cell(List<string> header, List<string> fields, string column)
        {
            int i = IndexOf(header, column);
            return i < 0 || i >= fields.Count ? null : fields[i];
        }

        /// <summary>Minimal RFC 4180 reader: commas, double quotes, "" inside quotes, quoted line breaks.</summary>
        private static IEnumerable<List<string>> CsvLines(TextReader reader)
        {
            var fields = new List<string>();
            var cell = new StringBuilder();
            bool quoted = false, any = false;
            int ch;
            while ((ch = reader.Read()) >= 0)
            {
                char c = (char)ch;
                any = true;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"') { reader.Read(); cell.Append('"'); }
                        else quoted = false;
                    }
                    else cell.Append(c);
                    continue;
                }
                switch (c)
                {
                    case '"': quoted = true; break;
                    case ',': fields.Add(cell.ToString()); cell.Clear(); break;
                    case '\r': break;
                    case '\n':
                        fields.Add(cell.ToString()); cell.Clear();
                        yield return fields;
                        fields = new List<string>(); any = false;
                        break;
                    default: cell.Append(c); break;
                }
            }
            if (any || cell.Length > 0)
            {
                fields.Add(cell.ToString());
                yield return fields;
            }
        }
    }
}
