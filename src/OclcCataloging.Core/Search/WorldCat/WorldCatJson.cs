using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// A small JSON reader for WorldCat response bodies (netstandard2.0 has no System.Text.Json and the core takes
    /// no dependencies). Objects become <see cref="Dictionary{TKey,TValue}"/>, arrays <see cref="List{T}"/>,
    /// numbers their source text wrapped in <see cref="JsonNumber"/>, and null becomes null.
    /// </summary>
    internal sealed class WorldCatJson
    {
        private const int MaxDepth = 64;
        private readonly string _s;
        private int _pos;

        private WorldCatJson(string text) { _s = text; }

        internal sealed class JsonNumber
        {
            public JsonNumber(string text) { Text = text; }
            public string Text { get; }
            public override string ToString() => Text;
        }

        /// <summary>Parses a whole JSON text; throws <see cref="FormatException"/> when it is not JSON.</summary>
        public static object? Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var p = new WorldCatJson(text);
            p.SkipWs();
            var value = p.ParseValue(0);
            p.SkipWs();
            if (p._pos < p._s.Length) throw p.Error("Unexpected text after the JSON value.");
            return value;
        }

        /// <summary>Parses, returning null instead of throwing (error bodies may be empty or HTML).</summary>
        public static Dictionary<string, object?>? TryParseObject(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            try { return Parse(text!) as Dictionary<string, object?>; }
            catch (FormatException) { return null; }
        }

        public static string? GetString(Dictionary<string, object?>? obj, string key)
        {
            if (obj == null || !obj.TryGetValue(key, out var v) || v == null) return null;
            return v switch
            {
                string s => s,
                JsonNumber n => n.Text,
                bool b => b ? "true" : "false",
                _ => null,
            };
        }

        public static long? GetInt64(Dictionary<string, object?>? obj, string key)
        {
            var text = GetString(obj, key);
            if (text == null) return null;
            if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return l;
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= long.MinValue && d <= long.MaxValue) return (long)d;
            return null;
        }

        public static Dictionary<string, object?>? GetObject(Dictionary<string, object?>? obj, string key) =>
            obj != null && obj.TryGetValue(key, out var v) ? v as Dictionary<string, object?> : null;

        public static List<object?>? GetArray(Dictionary<string, object?>? obj, string key) =>
            obj != null && obj.TryGetValue(key, out var v) ? v as List<object?> : null;

        private FormatException Error(string message) => new FormatException(message + " (offset " + _pos.ToString(CultureInfo.InvariantCulture) + ")");

        private void SkipWs()
        {
            while (_pos < _s.Length && (_s[_pos] == ' ' || _s[_pos] == '\t' || _s[_pos] == '\r' || _s[_pos] == '\n' || _s[_pos] == '\uFEFF')) _pos++;
        }

        private object? ParseValue(int depth)
        {
            if (depth > MaxDepth) throw Error("JSON nested too deeply.");
            if (_pos >= _s.Length) throw Error("Unexpected end of JSON.");
            char c = _s[_pos];
            switch (c)
            {
                case '{': return ParseObject(depth);
                case '[': return ParseArray(depth);
                case '"': return ParseString();
                case 't': Expect("true"); return true;
                case 'f': Expect("false"); return false;
                case 'n': Expect("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    throw Error("Unexpected character '" + c + "'.");
            }
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_s, _pos, word, 0, word.Length) != 0) throw Error("Expected '" + word + "'.");
            _pos += word.Length;
        }

        private Dictionary<string, object?> ParseObject(int depth)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _pos++;
            SkipWs();
            if (_pos < _s.Length && _s[_pos] == '}') { _pos++; return result; }
            while (true)
            {
                SkipWs();
                if (_pos >= _s.Length || _s[_pos] != '"') throw Error("Expected a property name.");
                string key = ParseString();
                SkipWs();
                if (_pos >= _s.Length || _s[_pos] != ':') throw Error("Expected ':'.");
                _pos++;
                SkipWs();
                result[key] = ParseValue(depth + 1);
                SkipWs();
                if (_pos >= _s.Length) throw Error("Unexpected end of JSON object.");
                if (_s[_pos] == ',') { _pos++; continue; }
                if (_s[_pos] == '}') { _pos++; return result; }
                throw Error("Expected ',' or '}'.");
            }
        }

        private List<object?> ParseArray(int depth)
        {
            var result = new List<object?>();
            _pos++;
            SkipWs();
            if (_pos < _s.Length && _s[_pos] == ']') { _pos++; return result; }
            while (true)
            {
                SkipWs();
                result.Add(ParseValue(depth + 1));
                SkipWs();
                if (_pos >= _s.Length) throw Error("Unexpected end of JSON array.");
                if (_s[_pos] == ',') { _pos++; continue; }
                if (_s[_pos] == ']') { _pos++; return result; }
                throw Error("Expected ',' or ']'.");
            }
        }

        private JsonNumber ParseNumber()
        {
            int start = _pos;
            if (_s[_pos] == '-') _pos++;
            while (_pos < _s.Length && ((_s[_pos] >= '0' && _s[_pos] <= '9') || _s[_pos] == '.' || _s[_pos] == 'e' || _s[_pos] == 'E' || _s[_pos] == '+' || _s[_pos] == '-')) _pos++;
            var text = _s.Substring(start, _pos - start);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) throw Error("Invalid number '" + text + "'.");
            return new JsonNumber(text);
        }

        private string ParseString()
        {
            _pos++;
            StringBuilder? sb = null;
            int runStart = _pos;
            while (true)
            {
                if (_pos >= _s.Length) throw Error("Unterminated string.");
                char c = _s[_pos];
                if (c == '"')
                {
                    string tail = _s.Substring(runStart, _pos - runStart);
                    _pos++;
                    return sb == null ? tail : sb.Append(tail).ToString();
                }
                if (c == '\\')
                {
                    sb ??= new StringBuilder();
                    sb.Append(_s, runStart, _pos - runStart);
                    _pos++;
                    if (_pos >= _s.Length) throw Error("Unterminated escape.");
                    char e = _s[_pos++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (_pos + 4 > _s.Length || !int.TryParse(_s.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                                throw Error("Invalid \\u escape.");
                            sb.Append((char)code);
                            _pos += 4;
                            break;
                        default: throw Error("Invalid escape '\\" + e + "'.");
                    }
                    runStart = _pos;
                    continue;
                }
                if (c < ' ') throw Error("Control character in string.");
                _pos++;
            }
        }
    }
}
