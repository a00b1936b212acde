using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.Text.Json
{
    /// <summary>
    /// Typed reads of a parsed object's members. Each returns null when the object or the member is missing or of
    /// another kind, so callers decide what absence means.
    /// </summary>
    internal static class JsonValues
    {
        /// <summary>A string member; a number gives its text and a bool "true"/"false" (services differ in which they send).</summary>
        public static string? GetString(Dictionary<string, object?>? obj, string key)
        {
            if (obj == null || !obj.TryGetValue(key, out object? value)) return null;
            return value switch
            {
                string s => s,
                JsonNumber n => n.Text,
                bool b => b ? "true" : "false",
                _ => null,
            };
        }

        /// <summary>A number or numeric string as a whole number; a fraction is truncated.</summary>
        public static long? GetInt64(Dictionary<string, object?>? obj, string key)
        {
            string? text = GetString(obj, key)?.Trim();
            if (text == null) return null;
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d >= long.MinValue && d <= long.MaxValue) return (long)d;
            return null;
        }

        public static Dictionary<string, object?>? GetObject(Dictionary<string, object?>? obj, string key) =>
            obj != null && obj.TryGetValue(key, out object? value) ? value as Dictionary<string, object?> : null;

        public static List<object?>? GetArray(Dictionary<string, object?>? obj, string key) =>
            obj != null && obj.TryGetValue(key, out object? value) ? value as List<object?> : null;
    }
}
