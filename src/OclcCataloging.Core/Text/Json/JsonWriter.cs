using System.Globalization;
using System.Text;

namespace OclcCataloging.Text.Json
{
    /// <summary>Pieces for writing JSON by hand.</summary>
    internal static class JsonWriter
    {
        /// <summary>
        /// Appends the value as a quoted JSON string. Non-ASCII characters are written as they are; control characters,
        /// DEL, quotes, backslashes, U+2028/U+2029 (line breaks to JavaScript) and unpaired surrogates as escapes.
        /// </summary>
        public static void WriteString(StringBuilder sb, string value)
        {
            sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    default:
                        if (c < 0x20 || c == '\u007F' || c == '\u2028' || c == '\u2029') AppendUnicodeEscape(sb, c);
                        else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) sb.Append(c).Append(value[++i]);
                        else if (char.IsSurrogate(c)) AppendUnicodeEscape(sb, c); // unpaired: UTF-8 cannot carry it, the escape keeps it
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }

        private static void AppendUnicodeEscape(StringBuilder sb, char c) =>
            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
    }
}
