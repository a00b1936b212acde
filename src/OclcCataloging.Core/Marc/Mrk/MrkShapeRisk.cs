using System;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>
    /// Whether a record's MarcEdit text may read back with another structure, found without reading it back. The
    /// encoder writes control characters, <c>$</c> and braces in values as mnemonics, and the reader splits a line into
    /// subfields before it decodes them, so values alone never change the structure. What can: the characters written
    /// as they are — tags, indicators, subfield codes and the leader outside printable ASCII, an indicator <c>$</c>, a
    /// code <c>$</c> or brace (written as a mnemonic the reader must take back), a code-less subfield after the first
    /// (a delimiter without code), a field tagged LDR — and a line break in the text that is not a line end.
    /// Only such records (a handful in a real file) pay for reading back (<see cref="MrkWriter"/>).
    /// </summary>
    internal static class MrkShapeRisk
    {
        public static bool MayChangeShape(MarcRecord record, string text, string newline)
        {
            if (newline != "\r\n" && newline != "\n" && newline != "\r") return true;
            int breaksPerLine = newline.Length;
            if (!IsPlainLeader(record.Leader.ToString())) return true;
            FieldCollection fields = record.Fields;
            for (int i = 0; i < fields.Count; i++)
            {
                MarcField f = fields[i];
                if (!IsPlainTag(f.Tag) || f.Tag == MrkText.LeaderTag) return true;
                if (!(f is DataField d)) continue;
                if (!IsPlainIndicator(d.Indicator1) || !IsPlainIndicator(d.Indicator2)) return true;
                if (d.TryGetRawSubfields(out byte[] raw, out int offset, out int count))
                {
                    // bytes kept as read (MARC-8 .mrk writes them without building subfields): the byte after each delimiter
                    for (int p = Array.IndexOf(raw, DataField.SubfieldDelimiter, offset, count); p >= 0;
                         p = Array.IndexOf(raw, DataField.SubfieldDelimiter, p + 1, offset + count - p - 1))
                    {
                        if (p + 1 >= offset + count || !IsPlainCode((char)raw[p + 1])) return true;
                    }
                    continue;
                }
                SubfieldCollection subfields = d.Subfields;
                for (int k = 0; k < subfields.Count; k++)
                {
                    char code = subfields[k].Code;
                    if (code == Subfield.NoCode ? k > 0 : !IsPlainCode(code)) return true;
                }
            }
            // every line (leader, fields, the blank line after the record) ends with one newline and has no other break
            return LineBreaks(text, 0, text.Length) != (long)(fields.Count + 2) * breaksPerLine;
        }

        /// <summary>Printable ASCII, blanks allowed (the leader).</summary>
        private static bool IsPlainLeader(string s)
        {
            foreach (char c in s)
            {
                if (c < ' ' || c >= '\u007F') return false;
            }
            return true;
        }

        /// <summary>Printable ASCII without blanks (a tag the reader takes as it is).</summary>
        private static bool IsPlainTag(string s)
        {
            foreach (char c in s)
            {
                if (c <= ' ' || c >= '\u007F') return false;
            }
            return true;
        }

        private static bool IsPlainIndicator(char c) => c >= ' ' && c < '\u007F' && c != '$';

        private static bool IsPlainCode(char c) => c > ' ' && c < '\u007F' && c != '$' && c != '{' && c != '}';

        /// <summary>CR and LF characters, and any other control character counted as many as it takes to fail.</summary>
        private static long LineBreaks(string s, int from, int to)
        {
            long n = 0;
            for (int i = from; i < to; i++)
            {
                char c = s[i];
                if (c >= ' ') continue;
                if (c == '\r' || c == '\n') n++;
                else n += int.MaxValue;
            }
            return n;
        }
    }
}
