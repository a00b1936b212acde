using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Text.Json
{
    /// <summary>
    /// Reads JSON text (RFC 8259) into plain values for service answers and settings files: objects become
    /// <see cref="Dictionary{TKey,TValue}"/> (a repeated key keeps its last value), arrays <see cref="List{T}"/>,
    /// numbers <see cref="JsonNumber"/>, and strings, bools and null themselves. Parsing is <see cref="JsonParser"/>'s.
    /// </summary>
    internal static class JsonReader
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, false);

        /// <summary>Parses a whole JSON text; throws <see cref="FormatException"/> naming the character where it is not JSON.</summary>
        public static object? Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            int skipped = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; // text decoded without stripping the byte order mark
            byte[] bytes = Utf8.GetBytes(text.Substring(skipped));
            try
            {
                return Plain(JsonParser.Parse(bytes, 0, bytes.Length));
            }
            catch (JsonSyntaxException e)
            {
                int character = skipped + Utf8.GetCharCount(bytes, 0, e.Offset);
                throw new FormatException("Invalid JSON at character " + (character + 1).ToString(CultureInfo.InvariantCulture) + ": " + e.Reason + ".", e);
            }
        }

        /// <summary>The object, or null when the text is empty, not JSON or not an object (error bodies may be HTML).</summary>
        public static Dictionary<string, object?>? TryParseObject(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            try { return Parse(text!) as Dictionary<string, object?>; }
            catch (FormatException) { return null; }
        }

        private static object? Plain(object? value)
        {
            if (value is JsonObject o)
            {
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (JsonMember m in o) result[m.Name] = Plain(m.Value);
                return result;
            }
            if (value is JsonArray a)
            {
                var result = new List<object?>(a.Count);
                foreach (object? item in a) result.Add(Plain(item));
                return result;
            }
            return value;
        }
    }
}
