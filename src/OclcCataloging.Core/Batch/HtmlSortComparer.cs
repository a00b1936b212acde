using System;
using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.Batch
{
    /// <summary>The order of non-empty cell values for each <see cref="HtmlSortKind"/>; the ranks of a sortable table come from it.</summary>
    internal static class HtmlSortComparer
    {
        public static IComparer<string?> For(HtmlColumn column) => column.Kind switch
        {
            HtmlSortKind.Number => NumberOrder,
            HtmlSortKind.Date => DateOrder,
            HtmlSortKind.Ranked => RankedOrder(column.Order),
            _ => TextOrder,
        };

        private static IComparer<string?> RankedOrder(IReadOnlyList<string> order)
        {
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < order.Count; i++) if (!index.ContainsKey(order[i])) index.Add(order[i], i);
            return Comparer<string?>.Create((x, y) =>
            {
                bool xOk = index.TryGetValue(x ?? "", out int a), yOk = index.TryGetValue(y ?? "", out int b);
                if (xOk && yOk) return a.CompareTo(b);
                if (xOk != yOk) return xOk ? -1 : 1;
                return CompareText(x ?? "", y ?? "");
            });
        }

        private static readonly IComparer<string?> TextOrder = Comparer<string?>.Create((x, y) => CompareText(x ?? "", y ?? ""));

        private static readonly IComparer<string?> NumberOrder = Comparer<string?>.Create((x, y) => CompareParsed(x ?? "", y ?? "", TryNumber));

        private static readonly IComparer<string?> DateOrder = Comparer<string?>.Create((x, y) => CompareParsed(x ?? "", y ?? "", TryDate));

        private delegate bool TryParse(string text, out decimal value);

        private static bool TryNumber(string text, out decimal value) =>
            decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        private static bool TryDate(string text, out decimal value)
        {
            bool ok = DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t);
            value = ok ? t.UtcTicks : 0;
            return ok;
        }

        private static int CompareParsed(string x, string y, TryParse parse)
        {
            bool xOk = parse(x, out decimal a), yOk = parse(y, out decimal b);
            if (xOk && yOk) return a.CompareTo(b);
            if (xOk != yOk) return xOk ? -1 : 1;
            return CompareText(x, y);
        }

        /// <summary>Case-insensitive, digit runs by value (leading zeros ignored), then ordinal so unequal texts never tie.</summary>
        private static int CompareText(string x, string y)
        {
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (IsDigit(x[i]) && IsDigit(y[j]))
                {
                    int si = i, sj = j;
                    while (i < x.Length && IsDigit(x[i])) i++;
                    while (j < y.Length && IsDigit(y[j])) j++;
                    string a = x.Substring(si, i - si).TrimStart('0'), b = y.Substring(sj, j - sj).TrimStart('0');
                    if (a.Length != b.Length) return a.Length < b.Length ? -1 : 1;
                    int digits = string.CompareOrdinal(a, b);
                    if (digits != 0) return digits;
                }
                else
                {
                    int c = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                    if (c != 0) return c;
                    i++;
                    j++;
                }
            }
            if (i < x.Length || j < y.Length) return i < x.Length ? 1 : -1;
            return string.CompareOrdinal(x, y);
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
