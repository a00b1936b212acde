using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Marc.Json
{
    /// <summary>A record's JSON could not be parsed (offset relative to the record's first byte).</summary>
    internal sealed class JsonRecordException : Exception
    {
        public JsonRecordException(string code, string message, int offset) : base(message)
        {
            Code = code;
            Offset = offset;
        }

        public string Code { get; }

        public int Offset { get; }
    }

    /// <summary>
    /// Parses the bytes of one MARC-in-JSON record (a complete JSON object) into a <see cref="MarcRecord"/>.
    /// A small hand-written JSON parser: the core has no dependencies and netstandard2.0 has no System.Text.Json.
    /// </summary>
    internal sealed class JsonRecordParser
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly UTF8Encoding LenientUtf8 = new UTF8Encoding(false, false);
        private static readonly object JsonNull = new object();
        private const int MaxDepth = 64;

        private readonly byte[] _b;
        private readonly int _end;
        private readonly long _base;
        private readonly MarcJsonReaderOptions _options;
        private readonly StringBuilder _sb = new StringBuilder();
        private int _pos;
        private List<MarcDiagnostic>? _warnings;

        private sealed class JMember
        {
            public JMember(string key, object value, int offset) { Key = key; Value = value; Offset = offset; }
            public string Key { get; }
            public object Value { get; }
            public int Offset { get; }
        }

        private sealed class JObject : List<JMember> { public int Offset; }

        private sealed class JArray : List<object> { public int Offset; }

        private sealed class JNumber
        {
            public JNumber(string text) { Text = text; }
            public string Text { get; }
        }

        private JsonRecordParser(byte[] bytes, int count, long baseOffset, MarcJsonReaderOptions options)
        {
            _b = bytes;
            _end = count;
            _base = baseOffset;
            _options = options;
        }

        public static MarcRecord Parse(byte[] bytes, int count, long baseOffset, MarcJsonReaderOptions options)
        {
            var p = new JsonRecordParser(bytes, count, baseOffset, options);
            p.SkipWs();
            object root = p.ParseValue(0);
            p.SkipWs();
            if (p._pos < p._end) throw p.Syntax("Unexpected text after the end of the record.");
            if (!(root is JObject obj)) throw new JsonRecordException(MarcDiagnosticCodes.JsonNotARecord, "The JSON value is not an object.", 0);
            return p.BuildRecord(obj);
        }

        // ------------------------------------------------------------------ JSON

        private JsonRecordException Syntax(string message) =>
            new JsonRecordException(MarcDiagnosticCodes.JsonSyntaxError, "The record is not well-formed JSON: " + message, _pos);

        private void SkipWs()
        {
            while (_pos < _end)
            {
                byte c = _b[_pos];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') _pos++;
                else break;
            }
        }

        private object ParseValue(int depth)
        {
            if (depth > MaxDepth) throw Syntax("nesting deeper than " + MaxDepth + " levels.");
            if (_pos >= _end) throw Syntax("the record ends where a value was expected.");
            byte c = _b[_pos];
            switch (c)
            {
                case (byte)'{': return ParseObject(depth);
                case (byte)'[': return ParseArray(depth);
                case (byte)'"': return ParseString();
                case (byte)'t': Literal("true"); return true;
                case (byte)'f': Literal("false"); return false;
                case (byte)'n': Literal("null"); return JsonNull;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    throw Syntax("unexpected character '" + (char)c + "'.");
            }
        }

        private void Literal(string word)
        {
            if (_end - _pos < word.Length) throw Syntax("unexpected end of the record.");
            for (int i = 0; i < word.Length; i++)
            {
                if (_b[_pos + i] != word[i]) throw Syntax("unexpected text (expected '" + word + "').");
            }
            _pos += word.Length;
        }

        private JNumber ParseNumber()
        {
            int start = _pos;
            while (_pos < _end)
            {
                byte c = _b[_pos];
                if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') _pos++;
                else break;
            }
            string text = Encoding.ASCII.GetString(_b, start, _pos - start);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) throw Syntax("'" + text + "' is not a number.");
            return new JNumber(text);
        }

        private JObject ParseObject(int depth)
        {
            var obj = new JObject { Offset = _pos };
            _pos++; // {
            SkipWs();
            if (_pos < _end && _b[_pos] == '}')
            {
                _pos++;
                return obj;
            }
            while (true)
            {
                SkipWs();
                if (_pos >= _end) throw Syntax("the record ends inside an object.");
                if (_b[_pos] != '"') throw Syntax("expected a member name in double quotes.");
                int keyAt = _pos;
                string key = ParseString();
                SkipWs();
                if (_pos >= _end || _b[_pos] != ':') throw Syntax("expected ':' after the member name \"" + key + "\".");
                _pos++;
                SkipWs();
                object value = ParseValue(depth + 1);
                obj.Add(new JMember(key, value, keyAt));
                SkipWs();
                if (_pos >= _end) throw Syntax("the record ends inside an object.");
                byte c = _b[_pos++];
                if (c == '}') return obj;
                if (c != ',') throw Syntax("expected ',' or '}' in an object.");
            }
        }

        private JArray ParseArray(int depth)
        {
            var arr = new JArray { Offset = _pos };
            _pos++; // [
            SkipWs();
            if (_pos < _end && _b[_pos] == ']')
            {
                _pos++;
                return arr;
            }
            while (true)
            {
                SkipWs();
                arr.Add(ParseValue(depth + 1));
                SkipWs();
                if (_pos >= _end) throw Syntax("the record ends inside an array.");
                byte c = _b[_pos++];
                if (c == ']') return arr;
                if (c != ',') throw Syntax("expected ',' or ']' in an array.");
            }
        }

        private string ParseString()
        {
            int start = ++_pos; // after "
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
                if (_pos >= _end) throw Syntax("a string is not closed.");
                byte c = _b[_pos];
                if (c == '"')
                {
                    _sb.Append(Decode(run, _pos - run));
                    _pos++;
                    return _sb.ToString();
                }
                if (c < 0x20)
                {
                    throw Syntax("a control character (0x" + c.ToString("X2", CultureInfo.InvariantCulture) + ") inside a string must be escaped.");
                }
                if (c != '\\')
                {
                    _pos++;
                    continue;
                }
                _sb.Append(Decode(run, _pos - run));
                _pos++;
                if (_pos >= _end) throw Syntax("a string is not closed.");
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
                    case (byte)'u':
                        if (_end - _pos < 4) throw Syntax("a \\u escape needs four hexadecimal digits.");
                        int v = 0;
                        for (int k = 0; k < 4; k++)
                        {
                            int h = Hex(_b[_pos + k]);
                            if (h < 0) throw Syntax("a \\u escape needs four hexadecimal digits.");
                            v = v * 16 + h;
                        }
                        _pos += 4;
                        _sb.Append((char)v);
                        break;
                    default:
                        throw Syntax("unknown escape '\\" + (char)e + "'.");
                }
                run = _pos;
            }
        }

        private static int Hex(byte c)
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
                Warn(MarcDiagnosticCodes.InvalidUtf8, "A string holds bytes that are not UTF-8; they were replaced by U+FFFD.", start, null);
                return LenientUtf8.GetString(_b, start, count);
            }
        }

        // ------------------------------------------------------------------ MARC

        private void Warn(string code, string message, int offset, string? tag)
        {
            (_warnings ??= new List<MarcDiagnostic>()).Add(new MarcDiagnostic(MarcSeverity.Warning, code, message, _base + offset, tag));
        }

        private MarcRecord BuildRecord(JObject obj)
        {
            string? leaderText = null;
            int leaderAt = obj.Offset;
            JArray? fields = null;
            bool any = false;
            foreach (JMember m in obj)
            {
                if (m.Key == "leader")
                {
                    any = true;
                    leaderText = Text(m.Value, m.Offset, null, "the leader");
                    leaderAt = m.Offset;
                }
                else if (m.Key == "fields")
                {
                    any = true;
                    if (m.Value is JArray a) fields = a;
                    else if (m.Value is JObject o) fields = FieldsFromObject(o);
                    else Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "\"fields\" is not an array; the record has no fields.", m.Offset, null);
                }
                else
                {
                    Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The member \"" + m.Key + "\" is not part of MARC-in-JSON and was ignored.", m.Offset, null);
                }
            }
            if (!any)
            {
                throw new JsonRecordException(MarcDiagnosticCodes.JsonNotARecord,
                    "The JSON object has neither \"leader\" nor \"fields\"; it is not a MARC-in-JSON record.", 0);
            }

            var blanks = new List<string>();
            Leader leader = MakeLeader(leaderText, leaderAt, blanks);
            var record = new MarcRecord(leader, fields?.Count ?? 0);
            if (fields != null)
            {
                foreach (object item in fields)
                {
                    if (item is JObject f) AddField(record, f, blanks);
                    else Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "A member of \"fields\" is not an object; it was ignored.", fields.Offset, null);
                }
            }

            if (blanks.Count > 0)
            {
                Warn(MarcDiagnosticCodes.BlankSubstitute, "'^' or '#' was read as blank in " + string.Join(", ", blanks.ToArray()) + ".", obj.Offset, null);
            }
            record.AddWarnings(_warnings);
            return record;
        }

        /// <summary>"fields": {"001": "...", "245": {...}} — a producer's shortcut; order is kept, repeats are impossible.</summary>
        private JArray FieldsFromObject(JObject o)
        {
            Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "\"fields\" is an object instead of an array; its members were read as fields in order.", o.Offset, null);
            var a = new JArray { Offset = o.Offset };
            foreach (JMember m in o)
            {
                var one = new JObject { Offset = m.Offset };
                one.Add(m);
                a.Add(one);
            }
            return a;
        }

        private Leader MakeLeader(string? text, int at, List<string> blanks)
        {
            if (text == null)
            {
                Warn(MarcDiagnosticCodes.InvalidLeader, "The record has no leader; a default leader was used.", at, null);
                return new Leader("00000nam a2200000   4500");
            }
            if (_options.TranslateBlankSubstitutes && HasSubstitute(text))
            {
                text = text.Replace('^', ' ').Replace('#', ' ');
                blanks.Add("the leader");
            }
            if (text.Length != Leader.Length)
            {
                Warn(MarcDiagnosticCodes.InvalidLeader, "The leader has " + text.Length + " characters instead of 24; it was " + (text.Length < 24 ? "padded with blanks." : "cut to 24."), at, null);
                text = text.Length > Leader.Length ? text.Substring(0, Leader.Length) : text.PadRight(Leader.Length);
            }
            return new Leader(text);
        }

        private static bool HasSubstitute(string s) => s.IndexOf('^') >= 0 || s.IndexOf('#') >= 0;

        private void AddField(MarcRecord record, JObject f, List<string> blanks)
        {
            if (f.Count != 1)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "A field object has " + f.Count + " members instead of one (its tag); each was read as a field.", f.Offset, null);
            }
            foreach (JMember m in f)
            {
                string tag = m.Key;
                if (tag.Length != 3 || !IsPrintableAscii(tag))
                {
                    Warn(MarcDiagnosticCodes.InvalidTag, "The field tag \"" + tag + "\" is not three printable ASCII characters; the field was dropped.", m.Offset, null);
                    continue;
                }
                if (m.Value is JObject d)
                {
                    record.Fields.Add(DataFieldFrom(tag, d, blanks));
                    if (MarcField.IsControlTag(tag))
                        Warn(MarcDiagnosticCodes.InvalidTag, "Field " + tag + " has a control field tag but indicators and subfields; it was kept as a data field.", m.Offset, tag);
                }
                else
                {
                    string value = Text(m.Value, m.Offset, tag, "the field value");
                    if (MarcField.IsControlTag(tag))
                    {
                        if (_options.TranslateBlankSubstitutes && (tag == "006" || tag == "007" || tag == "008") && HasSubstitute(value))
                        {
                            value = value.Replace('^', ' ').Replace('#', ' ');
                            if (!blanks.Contains(tag)) blanks.Add(tag);
                        }
                        record.Fields.Add(new ControlField(tag, value, validate: false));
                    }
                    else
                    {
                        // A data field tag with a plain value: keep the text as data without subfield codes.
                        Warn(MarcDiagnosticCodes.DataBeforeFirstSubfield, "Field " + tag + " is a data field tag but has a plain value; it was kept without subfield codes.", m.Offset, tag);
                        var df = new DataField(tag, ' ', ' ', validate: false);
                        df.Subfields.Add(new Subfield(Subfield.NoCode, value));
                        record.Fields.Add(df);
                    }
                }
            }
        }

        private DataField DataFieldFrom(string tag, JObject d, List<string> blanks)
        {
            char ind1 = ' ', ind2 = ' ';
            bool seen1 = false, seen2 = false;
            object? subfields = null;
            int subfieldsAt = d.Offset;
            foreach (JMember m in d)
            {
                switch (m.Key)
                {
                    case "ind1": ind1 = Indicator(m, tag, blanks); seen1 = true; break;
                    case "ind2": ind2 = Indicator(m, tag, blanks); seen2 = true; break;
                    case "subfields": subfields = m.Value; subfieldsAt = m.Offset; break;
                    default:
                        Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The member \"" + m.Key + "\" of field " + tag + " was ignored.", m.Offset, tag);
                        break;
                }
            }
            if (!seen1 || !seen2)
            {
                Warn(MarcDiagnosticCodes.MissingIndicators, "Field " + tag + " has no " + (!seen1 && !seen2 ? "indicators" : !seen1 ? "ind1" : "ind2") + "; blank was used.", d.Offset, tag);
            }

            var field = new DataField(tag, ind1, ind2, validate: false);
            var list = field.Subfields;
            if (subfields is JArray arr)
            {
                foreach (object item in arr)
                {
                    if (item is JObject s)
                    {
                        foreach (JMember sm in s) AddSubfield(list, tag, sm);
                    }
                    else
                    {
                        Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "A subfield of field " + tag + " is not an object; it was ignored.", arr.Offset, tag);
                    }
                }
            }
            else if (subfields is JObject so)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The subfields of field " + tag + " are an object instead of an array; they were read in order.", so.Offset, tag);
                foreach (JMember sm in so) AddSubfield(list, tag, sm);
            }
            else if (subfields != null && subfields != JsonNull)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The subfields of field " + tag + " are not an array; the field has no subfields.", subfieldsAt, tag);
            }
            return field;
        }

        private void AddSubfield(SubfieldCollection list, string tag, JMember sm)
        {
            string value = Text(sm.Value, sm.Offset, tag, "subfield $" + sm.Key);
            if (sm.Key.Length == 1)
            {
                list.Add(new Subfield(sm.Key[0], value));
            }
            else if (sm.Key.Length == 0)
            {
                // Data before the first subfield delimiter (how MarcJsonWriter writes Subfield.NoCode).
                list.Add(new Subfield(Subfield.NoCode, value));
            }
            else
            {
                Warn(MarcDiagnosticCodes.InvalidSubfieldCode, "Subfield code \"" + sm.Key + "\" in field " + tag + " is longer than one character; its first character was used.", sm.Offset, tag);
                list.Add(new Subfield(sm.Key[0], value));
            }
        }

        private char Indicator(JMember m, string tag, List<string> blanks)
        {
            string s = Text(m.Value, m.Offset, tag, m.Key);
            if (s.Length == 0) return ' ';
            if (s.Length > 1)
            {
                Warn(MarcDiagnosticCodes.InvalidIndicator, "Field " + tag + " " + m.Key + " is \"" + s + "\" (one character expected); its first character was used.", m.Offset, tag);
            }
            char c = s[0];
            if ((c == '^' || c == '#') && _options.TranslateBlankSubstitutes)
            {
                string where = tag + " indicators";
                if (!blanks.Contains(where)) blanks.Add(where);
                return ' ';
            }
            return c;
        }

        private string Text(object value, int offset, string? tag, string what)
        {
            if (value is string s) return s;
            if (value == JsonNull)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, (tag != null ? "Field " + tag + ": " : string.Empty) + what + " is null; empty text was used.", offset, tag);
                return string.Empty;
            }
            if (value is JNumber n) return n.Text;
            if (value is bool b) return b ? "true" : "false";
            Warn(MarcDiagnosticCodes.JsonUnexpectedValue, (tag != null ? "Field " + tag + ": " : string.Empty) + what + " is " + (value is JArray ? "an array" : "an object") + " instead of text; empty text was used.", offset, tag);
            return string.Empty;
        }

        private static bool IsPrintableAscii(string s)
        {
            foreach (char c in s)
            {
                if (c <= ' ' || c > '~') return false;
            }
            return true;
        }
    }
}
