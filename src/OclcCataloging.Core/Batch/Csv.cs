using System;
using System.Collections.Generic;
using System.Text;

namespace OclcCataloging.Batch
{
    /// <summary>RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; records end in CRLF.</summary>
    internal static class Csv
    {
        public static string FormatRecord(IReadOnlyList<string?> fields)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < fields.Count; i++)
            {
                if (i > 0) sb.Append(',');
                AppendField(sb, fields[i] ?? "");
            }
            return sb.Append("\r\n").ToString();
        }

        private static void AppendField(StringBuilder sb, string value)
        {
            if (value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0)
            {
                sb.Append(value);
                return;
            }
            sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
        }

        /// <summary>
        /// Reads the records of a CSV text. A last record without its line end is dropped when
        /// <paramref name="dropUnterminatedLast"/> (an append cut short by a crash).
        /// </summary>
        public static List<List<string>> Parse(string text, bool dropUnterminatedLast)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, fieldStarted = false;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        quoted = false;
                    }
                    else field.Append(c);
                    i++;
                    continue;
                }
                switch (c)
                {
                    case '"' when field.Length == 0:
                        quoted = true;
                        fieldStarted = true;
                        break;
                    case ',':
                        record.Add(field.ToString());
                        field.Clear();
                        fieldStarted = true;
                        break;
                    case '\r':
                    case '\n':
                        if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                        record.Add(field.ToString());
                        records.Add(record);
                        record = new List<string>();
                        field.Clear();
                        fieldStarted = false;
                        break;
                    default:
                        field.Append(c);
                        fieldStarted = true;
                        break;
                }
                i++;
            }
            if ((fieldStarted || field.Length > 0 || record.Count > 0) && !dropUnterminatedLast)
            {
                record.Add(field.ToString());
                records.Add(record);
            }
            return records;
        }
    }
}
