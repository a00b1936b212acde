using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>
    /// Decodes mnemonics and blanks in one stretch of a MarcEdit text line (a leader, a control field, a subfield).
    /// In MARC-8 records a mnemonic is the byte it names. In Unicode records it is the character it names, and a
    /// combining mark mnemonic stands before its base letter as in MARC-8 (<c>{caron}e</c> = ě: the mark is moved
    /// after the letter and the two composed, NFC); <c>{uXXXX}</c> is the code point where it stands. See
    /// docs/design/marc-text-format.md.
    /// </summary>
    internal sealed class MrkTextDecoder
    {
        private readonly bool _unicode;
        private readonly bool _charsAreBytes;
        private readonly List<MarcDiagnostic> _warnings;
        private readonly StringBuilder _sb = new StringBuilder();
        private readonly StringBuilder _marks = new StringBuilder(); // mark mnemonics waiting for their base letter

        /// <param name="unicode">The record is Unicode (else MARC-8: the result holds one byte per character).</param>
        /// <param name="charsAreBytes">MARC-8 records: characters U+0080-U+00FF are MARC-8 bytes (a .mrk file read byte
        /// by byte); otherwise they are Unicode characters and are encoded to MARC-8 (text given as a string).</param>
        /// <param name="warnings">Where unknown mnemonics are reported.</param>
        public MrkTextDecoder(bool unicode, bool charsAreBytes, List<MarcDiagnostic> warnings)
        {
            _unicode = unicode;
            _charsAreBytes = charsAreBytes;
            _warnings = warnings;
        }

        public string Decode(string s, int start, int end, bool backslashIsBlank, string? tag, long lineOffset)
        {
            _sb.Clear();
            _marks.Clear();
            for (int i = start; i < end; i++)
            {
                char c = s[i];
                if (c == '\\' && backslashIsBlank)
                {
                    Append(' ');
                    continue;
                }
                if (c == '{')
                {
                    int close = s.IndexOf('}', i + 1, Math.Min(end - i - 1, 12));
                    if (close > i + 1 && TryMnemonic(s.Substring(i + 1, close - i - 1), tag, lineOffset))
                    {
                        i = close;
                        continue;
                    }
                }
                if (!_unicode && (c > '\u00FF' || (c >= '\u0080' && !_charsAreBytes)))
                {
                    // Only from text given as a string: a Unicode character, encoded to MARC-8.
                    int cp = c;
                    if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(s[i + 1])) cp = char.ConvertToUtf32(c, s[++i]);
                    _sb.Append(CodePointToMarc8(cp));
                    continue;
                }
                if (_marks.Length > 0 && char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(s[i + 1]))
                {
                    AppendText(s.Substring(i, 2));
                    i++;
                    continue;
                }
                Append(c);
            }
            FlushMarks();
            return _sb.ToString();
        }

        private void Append(char c)
        {
            if (_marks.Length == 0) _sb.Append(c);
            else AppendText(c.ToString());
        }

        /// <summary>Appends decoded text; a base letter first takes the mark mnemonics written before it.</summary>
        private void AppendText(string text)
        {
            if (_marks.Length == 0 || text.Length == 0)
            {
                _sb.Append(text);
                return;
            }
            int baseLength = char.IsHighSurrogate(text[0]) && text.Length > 1 ? 2 : 1;
            if (Marc8Encoder.IsMark(MrkTextEncoder.ScalarAt(text, 0)))
            {
                FlushMarks();
                _sb.Append(text);
                return;
            }
            _sb.Append((text.Substring(0, baseLength) + _marks).Normalize(NormalizationForm.FormC));
            _marks.Clear();
            _sb.Append(text, baseLength, text.Length - baseLength);
        }

        /// <summary>Mark mnemonics with no letter after them stay where they are.</summary>
        private void FlushMarks()
        {
            _sb.Append(_marks);
            _marks.Clear();
        }

        private bool TryMnemonic(string name, string? tag, long lineOffset)
        {
            if (_unicode && MrkMnemonics.TryGetUnicode(name, out string text))
            {
                if (Marc8Encoder.IsMark(MrkTextEncoder.ScalarAt(text, 0))) _marks.Append(text);
                else AppendText(text);
                return true;
            }
            if (!_unicode && MrkMnemonics.TryGetByte(name, out byte b))
            {
                _sb.Append((char)b);
                return true;
            }
            if (name.Length == 2 && IsHex(name, 0, 2))
            {
                AppendText(((char)int.Parse(name, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
                return true;
            }
            if (name.Length >= 5 && name.Length <= 7 && (name[0] == 'u' || name[0] == 'U') && IsHex(name, 1, name.Length - 1))
            {
                int cp = int.Parse(name.Substring(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF))
                {
                    if (_unicode) AppendText(char.ConvertFromUtf32(cp));
                    else _sb.Append(CodePointToMarc8(cp));
                    return true;
                }
            }
            if (!_unicode && IsName(name))
            {
                // In MARC-8 text a brace is written {lcub}, so this was meant as a mnemonic.
                _warnings.Add(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.UnknownMnemonic,
                    "{" + name + "} is not a known mnemonic; it was kept as written.", lineOffset, tag));
            }
            return false;
        }

        /// <summary>
        /// The MARC-8 bytes (as characters U+0000-U+00FF) for one Unicode code point in a MARC-8 record: its MARC-8
        /// form (with escape sequences when it is in another set, e.g. Greek), or LC's numeric character reference
        /// <c>&amp;#xXXXX;</c> when MARC-8 lacks it, which the MARC-8 decoder turns back into the character.
        /// </summary>
        private static string CodePointToMarc8(int codePoint)
        {
            if (codePoint < 0x80) return ((char)codePoint).ToString();
            byte[] bytes = Marc8Encoder.Encode(char.ConvertFromUtf32(codePoint));
            var chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }

        internal static bool IsHex(string s, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                char c = s[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
            }
            return true;
        }

        private static bool IsName(string s)
        {
            if (s.Length == 0 || s.Length > 10) return false;
            foreach (char c in s)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
            }
            return true;
        }
    }
}
