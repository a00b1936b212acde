using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Text.Json
{
    /// <summary>
    /// Reads JSON text (RFC 8259) into plain values: objects become <see cref="Dictionary{TKey,TValue}"/> (a repeated
    /// key keeps its last value), arrays <see cref="List{T}"/>, numbers <see cref="JsonNumber"/>, and strings, bools
    /// and null themselves. Hand-written because the core takes no dependencies and netstandard2.0 has no
    /// System.Text.Json.
    /// </summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 64;
        private readonly string _s;
        private int _pos;

        private JsonReader(string text) { _s = text; }

        /// <summary>Parses a whole JSON text; throws <see cref="FormatException"/> naming the character where it is not JSON.</summary>
        public static object? Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var reader = new JsonReader(text);
            if (text.Length > 0 && text[0] == '\uFEFF') reader._pos++; // text decoded without stripping the byte order mark
            reader.SkipWhitespace();
            object? value = reader.ParseValue(0);
            reader.SkipWhitespace();
            if (reader._pos < text.Length) throw reader.Error("unexpected text after the value");
            return value;
        }

        /// <summary>The object, or null when the text is empty, not JSON or not an object (error bodies may be HTML).</summary>
        public static Dictionary<string, object?>? TryParseObject(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            try { return Parse(text!) as Dictionary<string, object?>; }
            catch (FormatException) { return null; }
        }

        private FormatException Error(string what) =>
            new FormatException("Invalid JSON at character " + (_pos + 1).ToString(CultureInfo.InvariantCulture) + ": " + what + ".");

        private void SkipWhitespace()
        {
            while (_pos < _s.Length && (_s[_pos] == ' ' || _s[_pos] == '\t' || _s[_pos] == '\r' || _s[_pos] == '\n')) _pos++;
        }

        private object? ParseValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nested too deeply");
            if (_pos >= _s.Length) throw Error("unexpected end");
            char c = _s[_pos];
            switch (c)
            {
                case '{': return ParseObject(depth);
                case '[': return ParseArray(depth);
                case '"': return ParseString();
                case 't': return Literal("true", true);
                case 'f': return Literal("false", false);
                case 'n': return Literal("null", null);
                default:
                    if (c == '-' || IsDigit(c)) return ParseNumber();
                    throw Error("unexpected '" + c + "'");
            }
        }

        private object? Literal(string word, object? value)
        {
            if (string.CompareOrdinal(_s, _pos, word, 0, word.Length) != 0) throw Error("expected " + word);
            _pos += word.Length;
            return value;
        }

        private Dictionary<string, object?> ParseObject(int depth)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _pos++;
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == '}') { _pos++; return result; }
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _s.Length || _s[_pos] != '"') throw Error("expected a property name");
                string key = ParseString();
                SkipWhitespace();
                if (_pos >= _s.Length || _s[_pos] != ':') throw Error("expected ':'");
                _pos++;
                SkipWhitespace();
                result[key] = ParseValue(depth + 1);
                SkipWhitespace();
                if (_pos >= _s.Length) throw Error("unexpected end in an object");
                if (_s[_pos] == ',') { _pos++; continue; }
                if (_s[_pos] == '}') { _pos++; return result; }
                throw Error("expected ',' or '}'");
            }
        }

        private List<object?> ParseArray(int depth)
        {
            var result = new List<object?>();
            _pos++;
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == ']') { _pos++; return result; }
            while (true)
            {
                SkipWhitespace();
                result.Add(ParseValue(depth + 1));
                SkipWhitespace();
                if (_pos >= _s.Length) throw Error("unexpected end in an array");
                if (_s[_pos] == ',') { _pos++; continue; }
                if (_s[_pos] == ']') { _pos++; return result; }
                throw Error("expected ',' or ']'");
            }
        }

        private JsonNumber ParseNumber()
        {
            int start = _pos;
            if (_s[_pos] == '-') _pos++;
            if (_pos < _s.Length && _s[_pos] == '0') _pos++;
            else if (!SkipDigits()) throw Error("invalid number");
            if (_pos < _s.Length && _s[_pos] == '.')
            {
                _pos++;
                if (!SkipDigits()) throw Error("invalid number");
            }
            if (_pos < _s.Length && (_s[_pos] == 'e' || _s[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _s.Length && (_s[_pos] == '+' || _s[_pos] == '-')) _pos++;
                if (!SkipDigits()) throw Error("invalid number");
            }
            return new JsonNumber(_s.Substring(start, _pos - start));
        }

        private bool SkipDigits()
        {
            int start = _pos;
            while (_pos < _s.Length && IsDigit(_s[_pos])) _pos++;
            return _pos > start;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private string ParseString()
        {
            _pos++;
            StringBuilder? sb = null;
            int runStart = _pos;
            while (true)
            {
                if (_pos >= _s.Length) throw Error("unterminated string");
                char c = _s[_pos];
                if (c == '"')
                {
                    string run = _s.Substring(runStart, _pos - runStart);
                    _pos++;
                    return sb == null ? run : sb.Append(run).ToString();
                }
                if (c == '\\')
                {
                    sb ??= new StringBuilder();
                    sb.Append(_s, runStart, _pos - runStart);
                    _pos++;
                    AppendEscape(sb);
                    runStart = _pos;
                    continue;
                }
                if (c < ' ') throw Error("control character in a string");
                _pos++;
            }
        }

        // A surrogate pair arrives as two \u escapes, each appended as one UTF-16 unit, so the pair stays intact.
        private void AppendEscape(StringBuilder sb)
        {
            if (_pos >= _s.Length) throw Error("unterminated escape");
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
                case 'u': sb.Append(ParseHex4()); break;
                default: _pos--; throw Error("invalid escape '\\" + e + "'");
            }
        }

        private char ParseHex4()
        {
            if (_pos + 4 > _s.Length) throw Error("invalid \\u escape");
            int code = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = HexValue(_s[_pos + i]);
                if (digit < 0) throw Error("invalid \\u escape");
                code = (code << 4) | digit;
            }
            _pos += 4;
            return (char)code;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
