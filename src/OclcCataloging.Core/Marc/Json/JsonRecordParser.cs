using System;
using System.Collections.Generic;
using OclcCataloging.Text.Json;

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
    /// Builds a <see cref="MarcRecord"/> from the bytes of one MARC-in-JSON record (a complete JSON object): the
    /// MARC-in-JSON layer over the core's JSON parser (<see cref="JsonParser"/>), whose byte offsets it uses in
    /// every warning.
    /// </summary>
    internal sealed class JsonRecordParser
    {
        private readonly long _base;
        private readonly MarcJsonReaderOptions _options;
        private List<MarcDiagnostic>? _warnings;

        private JsonRecordParser(long baseOffset, MarcJsonReaderOptions options)
        {
            _base = baseOffset;
            _options = options;
        }

        public static MarcRecord Parse(byte[] bytes, int count, long baseOffset, MarcJsonReaderOptions options)
        {
            var p = new JsonRecordParser(baseOffset, options);
            object? root;
            try
            {
                root = JsonParser.Parse(bytes, 0, count, at =>
                    p.Warn(MarcDiagnosticCodes.InvalidUtf8, "A string holds bytes that are not UTF-8; they were replaced by U+FFFD.", at, null));
            }
            catch (JsonSyntaxException e)
            {
                throw new JsonRecordException(MarcDiagnosticCodes.JsonSyntaxError, "The record is not well-formed JSON: " + e.Reason + ".", e.Offset);
            }
            if (!(root is JsonObject obj)) throw new JsonRecordException(MarcDiagnosticCodes.JsonNotARecord, "The JSON value is not an object.", 0);
            return p.BuildRecord(obj);
        }

        // ------------------------------------------------------------------ MARC

        private void Warn(string code, string message, int offset, string? tag)
        {
            (_warnings ??= new List<MarcDiagnostic>()).Add(new MarcDiagnostic(MarcSeverity.Warning, code, message, _base + offset, tag));
        }

        private MarcRecord BuildRecord(JsonObject obj)
        {
            string? leaderText = null;
            int leaderAt = obj.Offset;
            JsonArray? fields = null;
            bool any = false;
            foreach (JsonMember m in obj)
            {
                if (m.Name == "leader")
                {
                    any = true;
                    leaderText = Text(m.Value, m.Offset, null, "the leader");
                    leaderAt = m.Offset;
                }
                else if (m.Name == "fields")
                {
                    any = true;
                    if (m.Value is JsonArray a) fields = a;
                    else if (m.Value is JsonObject o) fields = FieldsFromObject(o);
                    else Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "\"fields\" is not an array; the record has no fields.", m.Offset, null);
                }
                else
                {
                    Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The member \"" + m.Name + "\" is not part of MARC-in-JSON and was ignored.", m.Offset, null);
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
                foreach (object? item in fields)
                {
                    if (item is JsonObject f) AddField(record, f, blanks);
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
        private JsonArray FieldsFromObject(JsonObject o)
        {
            Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "\"fields\" is an object instead of an array; its members were read as fields in order.", o.Offset, null);
            var a = new JsonArray(o.Offset);
            foreach (JsonMember m in o)
            {
                var one = new JsonObject(m.Offset);
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

        private void AddField(MarcRecord record, JsonObject f, List<string> blanks)
        {
            if (f.Count != 1)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "A field object has " + f.Count + " members instead of one (its tag); each was read as a field.", f.Offset, null);
            }
            foreach (JsonMember m in f)
            {
                string tag = m.Name;
                if (!MarcField.IsPrintableTag(tag))
                {
                    Warn(MarcDiagnosticCodes.InvalidTag, "The field tag \"" + tag + "\" is not three printable ASCII characters; the field was dropped.", m.Offset, null);
                    continue;
                }
                if (m.Value is JsonObject d)
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

        private DataField DataFieldFrom(string tag, JsonObject d, List<string> blanks)
        {
            char ind1 = ' ', ind2 = ' ';
            bool seen1 = false, seen2 = false;
            object? subfields = null;
            int subfieldsAt = d.Offset;
            foreach (JsonMember m in d)
            {
                switch (m.Name)
                {
                    case "ind1": ind1 = Indicator(m, tag, blanks); seen1 = true; break;
                    case "ind2": ind2 = Indicator(m, tag, blanks); seen2 = true; break;
                    case "subfields": subfields = m.Value; subfieldsAt = m.Offset; break;
                    default:
                        Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The member \"" + m.Name + "\" of field " + tag + " was ignored.", m.Offset, tag);
                        break;
                }
            }
            if (!seen1 || !seen2)
            {
                Warn(MarcDiagnosticCodes.MissingIndicators, "Field " + tag + " has no " + (!seen1 && !seen2 ? "indicators" : !seen1 ? "ind1" : "ind2") + "; blank was used.", d.Offset, tag);
            }

            var field = new DataField(tag, ind1, ind2, validate: false);
            var list = field.Subfields;
            if (subfields is JsonArray arr)
            {
                foreach (object? item in arr)
                {
                    if (item is JsonObject s)
                    {
                        foreach (JsonMember sm in s) AddSubfield(list, tag, sm);
                    }
                    else
                    {
                        Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "A subfield of field " + tag + " is not an object; it was ignored.", arr.Offset, tag);
                    }
                }
            }
            else if (subfields is JsonObject so)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The subfields of field " + tag + " are an object instead of an array; they were read in order.", so.Offset, tag);
                foreach (JsonMember sm in so) AddSubfield(list, tag, sm);
            }
            else if (subfields != null)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, "The subfields of field " + tag + " are not an array; the field has no subfields.", subfieldsAt, tag);
            }
            return field;
        }

        private void AddSubfield(SubfieldCollection list, string tag, JsonMember sm)
        {
            string value = Text(sm.Value, sm.Offset, tag, "subfield $" + sm.Name);
            if (sm.Name.Length == 1)
            {
                list.Add(new Subfield(sm.Name[0], value));
            }
            else if (sm.Name.Length == 0)
            {
                // Data before the first subfield delimiter (how MarcJsonWriter writes Subfield.NoCode).
                list.Add(new Subfield(Subfield.NoCode, value));
            }
            else
            {
                Warn(MarcDiagnosticCodes.InvalidSubfieldCode, "Subfield code \"" + sm.Name + "\" in field " + tag + " is longer than one character; its first character was used.", sm.Offset, tag);
                list.Add(new Subfield(sm.Name[0], value));
            }
        }

        private char Indicator(JsonMember m, string tag, List<string> blanks)
        {
            string s = Text(m.Value, m.Offset, tag, m.Name);
            if (s.Length == 0) return ' ';
            if (s.Length > 1)
            {
                Warn(MarcDiagnosticCodes.InvalidIndicator, "Field " + tag + " " + m.Name + " is \"" + s + "\" (one character expected); its first character was used.", m.Offset, tag);
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

        private string Text(object? value, int offset, string? tag, string what)
        {
            if (value is string s) return s;
            if (value == null)
            {
                Warn(MarcDiagnosticCodes.JsonUnexpectedValue, (tag != null ? "Field " + tag + ": " : string.Empty) + what + " is null; empty text was used.", offset, tag);
                return string.Empty;
            }
            if (value is JsonNumber n) return n.Text;
            if (value is bool b) return b ? "true" : "false";
            Warn(MarcDiagnosticCodes.JsonUnexpectedValue, (tag != null ? "Field " + tag + ": " : string.Empty) + what + " is " + (value is JsonArray ? "an array" : "an object") + " instead of text; empty text was used.", offset, tag);
            return string.Empty;
        }

    }
}
