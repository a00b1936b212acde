using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Net;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// A horizontal bar chart drawn as inline SVG (no script, no external file): one labelled bar per count, scaled
    /// to the largest, with its number beside it and a tooltip. Safe to e-mail; every label is encoded.
    /// </summary>
    internal static class HtmlBarChart
    {
        private const int LabelWidth = 260, BarWidth = 360, RowHeight = 22, NumberWidth = 90;

        public static void Append(StringBuilder sb, string title, IReadOnlyList<KeyValuePair<string, long>> bars)
        {
            if (bars.Count == 0) return;
            long max = Math.Max(1, bars.Max(b => b.Value));
            int height = bars.Count * RowHeight + 4;
            int width = LabelWidth + BarWidth + NumberWidth;
            sb.Append("<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width)
              .Append("\" height=\"").Append(height).Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
              .Append("\" aria-label=\"").Append(E(title)).Append("\">\n<title>").Append(E(title)).Append("</title>\n");
            for (int i = 0; i < bars.Count; i++)
            {
                var bar = bars[i];
                int y = i * RowHeight + 2;
                int length = bar.Value == 0 ? 0 : Math.Max(2, (int)Math.Round(BarWidth * (double)bar.Value / max));
                string n = bar.Value.ToString(CultureInfo.InvariantCulture);
                sb.Append("<g><title>").Append(E(bar.Key)).Append(": ").Append(n).Append("</title>")
                  .Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 15).Append("\" text-anchor=\"end\">")
                  .Append(E(Shorten(bar.Key))).Append("</text>")
                  .Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y + 3).Append("\" width=\"").Append(length)
                  .Append("\" height=\"").Append(RowHeight - 6).Append("\" fill=\"").Append(Colour(i)).Append("\"/>")
                  .Append("<text x=\"").Append(LabelWidth + length + 6).Append("\" y=\"").Append(y + 15).Append("\">").Append(n).Append("</text></g>\n");
            }
            sb.Append("</svg>\n");
        }

        private static string Shorten(string label) => label.Length <= 36 ? label : label.Substring(0, 35) + "…";

        private static readonly string[] Palette = { "#3465a4", "#73d216", "#f57900", "#cc0000", "#75507b", "#c4a000", "#555753" };

        private static string Colour(int i) => Palette[i % Palette.Length];

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
