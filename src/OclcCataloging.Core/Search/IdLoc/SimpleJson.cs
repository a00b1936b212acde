using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>
    /// Parses JSON text into plain objects: Dictionary&lt;string, object?&gt;, List&lt;object?&gt;, string, double,
    /// bool, null. Enough for id.loc.gov's small suggest2 answers (netstandard2.0 has no System.Text.Json).
    /// </summary>
    internal sealed class SimpleJson
    {
        private const int MaxDepth = 64;
        private readonly string _s;
        private int _pos;

        private SimpleJson(string text) { _s = text; }

        public static object? Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var p = new SimpleJson(text);
            p.SkipWs();
            object? value = p.Value(0);
            p.SkipWs();
            if (p._pos < p._s.Length) throw p.Error("unexpected text after the value");
            return value;
        }

        private FormatException Error(string what) => new FormatException("Invalid JSON at offset " + _pos + ": " + what + ".");

        private void SkipWs()
        {
            while (_pos < _s.Length && (_s[_pos] == ' ' || _s[_pos] == '\t' || _s[_pos] == '\r' || _s[_pos] == '\n')) _pos++;
        }

        private object? Value(int depth)
        {
            if (depth > MaxDepth) throw Error("nested too deeply");
            if (_pos >= _s.Length) throw Error("unexpected end");
            char c = _s[_pos];
            switch (c)
            {
                case '{': return Object(depth);
                case '[': return Array(depth);
                case '"': return String();
                case 't': return Literal("true", true);
                case 'f': return Literal("false", false);
                case 'n': return Literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return Number();
                    throw Error("unexpected character '" + c + "'");
            }
        }

        private object? Literal(string word, object? value)
        {
            if (string.CompareOrdinal(_s, _pos, word, 0, word.Length) != 0) throw Error("expected " + word);
            _pos += word.Length;
            return value;
        }

        private double Number()
        {
            int start = _pos;
            while (_pos < _s.Length && "+-0123456789.eE".IndexOf(_s[_pos]) >= 0) _pos++;
            if (!double.TryParse(_s.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                throw Error("invalid number");
            return d;
        }

        private Dictionary<string, object?> Object(int depth)
        {
            var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
            _pos++;
            SkipWs();
            if (_pos < _s.Length && _s[_pos] == '}') { _pos++; return obj; }
            while (true)
            {
                SkipWs();
                if (_pos >= _s.Length || _s[_pos] != '"') throw Error("expected a member name");
                string key = String();
                SkipWs();
                if (_pos >= _s.Length || _s[_pos] != ':') throw Error("expected ':'");
                _pos++;
                SkipWs();
                obj[key] = Value(depth + 1);
                SkipWs();
                if (_pos >= _s.Length) throw Error("unexpected end in an object");
                if (_s[_pos] == ',') { _pos++; continue; }
                if (_s[_pos] == '}') { _pos++; return obj; }
                throw Error("expected ',' or '}'");
            }
        }

        private List<object?> Array(int depth)
        {
            var list = new List<object?>();
            _pos++;
            SkipWs();
            if (_pos < _s.Length && _s[_pos] == ']') { _pos++; return list; }
            while (true)
            {
                SkipWs();
                list.Add(Value(depth + 1));
                SkipWs();
                if (_pos >= _s.Length) throw Error("unexpected end in an array");
                if (_s[_pos] == ',') { _pos++; continue; }
                if (_s[_pos] == ']') { _pos++; return list; }
                throw Error("expected ',' or ']'");
            }
        }

        private string String()
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _s.Length) throw Error("unterminated string");
                char c = _s[_pos++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
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
                    case 'u':
                        if (_pos + 4 > _s.Length || !int.TryParse(_s.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                            throw Error("invalid \\u escape");
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw Error("invalid escape");
                }
            }
        }
    }
}
