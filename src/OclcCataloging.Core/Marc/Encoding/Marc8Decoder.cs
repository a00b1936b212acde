using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// MARC-8 to Unicode, after LC's code tables (all sets: Basic and Extended Latin, Greek symbols, subscripts,
    /// superscripts, Hebrew, Basic and Extended Cyrillic, Basic and Extended Arabic, Greek, EACC).
    /// </summary>
    /// <remarks>
    /// <para><b>Escapes.</b> G0 is designated by <c>ESC ( F</c> / <c>ESC , F</c> (also <c>ESC ( ! E</c>), G1 by
    /// <c>ESC ) F</c> / <c>ESC - F</c>, EACC by <c>ESC $ 1</c>, <c>ESC $ ( 1</c>, <c>ESC $ , 1</c> (G0) or
    /// <c>ESC $ ) 1</c>, <c>ESC $ - 1</c> (G1); <c>ESC g</c>, <c>ESC b</c>, <c>ESC p</c> select Greek symbols,
    /// subscripts and superscripts as G0 and <c>ESC s</c> returns to ASCII. Every field starts in the default state;
    /// within a field the state is carried across subfield delimiters (<see cref="Marc8DecoderOptions.CarryStateAcrossSubfields"/>).</para>
    /// <para><b>Combining marks</b> precede their base character in MARC-8 and follow it in Unicode: they are moved
    /// after the next base character. Space (0x20) is the same in every set.</para>
    /// <para><b>Bad MARC-8</b> never throws and never empties a subfield; each occurrence is reported as a
    /// <see cref="Marc8Issue"/>:</para>
    /// <list type="bullet">
    /// <item><c>Marc8UnmappedCharacter</c>: a code with no mapping in the current set (e.g. 0x7F, 0xA0, 0xFF, an
    /// undefined Hebrew or EACC code) becomes U+FFFD; the bytes are named in the message.</item>
    /// <item><c>Marc8InvalidEscape</c>: an ESC that starts no valid sequence is dropped and the bytes after it are read in
    /// the current state; a well-formed sequence naming an unknown set (<c>ESC ( Z</c>) is dropped whole and the state
    /// is unchanged.</item>
    /// <item><c>Marc8CombiningBeforeSpace</c>: a combining mark before a space is attached to the space (U+0020 then the
    /// mark: Unicode's way of showing a mark on its own), as yaz, marc4j and pymarc do; MARC::Charset moves it to the
    /// next letter instead. Encoding back gives the original bytes.</item>
    /// <item><c>Marc8CombiningAtEnd</c>: a combining mark with no base character before the end of the subfield (or
    /// field) is written after a U+0020 SPACE, so it is kept and attaches to nothing else.</item>
    /// <item>In an EACC run, bytes that are not a code of LC's table: decoding resynchronises on the nearest known code
    /// at most three bytes ahead. A single ASCII punctuation byte skipped that way is read as Basic Latin
    /// (<c>Marc8AsciiInEacc</c>: punctuation some systems leave between EACC characters without an escape back to
    /// ASCII); other skipped bytes (1 to 3) become one U+FFFD (<c>Marc8UnmappedCharacter</c>).
    /// <c>Marc8TruncatedEacc</c>: fewer than three bytes left in an EACC run are read as Basic Latin.</item>
    /// </list>
    /// <para>Thread-safe: all methods are static or work on caller-owned state.</para>
    /// </remarks>
    public static class Marc8Decoder
    {
        private const int Esc = 0x1B;

        /// <summary>Decodes <paramref name="count"/> bytes from the default state.</summary>
        public static string Decode(byte[] data, int offset, int count, Marc8DecoderOptions? options = null, IList<Marc8Issue>? issues = null)
        {
            var state = Marc8State.Default;
            return Decode(data, offset, count, ref state, options, issues);
        }

        /// <summary>Decodes a whole byte array from the default state.</summary>
        public static string Decode(byte[] data, Marc8DecoderOptions? options = null, IList<Marc8Issue>? issues = null)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            return Decode(data, 0, data.Length, options, issues);
        }

        /// <summary>
        /// Decodes <paramref name="count"/> bytes starting in <paramref name="state"/>, which is updated to the state
        /// at the end (so consecutive subfields of one field can be decoded in turn).
        /// </summary>
        public static string Decode(byte[] data, int offset, int count, ref Marc8State state, Marc8DecoderOptions? options = null, IList<Marc8Issue>? issues = null)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            if (offset < 0 || count < 0 || offset + count > data.Length) throw new ArgumentOutOfRangeException(nameof(count));
            options ??= Marc8DecoderOptions.Default;
            if (count == 0) return string.Empty;
            Marc8State s = state.Normalized;
            if (s.G0 == Marc8CharacterSet.BasicLatin && IsPlainAscii(data, offset, count, options.DecodeCharacterReferences))
                return MarcTextCodec.AsciiString(data, offset, count);
            int g0 = (int)s.G0, g1 = (int)s.G1;
            string result = DecodeCore(data, offset, count, ref g0, ref g1, options, issues);
            state = new Marc8State((Marc8CharacterSet)g0, (Marc8CharacterSet)g1);
            return result;
        }

        /// <summary>
        /// The subfields of a data field (the bytes after the indicators), decoded with the escape state carried
        /// across delimiters (unless the options say otherwise). Data before the first delimiter gets code
        /// <see cref="Subfield.NoCode"/>.
        /// </summary>
        public static List<Subfield> DecodeSubfields(byte[] data, int offset, int count, Marc8DecoderOptions? options = null, IList<Marc8Issue>? issues = null)
        {
            options ??= Marc8DecoderOptions.Default;
            var list = new List<Subfield>();
            var state = Marc8State.Default;
            int end = offset + count;
            int pos = offset;
            int first = count > 0 ? Array.IndexOf(data, DataField.SubfieldDelimiter, pos, count) : -1;
            if (first < 0) first = end;
            if (first > pos) list.Add(new Subfield(Subfield.NoCode, Decode(data, pos, first - pos, ref state, options, issues)));
            pos = first;
            while (pos < end)
            {
                int codeAt = pos + 1;
                int next = codeAt < end ? Array.IndexOf(data, DataField.SubfieldDelimiter, codeAt, end - codeAt) : -1;
                if (next < 0) next = end;
                if (codeAt < next)
                {
                    if (!options.CarryStateAcrossSubfields) state = Marc8State.Default;
                    list.Add(new Subfield((char)data[codeAt], Decode(data, codeAt + 1, next - codeAt - 1, ref state, options, issues)));
                }
                pos = next;
            }
            return list;
        }

        /// <summary>
        /// True when the bytes decode to themselves from the default state: ASCII without ESC and DEL and (when
        /// character references are decoded) without <c>&amp;#x</c>.
        /// </summary>
        internal static bool IsPlainAscii(byte[] b, int offset, int count, bool ncr)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte c = b[i];
                if (c >= 0x7F || c == Esc) return false;
                if (c == (byte)'&' && ncr && i + 2 < end && b[i + 1] == (byte)'#' && (b[i + 2] == (byte)'x' || b[i + 2] == (byte)'X')) return false;
            }
            return true;
        }

        /// <summary>Advances <paramref name="state"/> over the escape sequences in the bytes, without decoding.</summary>
        internal static Marc8State Advance(byte[] b, int offset, int count, Marc8State state)
        {
            Marc8State s = state.Normalized;
            int g0 = (int)s.G0, g1 = (int)s.G1;
            int end = offset + count;
            int i = Array.IndexOf(b, (byte)Esc, offset, count);
            while (i >= 0 && i < end)
            {
                int n = ParseEscape(b, i, end, ref g0, ref g1);
                i += n > 0 ? n : n < 0 ? -n : 1;
                i = i < end ? Array.IndexOf(b, (byte)Esc, i, end - i) : -1;
            }
            return new Marc8State((Marc8CharacterSet)g0, (Marc8CharacterSet)g1);
        }

        [ThreadStatic] private static char[]? t_chars;
        [ThreadStatic] private static int[]? t_marks;

        private static string DecodeCore(byte[] b, int offset, int count, ref int g0, ref int g1, Marc8DecoderOptions options, IList<Marc8Issue>? issues)
        {
            char[] chars = t_chars ??= new char[256];
            if (chars.Length < count * 2 + 16) chars = t_chars = new char[Math.Max(count * 2 + 16, chars.Length * 2)];
            int[] marks = t_marks ??= new int[16];
            int markCount = 0, firstMarkAt = -1;
            int n = 0;
            bool nonAscii = false, anyMark = false;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int c = b[i];
                int value;
                int at = i;
                if (c == Esc)
                {
                    int len = ParseEscape(b, i, end, ref g0, ref g1);
                    if (len > 0)
                    {
                        i += len;
                        continue;
                    }
                    if (len < 0)
                    {
                        Report(issues, MarcDiagnosticCodes.Marc8InvalidEscape, i,
                            static a => "Escape sequence " + Hex(a.b, a.i, a.n) + " designates no MARC-8 character set; it was ignored and the character sets stay as they were.", (b, i, n: -len));
                        i += -len;
                    }
                    else
                    {
                        Report(issues, MarcDiagnosticCodes.Marc8InvalidEscape, i,
                            static a => "ESC (0x1B) starts no valid escape sequence (" + Hex(a.b, a.i, a.n) + "); the ESC was dropped and the bytes after it read in the current character set.", (b, i, n: Math.Min(3, end - i)));
                        i++;
                    }
                    continue;
                }
                if (c < 0x20 || c == 0x20)
                {
                    value = c;
                    i++;
                }
                else if (c < 0x7F)
                {
                    if (g0 == (int)Marc8CharacterSet.BasicLatin)
                    {
                        if (c == '&' && options.DecodeCharacterReferences && TryReference(b, i, end, out int scalar, out int refLength))
                        {
                            value = scalar;
                            i += refLength;
                            nonAscii = true;
                        }
                        else
                        {
                            value = c;
                            i++;
                        }
                    }
                    else if (g0 == (int)Marc8CharacterSet.Eacc)
                    {
                        value = DecodeEacc(b, ref i, end, 0, issues);
                        nonAscii = true;
                    }
                    else
                    {
                        value = LookupSingle(g0, c, b, i, issues);
                        i++;
                        nonAscii = true;
                    }
                }
                else if (c == 0x7F)
                {
                    value = (Marc8Issue.Listing(issues) ? Unmapped(issues, i, b, 1, "DEL (0x7F) is not a graphic character in MARC-8") : Unlisted(issues, i));
                    i++;
                }
                else if (c < 0xA0)
                {
                    value = Marc8Tables.C1[c - 0x80];
                    if (value < 0) value = (Marc8Issue.Listing(issues) ? Unmapped(issues, i, b, 1, "C1 control 0x" + c.ToString("X2", CultureInfo.InvariantCulture) + " has no MARC-8 meaning") : Unlisted(issues, i));
                    i++;
                    nonAscii = true;
                }
                else
                {
                    nonAscii = true;
                    if (g1 == (int)Marc8CharacterSet.Eacc)
                    {
                        value = DecodeEacc(b, ref i, end, 0x80, issues);
                    }
                    else
                    {
                        value = c == 0xA0 || c == 0xFF ? (Marc8Issue.Listing(issues) ? Unmapped(issues, i, b, 1, "0x" + c.ToString("X2", CultureInfo.InvariantCulture) + " is not a character of the G1 set " + SetName(g1)) : Unlisted(issues, i))
                            : LookupSingle(g1, c & 0x7F, b, i, issues);
                        i++;
                    }
                }

                if ((value & Marc8Tables.Combining) != 0)
                {
                    int scalar = value & Marc8Tables.ScalarMask;
                    if (scalar == 0) continue;
                    if (markCount == marks.Length) Array.Resize(ref marks, marks.Length * 2);
                    if (markCount == 0) firstMarkAt = at;
                    marks[markCount++] = scalar;
                    anyMark = true;
                    continue;
                }
                int v = value & Marc8Tables.ScalarMask;
                if (v == 0 && value != 0) continue; // maps to nothing
                if (markCount > 0 && v == 0x20)
                {
                    Report(issues, MarcDiagnosticCodes.Marc8CombiningBeforeSpace, firstMarkAt,
                        "A combining mark (" + MarkNames(marks, markCount) + ") stands before a space; it was attached to the space (U+0020 followed by the mark).");
                }
                if (n + 4 + markCount * 3 > chars.Length) Array.Resize(ref chars, chars.Length * 2 + markCount * 3);
                n = Put(chars, n, v);
                n = PutMarks(chars, n, marks, markCount, firstMarkAt, issues);
                markCount = 0;
            }
            if (markCount > 0)
            {
                Report(issues, MarcDiagnosticCodes.Marc8CombiningAtEnd, firstMarkAt,
                    "A combining mark (" + MarkNames(marks, markCount) + ") has no base character after it before the end of the subfield; it was kept after a space.");
                if (n + 2 + markCount * 3 > chars.Length) Array.Resize(ref chars, chars.Length * 2 + markCount * 3);
                chars[n++] = ' ';
                n = PutMarks(chars, n, marks, markCount, firstMarkAt, issues);
            }
            t_chars = chars;
            t_marks = marks;
            string s = new string(chars, 0, n);
            if (nonAscii || anyMark)
            {
                switch (options.Normalization)
                {
                    case Marc8Normalization.Nfc:
                        if (!s.IsNormalized(NormalizationForm.FormC)) s = s.Normalize(NormalizationForm.FormC);
                        break;
                    case Marc8Normalization.Nfd:
                        if (!s.IsNormalized(NormalizationForm.FormD)) s = s.Normalize(NormalizationForm.FormD);
                        break;
                }
            }
            return s;
        }

        /// <summary>Unicode's stream-safe limit: at most this many combining marks in a row.</summary>
        internal const int MaxCombiningRun = 30;

        private const int CombiningGraphemeJoiner = 0x034F;

        /// <summary>
        /// The marks after their base. A run longer than <see cref="MaxCombiningRun"/> gets U+034F after every 30
        /// marks (UAX #15 stream-safe text format): normalisation reorders marks within a run, which takes time
        /// quadratic in the run's length, and no real text has such runs.
        /// </summary>
        private static int PutMarks(char[] chars, int n, int[] marks, int markCount, int firstMarkAt, IList<Marc8Issue>? issues)
        {
            if (markCount > MaxCombiningRun)
            {
                Report(issues, MarcDiagnosticCodes.Marc8LongCombiningRun, firstMarkAt,
                    markCount + " combining marks stand in a row; U+034F COMBINING GRAPHEME JOINER was put after every " + MaxCombiningRun + " of them (Unicode's stream-safe format).");
            }
            for (int k = 0; k < markCount; k++)
            {
                if (k > 0 && k % MaxCombiningRun == 0) chars[n++] = (char)CombiningGraphemeJoiner;
                n = Put(chars, n, marks[k]);
            }
            return n;
        }

        private static int Put(char[] chars, int n, int scalar)
        {
            if (scalar < 0x10000)
            {
                chars[n++] = (char)scalar;
            }
            else
            {
                scalar -= 0x10000;
                chars[n++] = (char)(0xD800 + (scalar >> 10));
                chars[n++] = (char)(0xDC00 + (scalar & 0x3FF));
            }
            return n;
        }

        private static int LookupSingle(int set, int code, byte[] b, int i, IList<Marc8Issue>? issues)
        {
            int[]? table = set < 128 ? Marc8Tables.Single[set] : null;
            int value = table != null ? table[code] : -1;
            if (value >= 0) return value;
            return (Marc8Issue.Listing(issues) ? Unmapped(issues, i, b, 1, "0x" + b[i].ToString("X2", CultureInfo.InvariantCulture) + " is not a character of " + SetName(set)) : Unlisted(issues, i));
        }

        private static int DecodeEacc(byte[] b, ref int i, int end, int high, IList<Marc8Issue>? issues)
        {
            if (i + 3 <= end && IsEaccByte(b[i + 1], high) && IsEaccByte(b[i + 2], high))
            {
                if (Marc8Tables.Eacc.TryGetValue(EaccKey(b, i), out int value))
                {
                    i += 3;
                    return value;
                }
                // Not in LC's table: resynchronise on the nearest known code at most three bytes ahead. Skipped bytes
                // that are all ASCII punctuation (left between EACC characters without an escape back to ASCII) are
                // read as Basic Latin; anything else becomes one U+FFFD.
                int skip = 3;
                for (int k = 1; k < 3; k++)
                {
                    if (i + k + 3 <= end && IsEaccByte(b[i + k], high) && IsEaccByte(b[i + k + 1], high) && IsEaccByte(b[i + k + 2], high)
                        && Marc8Tables.Eacc.ContainsKey(EaccKey(b, i + k)))
                    {
                        skip = k;
                        break;
                    }
                }
                if (skip < 3 && IsAsciiPunctuation(b[i] & 0x7F))
                {
                    Report(issues, MarcDiagnosticCodes.Marc8AsciiInEacc, i,
                        "Byte 0x" + b[i].ToString("X2", CultureInfo.InvariantCulture) + " in an EACC run starts no EACC character and the run continues after it; it was read as the Basic Latin character '" + (char)(b[i] & 0x7F) + "'.");
                    int c1 = b[i] & 0x7F;
                    i++;
                    return c1;
                }
                int v = (Marc8Issue.Listing(issues) ? Unmapped(issues, i, b, skip, "EACC bytes " + Hex(b, i, skip) + " are not a character in LC's table" + (skip < 3 ? " (the run resumes after them)" : "")) : Unlisted(issues, i));
                i += skip;
                return v;
            }
            int c = b[i] & 0x7F;
            Report(issues, MarcDiagnosticCodes.Marc8TruncatedEacc, i,
                "Fewer than three bytes are left in an EACC run (" + Hex(b, i, Math.Min(3, end - i)) + "); byte 0x" + b[i].ToString("X2", CultureInfo.InvariantCulture)
                + " was read as the Basic Latin character '" + (char)c + "'.");
            i++;
            return c;
        }

        private static int EaccKey(byte[] b, int i) => ((b[i] & 0x7F) << 16) | ((b[i + 1] & 0x7F) << 8) | (b[i + 2] & 0x7F);

        private static bool IsEaccByte(byte x, int high) => high == 0 ? x >= 0x21 && x <= 0x7E : x >= 0xA1 && x <= 0xFE;

        private static bool IsAsciiPunctuation(int c) => (c >= 0x21 && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);

        /// <summary>An unmapped code past the listed problems: counted only (U+FFFD).</summary>
        private static int Unlisted(IList<Marc8Issue>? issues, int i)
        {
            Marc8Issue.AddUnlisted(issues, MarcDiagnosticCodes.Marc8UnmappedCharacter, i);
            return 0xFFFD;
        }

        private static int Unmapped(IList<Marc8Issue>? issues, int i, byte[] b, int length, string why)
        {
            Report(issues, MarcDiagnosticCodes.Marc8UnmappedCharacter, i, why + " (bytes " + Hex(b, i, length) + "); written as U+FFFD.");
            return 0xFFFD;
        }

        /// <summary>
        /// Parses an escape sequence at b[i] (ESC). Returns its length when it designates a known set (and applies it),
        /// minus its length when it is well-formed but names an unknown set, 0 when it is not an escape sequence.
        /// </summary>
        internal static int ParseEscape(byte[] b, int i, int end, ref int g0, ref int g1)
        {
            int j = i + 1;
            if (j >= end) return 0;
            byte x = b[j];
            switch (x)
            {
                case (byte)'g':
                case (byte)'b':
                case (byte)'p':
                    g0 = x;
                    return 2;
                case (byte)'s':
                    g0 = (int)Marc8CharacterSet.BasicLatin;
                    return 2;
                case (byte)'$':
                {
                    j++;
                    bool toG1 = false;
                    if (j < end && (b[j] == (byte)'(' || b[j] == (byte)','))
                        j++;
                    else if (j < end && (b[j] == (byte)')' || b[j] == (byte)'-'))
                    {
                        toG1 = true;
                        j++;
                    }
                    if (j >= end) return 0;
                    byte f = b[j];
                    if (f == 0x31)
                    {
                        if (toG1) g1 = f; else g0 = f;
                        return j - i + 1;
                    }
                    return f >= 0x30 && f <= 0x7E ? -(j - i + 1) : 0;
                }
                case (byte)'(':
                case (byte)',':
                case (byte)')':
                case (byte)'-':
                {
                    bool toG1 = x == (byte)')' || x == (byte)'-';
                    j++;
                    if (j < end && b[j] == (byte)'!') j++;
                    if (j >= end) return 0;
                    byte f = b[j];
                    if (f < 128 && f != 0x31 && f != 0x67 && f != 0x62 && f != 0x70 && Marc8Tables.Single[f] != null)
                    {
                        if (toG1) g1 = f; else g0 = f;
                        return j - i + 1;
                    }
                    return f >= 0x30 && f <= 0x7E ? -(j - i + 1) : 0;
                }
                default:
                    return 0;
            }
        }

        /// <summary>Parses <c>&amp;#xXXXX;</c> at b[i].</summary>
        private static bool TryReference(byte[] b, int i, int end, out int scalar, out int length)
        {
            scalar = 0;
            length = 0;
            if (i + 4 >= end || b[i + 1] != (byte)'#' || (b[i + 2] != (byte)'x' && b[i + 2] != (byte)'X')) return false;
            int j = i + 3;
            int v = 0, digits = 0;
            while (j < end && digits <= 6)
            {
                int d = HexValue(b[j]);
                if (d < 0) break;
                v = (v << 4) | d;
                digits++;
                j++;
            }
            if (digits == 0 || digits > 6 || j >= end || b[j] != (byte)';') return false;
            if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF) return false;
            scalar = v;
            length = j - i + 1;
            return true;
        }

        private static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        internal static string SetName(int set) =>
            Enum.IsDefined(typeof(Marc8CharacterSet), (byte)set) ? ((Marc8CharacterSet)(byte)set).ToString() : "set 0x" + set.ToString("X2", CultureInfo.InvariantCulture);

        private static string MarkNames(int[] marks, int count)
        {
            var sb = new StringBuilder();
            for (int k = 0; k < count; k++)
            {
                if (k > 0) sb.Append(", ");
                sb.Append("U+").Append(marks[k].ToString("X4", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }

        internal static string Hex(byte[] b, int offset, int count)
        {
            var sb = new StringBuilder();
            for (int k = 0; k < count && offset + k < b.Length; k++)
            {
                if (k > 0) sb.Append(' ');
                sb.Append(b[offset + k].ToString("X2", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }

        /// <summary>Reports a problem whose message is built only while problems are still listed (see <see cref="Marc8Issue.Add"/>).</summary>
        private static void Report<T>(IList<Marc8Issue>? issues, string code, int position, Func<T, string> message, T arg)
        {
            if (issues == null) return;
            if (Marc8Issue.Listing(issues)) Marc8Issue.Add(issues, code, position, message(arg));
            else Marc8Issue.AddUnlisted(issues, code, position);
        }

        private static void Report(IList<Marc8Issue>? issues, string code, int position, string message)
        {
            Marc8Issue.Add(issues, code, position, message);
        }
    }
}
