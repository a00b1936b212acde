using System;
using System.Globalization;
using System.Text;
using OclcCataloging.Marc;

namespace OclcCataloging.Text.Json
{
    /// <summary>
    /// The core's one JSON parser (RFC 8259) over UTF-8 bytes. It keeps what a format layer needs to report
    /// problems: members in order with their byte offsets (<see cref="JsonObject"/>, <see cref="JsonArray"/>),
    /// numbers as written (<see cref="JsonNumber"/>), strings, bools and null. Bytes in a string that are not UTF-8
    /// are replaced by U+FFFD and reported to the caller. Hand-written because the core takes no dependencies and
    /// netstandard2.0 has no System.Text.Json. <see cref="JsonReader"/> gives plain dictionaries on top of it;
    /// the MARC-in-JSON reader builds records from its tree.
    /// </summary>
    internal sealed class JsonParser
    {
        private const int MaxDepth = 64;
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly UTF8Encoding LenientUtf8 = new UTF8Encoding(false, false);

        private readonly byte[] _b;
        private readonly int _end;
        private readonly Action<int>? _invalidUtf8;
        private readonly StringBuilder _sb = new StringBuilder();
        private int _pos;

        private JsonParser(byte[] bytes, int start, int end, Action<int>? invalidUtf8)
        {
            _b = bytes;
            _pos = start;
            _end = end;
            _invalidUtf8 = invalidUtf8;
        }

        /// <summary>
        /// Parses the one JSON value in bytes[start..end) (whitespace around it allowed). Throws
        /// <see cref="JsonSyntaxException"/>; <paramref name="invalidUtf8"/> gets the offset of each run of string bytes that are not all UTF-8.
        /// </summary>
        public static object? Parse(byte[] bytes, int start, int end, Action<int>? invalidUtf8 = null)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            var p = new JsonParser(bytes, start, end, invalidUtf8);
            p.SkipWhitespace();
            object? value = p.ParseValue(0);
            p.SkipWhitespace();
            if (p._pos < p._end) throw p.Error("unexpected text after the value");
            return value;
        }

        private JsonSyntaxException Error(string reason) => new JsonSyntaxException(reason, _pos);

        private void SkipWhitespace()
        {
            while (_pos < _end)
            {
                byte c = _b[_pos];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') _pos++;
                else break;
            }
        }

        private object? ParseValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nested too deeply");
            if (_pos >= _end) throw Error("unexpected end");
            byte c = _b[_pos];
            switch (c)
            {
                case (byte)'{': return ParseObject(depth);
                case (byte)'[': return ParseArray(depth);
                case (byte)'"': return ParseString();
                case (byte)'t': return Literal("true", true);
                case (byte)'f': return Literal("false", false);
                case (byte)'n': return Literal("null", null);
                default:
                    if (c == '-' || IsDigit(c)) return ParseNumber();
                    throw Error("unexpected '" + Shown(c) + "'");
            }
        }

        private static string Shown(byte c) => c >= 0x20 && c < 0x7F ? ((char)c).ToString() : "0x" + c.ToString("X2", CultureInfo.InvariantCulture);

        private object? Literal(string word, object? value)
        {
            if (_end - _pos < word.Length) throw Error("expected " + word);
            for (int i = 0; i < word.Length; i++)
            {
                if (_b[_pos + i] != word[i]) throw Error("expected " + word);
            }
            _pos += word.Length;
            return value;
        }

        private JsonObject ParseObject(int depth)
        {
            var result = new JsonObject(_pos);
            _pos++;
            SkipWhitespace();
            if (_pos < _end && _b[_pos] == '}') { _pos++; return result; }
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _end || _b[_pos] != '"') throw Error("expected a property name");
                int nameAt = _pos;
                string name = ParseString();
                SkipWhitespace();
                if (_pos >= _end || _b[_pos] != ':') throw Error("expected ':'");
                _pos++;
                SkipWhitespace();
                result.Add(new JsonMember(name, ParseValue(depth + 1), nameAt));
                SkipWhitespace();
                if (_pos >= _end) throw Error("unexpected end in an object");
                if (_b[_pos] == ',') { _pos++; continue; }
                if (_b[_pos] == '}') { _pos++; return result; }
                throw Error("expected ',' or '}'");
            }
        }

        private JsonArray ParseArray(int depth)
        {
            var result = new JsonArray(_pos);
            _pos++;
            SkipWhitespace();
            if (_pos < _end && _b[_pos] == ']') { _pos++; return result; }
            while (true)
            {
                SkipWhitespace();
                result.Add(ParseValue(depth + 1));
                SkipWhitespace();
                if (_pos >= _end) throw Error("unexpected end in an array");
                if (_b[_pos] == ',') { _pos++; continue; }
                if (_b[_pos] == ']') { _pos++; return result; }
                throw Error("expected ',' or ']'");
            }
        }

        private JsonNumber ParseNumber()
        {
            int start = _pos;
            if (_b[_pos] == '-') _pos++;
            if (_pos < _end && _b[_pos] == '0') _pos++;
            else if (!SkipDigits()) throw Error("invalid number");
            if (_pos < _end && _b[_pos] == '.')
            {
                _pos++;
                if (!SkipDigits()) throw Error("invalid number");
            }
            if (_pos < _end && (_b[_pos] == 'e' || _b[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _end && (_b[_pos] == '+' || _b[_pos] == '-')) _pos++;
                if (!SkipDigits()) throw Error("invalid number");
            }
            return new JsonNumber(MarcTextCodec.AsciiString(_b, start, _pos - start));
        }

        private bool SkipDigits()
        {
            int start = _pos;
            while (_pos < _end && IsDigit(_b[_pos])) _pos++;
            return _pos > start;
        }

        private static bool IsDigit(byte c) => c >= '0' && c <= '9';

        private string ParseString()
        {
            int start = ++_pos;
            // Fast path: no escapes.
            int i = start;
            while (i < _end)
            {
                byte c = _b[i];
                if (c == '"' || c == '\\' || c < 0x20) break;
                i++;
            }
            if (i < _end && _b[i] == '"')
            {
                _pos = i + 1;
                return Decode(start, i - start);
            }

            _sb.Clear();
            int run = start;
            _pos = start;
            while (true)
            {
                if (_pos >= _end) throw Error("unterminated string");
                byte c = _b[_pos];
                if (c == '"')
                {
                    _sb.Append(Decode(run, _pos - run));
                    _pos++;
                    return _sb.ToString();
                }
                if (c < 0x20) throw Error("control character in a string");
                if (c != '\\')
                {
                    _pos++;
                    continue;
                }
                _sb.Append(Decode(run, _pos - run));
                _pos++;
                AppendEscape();
                run = _pos;
            }
        }

        // A surrogate pair arrives as two \u escapes, each appended as one UTF-16 unit, so the pair stays intact.
        private void AppendEscape()
        {
            if (_pos >= _end) throw Error("unterminated escape");
            byte e = _b[_pos++];
            switch (e)
            {
                case (byte)'"': _sb.Append('"'); break;
                case (byte)'\\': _sb.Append('\\'); break;
                case (byte)'/': _sb.Append('/'); break;
                case (byte)'b': _sb.Append('\b'); break;
                case (byte)'f': _sb.Append('\f'); break;
                case (byte)'n': _sb.Append('\n'); break;
                case (byte)'r': _sb.Append('\r'); break;
                case (byte)'t': _sb.Append('\t'); break;
                case (byte)'u': _sb.Append(ParseHex4()); break;
                default: _pos--; throw Error("invalid escape '\\" + Shown(e) + "'");
            }
        }

        private char ParseHex4()
        {
            if (_pos + 4 > _end) throw Error("invalid \\u escape");
            int code = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = HexValue(_b[_pos + i]);
                if (digit < 0) throw Error("invalid \\u escape");
                code = (code << 4) | digit;
            }
            _pos += 4;
            return (char)code;
        }

        private static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        private string Decode(int start, int count)
        {
            if (count == 0) return string.Empty;
            if (MarcTextCodec.IsAscii(_b, start, count)) return MarcTextCodec.AsciiString(_b, start, count);
            try
            {
                return StrictUtf8.GetString(_b, start, count);
            }
            catch (DecoderFallbackException)
            {
                _invalidUtf8?.Invoke(start);
                return LenientUtf8.GetString(_b, start, count);
            }
        }
    }
}
