using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// The small JSON subset the connections file uses: objects, arrays, strings, numbers, true/false/null.
    /// Hand-written because the core has no dependencies and netstandard2.0 has no System.Text.Json.
    /// Objects parse to <see cref="Dictionary{TKey,TValue}"/>, arrays to <see cref="List{T}"/>, numbers to double.
    /// </summary>
    internal sealed class ConnectionsJson
    {
        private const int MaxDepth = 32;
        private readonly string _text;
        private int _pos;

        private ConnectionsJson(string text) { _text = text; }

        internal static object? Parse(string text)
        {
            var p = new ConnectionsJson(text);
            p.SkipWs();
            object? value = p.ParseValue(0);
            p.SkipWs();
            if (p._pos != text.Length) throw p.Error("unexpected text after the end");
            return value;
        }

        internal static void WriteString(StringBuilder sb, string value)
        {
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }

        private FormatException Error(string what) => new FormatException("Invalid JSON at character " + (_pos + 1) + ": " + what + ".");

        private void SkipWs()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r' || _text[_pos] == '\uFEFF')) _pos++;
        }

        private object? ParseValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nested too deeply");
            if (_pos >= _text.Length) throw Error("unexpected end");
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ParseObject(depth);
                case '[': return ParseArray(depth);
                case '"': return ParseString();
                case 't': Literal("true"); return true;
                case 'f': Literal("false"); return false;
                case 'n': Literal("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    throw Error("unexpected '" + c + "'");
            }
        }

        private void Literal(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) throw Error("expected " + word);
            _pos += word.Length;
        }

        private double ParseNumber()
        {
            int start = _pos;
            while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0) _pos++;
            if (!double.TryParse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) throw Error("bad number");
            return d;
        }

        private Dictionary<string, object?> ParseObject(int depth)
        {
            var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
            _pos++;
            SkipWs();
            if (_pos < _text.Length && _text[_pos] == '}') { _pos++; return obj; }
            while (true)
            {
                SkipWs();
                if (_pos >= _text.Length || _text[_pos] != '"') throw Error("expected a property name");
                string key = ParseString();
                SkipWs();
                if (_pos >= _text.Length || _text[_pos] != ':') throw Error("expected ':'");
                _pos++;
                SkipWs();
                obj[key] = ParseValue(depth + 1);
                SkipWs();
                if (_pos >= _text.Length) throw Error("unexpected end");
                if (_text[_pos] == ',') { _pos++; continue; }
                if (_text[_pos] == '}') { _pos++; return obj; }
                throw Error("expected ',' or '}'");
            }
        }

        private List<object?> ParseArray(int depth)
        {
            var list = new List<object?>();
            _pos++;
            SkipWs();
            if (_pos < _text.Length && _text[_pos] == ']') { _pos++; return list; }
            while (true)
            {
                SkipWs();
                list.Add(ParseValue(depth + 1));
                SkipWs();
                if (_pos >= _text.Length) throw Error("unexpected end");
                if (_text[_pos] == ',') { _pos++; continue; }
                if (_text[_pos] == ']') { _pos++; return list; }
                throw Error("expected ',' or ']'");
            }
        }

        private string ParseString()
        {
            var sb = new StringBuilder();
            _pos++;
            while (true)
            {
                if (_pos >= _text.Length) throw Error("unterminated string");
                char c = _text[_pos++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                if (_pos >= _text.Length) throw Error("unterminated string");
                char e = _text[_pos++];
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
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                            throw Error("bad \\u escape");
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw Error("bad escape");
                }
            }
        }
    }
}
