using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// Unicode to MARC-8 (LC's code tables, reverse direction).
    /// </summary>
    /// <remarks>
    /// <para>Each call starts in the default state (G0 ASCII, G1 ANSEL) and ends in it: a value that needs another set
    /// is followed by <c>ESC ( B</c> (or <c>ESC s</c> after Greek symbols, subscripts, superscripts), so every
    /// encoded value stands on its own, whatever the reader's policy on escape state across subfields. Script sets
    /// are designated as G0 (<c>ESC ( 2</c>, <c>ESC ( N</c>, <c>ESC $ 1</c>, ...); ANSEL stays G1.</para>
    /// <para>Combining marks follow their base in Unicode and precede it in MARC-8: they are written before the base.
    /// U+0361 / U+0360 (and U+FE20-U+FE23) become the two halves EB ... EC / FA ... FB around the two letters.
    /// Precomposed characters without a MARC-8 code are written as their canonical decomposition (é = E2 e); a base
    /// letter and marks that together are a letter MARC-8 has are written as that letter (u + U+031B = BD, u with horn),
    /// whatever the normalisation form of the input (docs/design/marc-text-format.md).
    /// A character in several sets is taken from the current G0 set when it has it (no extra escape), otherwise
    /// from the first of ASCII, ANSEL, Greek, Cyrillic, Hebrew, Arabic, subscripts, superscripts, Greek symbols, EACC.</para>
    /// <para>Characters MARC-8 lacks become <c>&amp;#xXXXX;</c> by default (lossless; <see cref="Marc8UnmappablePolicy"/>).
    /// A literal "&amp;#x" already in the text is written as it is (it will read back as a reference, as LC's
    /// convention implies).</para>
    /// </remarks>
    public static class Marc8Encoder
    {
        private const byte Esc = 0x1B;

        /// <summary>Encodes <paramref name="text"/>; problems are added to <paramref name="issues"/> (position = char index).</summary>
        public static byte[] Encode(string text, Marc8EncoderOptions? options = null, IList<Marc8Issue>? issues = null)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (IsAscii(text))
            {
                var ascii = new byte[text.Length];
                for (int k = 0; k < text.Length; k++) ascii[k] = (byte)text[k];
                return ascii;
            }
            options ??= Marc8EncoderOptions.Default;
            var w = new Writer(text.Length * 2 + 8);
            int i = 0;
            int pendingSecondHalf = -1; // EC or FB to write before the next base character
            while (i < text.Length)
            {
                int start = i;
                int cp = NextScalar(text, ref i);
                // collect the combining marks that follow
                int marksStart = i;
                while (i < text.Length)
                {
                    int j = i;
                    int m = NextScalar(text, ref j);
                    if (!IsMark(m)) break;
                    i = j;
                }
                EncodeCluster(w, text, start, cp, marksStart, i, options, issues, ref pendingSecondHalf);
            }
            if (pendingSecondHalf >= 0) w.G1Byte((byte)pendingSecondHalf);
            w.Reset();
            return w.ToArray();
        }

        private static void EncodeCluster(Writer w, string text, int start, int cp, int marksStart, int marksEnd, Marc8EncoderOptions options, IList<Marc8Issue>? issues, ref int pendingSecondHalf)
        {
            bool baseMappable = cp == 0x20 || cp < 0x20 || Marc8Tables.Reverse.ContainsKey(cp) || cp == 0x7F;
            // A run of marks longer than Unicode's stream-safe limit is written as it stands: normalising it takes time
            // quadratic in its length (the decoder never makes such runs; see Marc8Decoder.MaxCombiningRun).
            bool normalise = marksEnd - marksStart <= 2 * Marc8Decoder.MaxCombiningRun;
            if (normalise && !IsMark(cp) && (marksEnd > marksStart || !baseMappable) && !IsSurrogate(cp))
            {
                // Normalised first, so canonically equivalent input gives the same bytes (NFC or NFD, marks in any order).
                string cluster = text.Substring(start, marksEnd - start);
                if (Marc8Composition.TryCompose(cluster, out int composed, out string rest))
                {
                    // u + U+031B is the letter MARC-8 has (u with horn); the other marks stay marks.
                    string composedBase = char.ConvertFromUtf32(composed);
                    EncodeDecomposed(w, composedBase + rest, start, composed, composedBase.Length, composedBase.Length + rest.Length, options, issues, ref pendingSecondHalf);
                    return;
                }
                string nfd = cluster.Normalize(NormalizationForm.FormD);
                int nfdMarks = 0;
                int nfdBase = NextScalar(nfd, ref nfdMarks);
                if (nfd != cluster && Marc8Tables.Reverse.ContainsKey(nfdBase) && AllMarksMappable(nfd, nfdMarks))
                {
                    EncodeDecomposed(w, nfd, start, nfdBase, nfdMarks, nfd.Length, options, issues, ref pendingSecondHalf);
                    return;
                }
            }
            if (normalise && !baseMappable && !IsMark(cp) && !IsSurrogate(cp))
            {
                // a precomposed letter: try its canonical decomposition
                string s = char.ConvertFromUtf32(cp);
                string d = s.Normalize(NormalizationForm.FormD);
                if (d != s)
                {
                    int k = 0;
                    int dBase = NextScalar(d, ref k);
                    if (Marc8Tables.Reverse.ContainsKey(dBase) && AllMarksMappable(d, k))
                    {
                        string rebuilt = d + text.Substring(marksStart, marksEnd - marksStart);
                        int dMarksEnd = rebuilt.Length;
                        EncodeDecomposed(w, rebuilt, start, dBase, k, dMarksEnd, options, issues, ref pendingSecondHalf);
                        return;
                    }
                }
            }
            EncodeDecomposed(w, text, start, cp, marksStart, marksEnd, options, issues, ref pendingSecondHalf);
        }

        private static void EncodeDecomposed(Writer w, string text, int position, int cp, int marksStart, int marksEnd, Marc8EncoderOptions options, IList<Marc8Issue>? issues, ref int pendingSecondHalf)
        {
            // marks first (those MARC-8 has), in order; unmappable marks go after the base, as references
            List<int>? unmappableMarks = null;
            int newSecondHalf = -1;
            bool baseIsMark = IsMark(cp);
            int k = marksStart;
            var markList = new List<int>();
            if (baseIsMark) markList.Add(cp);
            while (k < marksEnd) markList.Add(NextScalar(text, ref k));
            foreach (int m in markList)
            {
                if (Marc8Tables.Reverse.TryGetValue(m, out int code))
                {
                    int set = code >> 24;
                    int c = code & 0xFFFFFF;
                    if (set == 0x45)
                    {
                        if (c == 0xEB) newSecondHalf = 0xEC;
                        else if (c == 0xFA) newSecondHalf = 0xFB;
                        else if (c == 0xEC || c == 0xFB)
                        {
                            // an explicit second half (U+FE21 / U+FE23): written where it stands
                            pendingSecondHalf = -1;
                        }
                        w.G1Byte((byte)c);
                    }
                    else
                    {
                        w.Char(set, c);
                    }
                }
                else
                {
                    (unmappableMarks ??= new List<int>()).Add(m);
                }
            }
            if (pendingSecondHalf >= 0 && !baseIsMark)
            {
                w.G1Byte((byte)pendingSecondHalf);
                pendingSecondHalf = -1;
            }
            if (!baseIsMark) EncodeBase(w, cp, position, options, issues);
            if (newSecondHalf >= 0) pendingSecondHalf = newSecondHalf;
            if (unmappableMarks != null)
            {
                foreach (int m in unmappableMarks) Unmappable(w, m, position, options, issues);
            }
        }

        private static void EncodeBase(Writer w, int cp, int position, Marc8EncoderOptions options, IList<Marc8Issue>? issues)
        {
            if (cp == Esc)
            {
                // a literal ESC character in the text would start an escape sequence: it is not a MARC-8 character
                Unmappable(w, cp, position, options, issues);
                return;
            }
            if (cp == 0x20 || cp < 0x20)
            {
                w.Raw((byte)cp);
                return;
            }
            if (w.TryCurrentG0(cp)) return;
            if (Marc8Tables.Reverse.TryGetValue(cp, out int code))
            {
                int set = code >> 24;
                int c = code & 0xFFFFFF;
                if (set == 0) w.Raw((byte)c);           // C1 control (NSB, NSE, ZWJ, ZWNJ)
                else if (set == 0x45) w.G1Byte((byte)c);
                else w.Char(set, c);
                return;
            }
            Unmappable(w, cp, position, options, issues);
        }

        private static void Unmappable(Writer w, int cp, int position, Marc8EncoderOptions options, IList<Marc8Issue>? issues)
        {
            string u = "U+" + cp.ToString("X4", CultureInfo.InvariantCulture);
            if (options.Unmappable == Marc8UnmappablePolicy.CharacterReference)
            {
                Marc8Issue.Add(issues, MarcDiagnosticCodes.Marc8CharacterReference, position,
                    "Character " + u + " has no MARC-8 code; written as the character reference &#x" + cp.ToString("X4", CultureInfo.InvariantCulture) + ";.");
                w.Ascii("&#x" + cp.ToString("X4", CultureInfo.InvariantCulture) + ";");
                return;
            }
            Marc8Issue.Add(issues, MarcDiagnosticCodes.CharacterNotEncodable, position,
                "Character " + u + " has no MARC-8 code; replaced by '" + options.Replacement + "'.");
            foreach (char ch in options.Replacement)
            {
                if (ch < 0x80 && ch >= 0x20) w.AsciiChar((byte)ch);
            }
        }

        private static bool AllMarksMappable(string d, int k)
        {
            while (k < d.Length)
            {
                if (!Marc8Tables.Reverse.ContainsKey(NextScalar(d, ref k))) return false;
            }
            return true;
        }

        internal static bool IsMark(int cp)
        {
            if (Marc8Tables.CombiningScalars.Contains(cp)) return true;
            if (cp < 0x300 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            var cat = CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(cp), 0);
            return cat == UnicodeCategory.NonSpacingMark || cat == UnicodeCategory.EnclosingMark;
        }

        private static int NextScalar(string s, ref int i)
        {
            char c = s[i++];
            if (char.IsHighSurrogate(c) && i < s.Length && char.IsLowSurrogate(s[i])) return char.ConvertToUtf32(c, s[i++]);
            return c;
        }

        private static bool IsSurrogate(int cp) => cp >= 0xD800 && cp <= 0xDFFF;

        private static bool IsAscii(string s)
        {
            foreach (char c in s)
            {
                if (c >= 0x80 || c == Esc) return false; // ESC would begin an escape sequence
            }
            return true;
        }

        /// <summary>Output with the current G0 designation.</summary>
        private sealed class Writer
        {
            private byte[] _buf;
            private int _len;
            private int _g0 = (int)Marc8CharacterSet.BasicLatin;

            public Writer(int capacity) { _buf = new byte[Math.Max(16, capacity)]; }

            public bool TryCurrentG0(int cp)
            {
                if (_g0 == (int)Marc8CharacterSet.BasicLatin)
                {
                    if (cp < 0x7F && cp > 0x20)
                    {
                        Raw((byte)cp);
                        return true;
                    }
                    return false;
                }
                var bySet = Marc8Tables.ReverseBySet[_g0];
                if (bySet != null && bySet.TryGetValue(cp, out int code))
                {
                    Code(code);
                    return true;
                }
                return false;
            }

            public void Char(int set, int code)
            {
                Designate(set);
                Code(code);
            }

            public void AsciiChar(byte c)
            {
                Designate((int)Marc8CharacterSet.BasicLatin);
                Raw(c);
            }

            public void Ascii(string s)
            {
                Designate((int)Marc8CharacterSet.BasicLatin);
                foreach (char c in s) Raw((byte)c);
            }

            public void G1Byte(byte c) => Raw(c);

            public void Reset() => Designate((int)Marc8CharacterSet.BasicLatin);

            private void Code(int code)
            {
                if (code > 0xFFFF)
                {
                    Raw((byte)(code >> 16));
                    Raw((byte)(code >> 8));
                    Raw((byte)code);
                }
                else Raw((byte)code);
            }

            private void Designate(int set)
            {
                if (_g0 == set) return;
                bool technique1 = _g0 == 0x67 || _g0 == 0x62 || _g0 == 0x70;
                switch (set)
                {
                    case 0x42:
                        if (technique1) { Raw(Esc); Raw((byte)'s'); }
                        else { Raw(Esc); Raw((byte)'('); Raw((byte)'B'); }
                        break;
                    case 0x67:
                    case 0x62:
                    case 0x70:
                        Raw(Esc);
                        Raw((byte)set);
                        break;
                    case 0x31:
                        Raw(Esc); Raw((byte)'$'); Raw((byte)'1');
                        break;
                    default:
                        Raw(Esc); Raw((byte)'('); Raw((byte)set);
                        break;
                }
                _g0 = set;
            }

            public void Raw(byte b)
            {
                if (_len == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
                _buf[_len++] = b;
            }

            public byte[] ToArray()
            {
                var r = new byte[_len];
                Buffer.BlockCopy(_buf, 0, r, 0, _len);
                return r;
            }
        }
    }
}
