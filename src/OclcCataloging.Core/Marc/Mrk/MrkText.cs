using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>One line of MarcEdit text with where it started.</summary>
    internal struct MrkLine
    {
        public MrkLine(string text, long offset)
        {
            Text = text;
            Offset = offset;
        }

        public string Text;
        public long Offset;
    }

    /// <summary>
    /// Turns MarcEdit / MARCMaker text into records and back: <c>=LDR  </c> starts a record, <c>=TAG  </c> lines are
    /// its fields, blank lines are ignored; in the leader, control fields and indicators <c>\</c> is a blank, in
    /// subfield data a backslash; <c>$</c> starts a subfield. Characters and mnemonics: <see cref="MrkTextDecoder"/>
    /// (reading) and <see cref="MrkTextEncoder"/> (writing); the decisions are in docs/design/marc-text-format.md.
    /// </summary>
    internal static class MrkText
    {
        internal const string LeaderTag = "LDR";

        public static bool IsLeaderLine(string line) =>
            line.Length >= 4 && line[0] == '=' && string.CompareOrdinal(line, 1, LeaderTag, 0, 3) == 0;

        /// <summary>Leader/09 of a leader line (after the tag and blanks), or blank.</summary>
        public static char LeaderCodingScheme(string line)
        {
            int start = ContentStart(line, out _);
            int i = start + 9;
            return i < line.Length ? line[i] : ' ';
        }

        /// <summary>
        /// Builds a record from its lines (the first normally <c>=LDR</c>). <paramref name="mrk8"/>: the text is Unicode
        /// (.mrk8); otherwise a record whose leader/09 is not 'a' gets MARC-8 data (each character one byte).
        /// </summary>
        /// <param name="lines">The record's lines.</param>
        /// <param name="mrk8">The text is Unicode.</param>
        /// <param name="charsAreBytes">MARC-8 records: characters U+0080-U+00FF are MARC-8 bytes (a .mrk file read
        /// byte by byte); otherwise they are Unicode characters and are encoded to MARC-8 (text given as a string).</param>
        public static MarcRecord Parse(IList<MrkLine> lines, bool mrk8, bool charsAreBytes = true)
        {
            var warnings = new List<MarcDiagnostic>();
            int first = 0;
            while (first < lines.Count && lines[first].Text.Trim().Length == 0) first++;

            string leaderText;
            if (first < lines.Count && IsLeaderLine(lines[first].Text))
            {
                MrkLine l = lines[first];
                int start = ContentStart(l.Text, out bool odd);
                if (odd) Warn(warnings, MarcDiagnosticCodes.MrkInvalidLine, "The leader line does not have two blanks after =LDR.", l.Offset, null);
                leaderText = l.Text.Substring(start);
                first++;
            }
            else
            {
                Warn(warnings, MarcDiagnosticCodes.InvalidLeader, "The record does not start with an =LDR line; a default leader was used.", first < lines.Count ? lines[first].Offset : -1, null);
                leaderText = "00000nam a2200000   4500";
            }

            bool unicode = mrk8 || (leaderText.Length > 9 && leaderText[9] == 'a');
            var decoder = new MrkTextDecoder(unicode, charsAreBytes, warnings);
            long leaderOffset = first > 0 ? lines[first - 1].Offset : -1;
            string leader = decoder.Decode(leaderText, 0, leaderText.Length, backslashIsBlank: true, null, leaderOffset);
            if (leader.Length != Leader.Length)
            {
                Warn(warnings, MarcDiagnosticCodes.InvalidLeader, "The leader has " + leader.Length + " characters instead of 24; it was " + (leader.Length < 24 ? "padded with blanks." : "cut to 24."), leaderOffset, null);
                leader = leader.Length > Leader.Length ? leader.Substring(0, Leader.Length) : leader.PadRight(Leader.Length);
            }
            var record = new MarcRecord(new Leader(ToLeaderChars(leader)), Math.Max(0, lines.Count - first));

            for (int i = first; i < lines.Count; i++)
            {
                MrkLine line = lines[i];
                string t = line.Text;
                if (t.Trim().Length == 0) continue;
                if (t[0] != '=' || t.Length < 4)
                {
                    Warn(warnings, MarcDiagnosticCodes.MrkInvalidLine, "The line '" + Preview(t) + "' is not a field (=TAG  data); it was skipped.", line.Offset, null);
                    continue;
                }
                string tag = t.Substring(1, 3);
                if (tag == LeaderTag)
                {
                    Warn(warnings, MarcDiagnosticCodes.MrkInvalidLine, "A second =LDR line in one record was skipped.", line.Offset, null);
                    continue;
                }
                if (!IsPrintableTag(tag))
                {
                    Warn(warnings, MarcDiagnosticCodes.InvalidTag, "The tag '" + tag + "' is not three printable ASCII characters; the line was skipped.", line.Offset, null);
                    continue;
                }
                int start = ContentStart(t, out bool oddSpacing);
                if (oddSpacing) Warn(warnings, MarcDiagnosticCodes.MrkInvalidLine, "Field " + tag + " does not have two blanks after its tag.", line.Offset, tag);

                if (MarcField.IsControlTag(tag))
                {
                    string value = decoder.Decode(t, start, t.Length, backslashIsBlank: true, tag, line.Offset);
                    if (unicode)
                    {
                        record.Fields.Add(new ControlField(tag, value, validate: false));
                    }
                    else
                    {
                        byte[] bytes = Bytes(value);
                        record.Fields.Add(HoldsSeparator(value)
                            ? new ControlField(tag, MarcTextCodec.Marc8.Decode(bytes, 0, bytes.Length), validate: false)
                            : new ControlField(tag, bytes, 0, bytes.Length, MarcTextCodec.Marc8));
                    }
                    continue;
                }

                char ind1 = ' ', ind2 = ' ';
                int pos = start;
                if (t.Length - pos >= 2 && t[pos] != '$' && t[pos + 1] != '$')
                {
                    ind1 = Indicator(t[pos]);
                    ind2 = Indicator(t[pos + 1]);
                    pos += 2;
                }
                else
                {
                    Warn(warnings, MarcDiagnosticCodes.MissingIndicators, "Field " + tag + " has no indicators; blanks were used.", line.Offset, tag);
                    if (t.Length - pos == 1 && t[pos] != '$') pos++;
                }
                var subfields = new List<Subfield>();
                int dollar = t.IndexOf('$', pos);
                if (dollar < 0) dollar = t.Length;
                if (dollar > pos)
                {
                    Warn(warnings, MarcDiagnosticCodes.DataBeforeFirstSubfield, "Field " + tag + " has data before its first $; it was kept without a subfield code.", line.Offset, tag);
                    subfields.Add(new Subfield(Subfield.NoCode, decoder.Decode(t, pos, dollar, backslashIsBlank: false, tag, line.Offset)));
                }
                while (dollar < t.Length)
                {
                    int next = t.IndexOf('$', dollar + 1);
                    if (next < 0) next = t.Length;
                    if (next == dollar + 1)
                    {
                        Warn(warnings, MarcDiagnosticCodes.EmptySubfieldCode, "Field " + tag + " has '$' without a subfield code; it was ignored.", line.Offset, tag);
                    }
                    else
                    {
                        int valueStart = SubfieldCode(decoder, t, dollar + 1, next, out char code);
                        subfields.Add(new Subfield(code, decoder.Decode(t, valueStart, next, backslashIsBlank: false, tag, line.Offset)));
                    }
                    dollar = next;
                }
                if (unicode)
                {
                    var field = new DataField(tag, ind1, ind2, validate: false);
                    foreach (Subfield sf in subfields) field.Subfields.Add(sf);
                    record.Fields.Add(field);
                }
                else if (subfields.Exists(sf => HoldsSeparator(sf.Value)))
                {
                    var field = new DataField(tag, ind1, ind2, validate: false);
                    foreach (Subfield sf in subfields)
                    {
                        byte[] bytes = Bytes(sf.Value);
                        field.Subfields.Add(new Subfield(sf.Code, MarcTextCodec.Marc8.Decode(bytes, 0, bytes.Length)));
                    }
                    record.Fields.Add(field);
                }
                else
                {
                    // MARC-8: the field keeps the bytes, so an ISO 2709 writer copies exactly what the mnemonics say.
                    var raw = new List<byte>();
                    int index = 0;
                    foreach (Subfield sf in subfields)
                    {
                        if (Subfield.IsWrittenWithDelimiter(index++, sf.Code))
                        {
                            raw.Add(DataField.SubfieldDelimiter);
                            raw.Add(sf.Code > '\u00FF' ? (byte)'?' : (byte)sf.Code);
                        }
                        foreach (char ch in sf.Value) raw.Add((byte)ch);
                    }
                    byte[] bytes = raw.ToArray();
                    record.Fields.Add(new DataField(tag, ind1, ind2, bytes, 0, bytes.Length, MarcTextCodec.Marc8));
                }
            }

            record.AddWarnings(warnings);
            return record;
        }

        /// <summary>
        /// The subfield code at <paramref name="at"/> (after a <c>$</c>) and where the value starts: one character, or
        /// a code that is not printable ASCII written as a mnemonic (<c>{C3}</c>, <c>{u00C3}</c>, <c>{dollar}</c>).
        /// </summary>
        private static int SubfieldCode(MrkTextDecoder decoder, string t, int at, int end, out char code)
        {
            code = t[at];
            if (code != '{') return at + 1;
            int close = t.IndexOf('}', at + 1, Math.Min(end - at - 1, 8));
            if (close < 0) return at + 1;
            string decoded = decoder.Decode(t, at, close + 1, backslashIsBlank: false, null, -1);
            if (decoded.Length != 1) return at + 1;
            code = decoded[0];
            return close + 1;
        }

        /// <summary><c>$</c> and the code; a code that is not printable ASCII (or is <c>$</c> or a brace) as <c>{XX}</c> / <c>{uXXXX}</c>.</summary>
        private static void AppendSubfieldCode(StringBuilder sb, char code)
        {
            sb.Append('$');
            if (code > ' ' && code < '\u007F' && code != '$' && code != '{' && code != '}') sb.Append(code);
            else if (code <= '\u00FF') sb.Append('{').Append(((int)code).ToString("X2", CultureInfo.InvariantCulture)).Append('}');
            else sb.Append("{u").Append(((int)code).ToString("X4", CultureInfo.InvariantCulture)).Append('}');
        }

        /// <summary>
        /// A MARC-8 value holding an ISO 2709 separator (U+001D-U+001F, possible in the text of a .mrk file) keeps
        /// text, not bytes: the ISO 2709 writer copies kept bytes as they are, so they would read back as more
        /// subfields, fields or records; as text the writer refuses the separator and the other writers keep it.
        /// </summary>
        private static bool HoldsSeparator(string byteChars)
        {
            foreach (char c in byteChars)
            {
                if (c >= '\u001D' && c <= '\u001F') return true;
            }
            return false;
        }

        /// <summary>MARC-8 text as decoded here: one character per byte.</summary>
        private static byte[] Bytes(string byteChars)
        {
            var b = new byte[byteChars.Length];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)byteChars[i];
            return b;
        }

        private static string ToLeaderChars(string leader)
        {
            // A leader holds single bytes; anything else (only possible from Unicode text) becomes '?'.
            var chars = leader.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] > '\u00FF') chars[i] = '?';
            }
            return new string(chars);
        }

        private static char Indicator(char c) => c == '\\' ? ' ' : c;

        /// <summary>Where the content starts after "=TAG": two blanks normally; one or none is tolerated.</summary>
        private static int ContentStart(string line, out bool odd)
        {
            int i = 4;
            int blanks = 0;
            while (blanks < 2 && i < line.Length && line[i] == ' ')
            {
                i++;
                blanks++;
            }
            odd = blanks != 2 && i < line.Length;
            return i;
        }

        private static bool IsPrintableTag(string tag)
        {
            foreach (char c in tag)
            {
                if (c <= ' ' || c > '~') return false;
            }
            return true;
        }

        private static string Preview(string s) => s.Length > 40 ? s.Substring(0, 40) + "..." : s;

        private static void Warn(List<MarcDiagnostic> warnings, string code, string message, long offset, string? tag)
        {
            warnings.Add(new MarcDiagnostic(MarcSeverity.Warning, code, message, offset, tag));
        }

        // ------------------------------------------------------------------ writing

        /// <summary>
        /// Appends the record as MarcEdit text, each line ended by <paramref name="newline"/>, followed by a blank line.
        /// <paramref name="mrk8"/>: UTF-8 text (MARC-8 records are converted); otherwise ASCII (.mrk): a MARC-8 record's
        /// bytes as LC mnemonics, a Unicode record's non-ASCII characters as <c>{uXXXX}</c>.
        /// </summary>
        public static void Format(StringBuilder sb, MarcRecord record, bool mrk8, string newline, bool literalBackslash = false)
        {
            bool marc8 = !mrk8 && !record.Leader.IsUnicode;
            var enc = new MrkTextEncoder(sb, marc8, asciiOnly: !mrk8, literalBackslash);

            sb.Append("=LDR  ");
            enc.Append(record.Leader.ToString(), MrkTextContext.Leader);
            sb.Append(newline);
            foreach (MarcField f in record.Fields)
            {
                RefuseLineBreaking(record, f);
                sb.Append('=').Append(f.Tag).Append("  ");
                if (f is ControlField c)
                {
                    enc.Append(marc8 ? ByteChars(c.RawValue.GetBytes(MarcTextCodec.Marc8), 0, -1) : c.Value, MrkTextContext.Control);
                }
                else
                {
                    var d = (DataField)f;
                    sb.Append(d.Indicator1 == ' ' ? '\\' : d.Indicator1).Append(d.Indicator2 == ' ' ? '\\' : d.Indicator2);
                    if (marc8 && d.TryGetRawSubfields(MarcTextCodec.Marc8, out byte[] buf, out int off, out int count))
                    {
                        AppendRawSubfields(sb, enc, buf, off, count);
                        sb.Append(newline);
                        continue;
                    }
                    int index = 0;
                    foreach (Subfield s in d.Subfields)
                    {
                        if (Subfield.IsWrittenWithDelimiter(index++, s.Code)) AppendSubfieldCode(sb, s.Code);
                        enc.Append(marc8 ? ByteChars(s.RawValue.GetBytes(MarcTextCodec.Marc8), 0, -1) : s.Value, MrkTextContext.Data);
                    }
                }
                sb.Append(newline);
            }
            sb.Append(newline);
        }

        /// <summary>
        /// Tags and indicators are written as they are, one character each, so a control character there (a line break
        /// above all) would end the line: the record reads back as another one. Such a record is refused.
        /// </summary>
        private static void RefuseLineBreaking(MarcRecord record, MarcField f)
        {
            if (f.Tag.Length != 3)
            {
                throw new MarcWriteException(MarcDiagnosticCodes.InvalidTag,
                    "Tag '" + f.Tag + "' is not three characters, which MarcEdit text needs; the record was not written.", record, f.Tag);
            }
            if (!MarcField.KindMatchesTag(f))
            {
                throw new MarcWriteException(MarcDiagnosticCodes.InvalidTag,
                    MarcField.DescribeKindMismatch(f) + " MarcEdit text tells the kinds apart by the tag alone; the record was not written.", record, f.Tag);
            }
            foreach (char c in f.Tag)
            {
                if (IsControl(c))
                    throw new MarcWriteException(MarcDiagnosticCodes.InvalidTag,
                        "The tag of a field holds the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                        + ", which MarcEdit text cannot express; the record was not written.", record, f.Tag);
            }
            if (f is DataField d && (IsControl(d.Indicator1) || IsControl(d.Indicator2)))
            {
                char c = IsControl(d.Indicator1) ? d.Indicator1 : d.Indicator2;
                throw new MarcWriteException(MarcDiagnosticCodes.InvalidIndicator,
                    "An indicator of field " + f.Tag + " is the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                    + ", which MarcEdit text cannot express; the record was not written.", record, f.Tag);
            }
        }

        private static bool IsControl(char c) => c < ' ' || c == '\u007F';

        private static void AppendRawSubfields(StringBuilder sb, MrkTextEncoder enc, byte[] buf, int off, int count)
        {
            int end = off + count;
            int pos = off;
            int first = count > 0 ? Array.IndexOf(buf, DataField.SubfieldDelimiter, off, count) : -1;
            if (first < 0) first = end;
            if (first > pos) enc.Append(ByteChars(buf, pos, first - pos), MrkTextContext.Data);
            pos = first;
            while (pos < end)
            {
                int codeAt = pos + 1;
                int next = codeAt < end ? Array.IndexOf(buf, DataField.SubfieldDelimiter, codeAt, end - codeAt) : -1;
                if (next < 0) next = end;
                if (codeAt < next)
                {
                    AppendSubfieldCode(sb, (char)buf[codeAt]);
                    enc.Append(ByteChars(buf, codeAt + 1, next - codeAt - 1), MrkTextContext.Data);
                }
                pos = next;
            }
        }

        private static string ByteChars(byte[] b, int offset, int count)
        {
            if (count < 0) count = b.Length - offset;
            var chars = new char[count];
            for (int i = 0; i < count; i++) chars[i] = (char)b[offset + i];
            return new string(chars);
        }
    }
}
