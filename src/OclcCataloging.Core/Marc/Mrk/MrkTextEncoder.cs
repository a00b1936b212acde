using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>Where a stretch of MarcEdit text stands: blanks and backslashes are written differently in each.</summary>
    internal enum MrkTextContext
    {
        Leader,
        Control,
        Data,
    }

    /// <summary>
    /// Writes field data as MarcEdit text (the rules are in docs/design/marc-text-format.md):
    /// <list type="bullet">
    /// <item>everywhere: <c>$</c> is <c>{dollar}</c>; a backslash is <c>{bsol}</c> (in subfield data it may be kept
    /// as it is, <see cref="MrkWriterOptions.LiteralBackslash"/>); in control fields a blank is <c>\</c>.</item>
    /// <item>MARC-8 records (.mrk): printable ASCII as it is, braces as <c>{lcub}</c> / <c>{rcub}</c>, other bytes as
    /// LC mnemonics or <c>{XX}</c>.</item>
    /// <item>Unicode records in .mrk (ASCII): braces as in MARC-8; each character with its combining marks as the LC
    /// mnemonics of its MARC-8 form (<c>{caron}e</c>, marks before the letter) when those read back to exactly the
    /// same characters, else its non-ASCII characters as <c>{uXXXX}</c>.</item>
    /// <item>.mrk8 (UTF-8): characters as they are; a brace as <c>{lcub}</c> only where it would read as a mnemonic.</item>
    /// </list>
    /// </summary>
    internal sealed class MrkTextEncoder
    {
        private readonly StringBuilder _sb;
        private readonly bool _marc8;
        private readonly bool _asciiOnly;
        private readonly bool _literalBackslash;
        private MrkTextDecoder? _readBack;

        /// <param name="sb">Where to write.</param>
        /// <param name="marc8">The values are MARC-8 bytes, one per character.</param>
        /// <param name="asciiOnly">.mrk (ASCII) rather than .mrk8.</param>
        /// <param name="literalBackslash">A backslash in subfield data is written as it is.</param>
        public MrkTextEncoder(StringBuilder sb, bool marc8, bool asciiOnly, bool literalBackslash)
        {
            _sb = sb;
            _marc8 = marc8;
            _asciiOnly = asciiOnly;
            _literalBackslash = literalBackslash;
        }

        public void Append(string s, MrkTextContext context)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (_marc8)
                {
                    if (c < 0x80) AppendAscii(_sb, c, context);
                    else if (c <= '\u00FF') AppendByteMnemonic(_sb, (byte)c);
                    else AppendCodePoint(s, ref i); // not a byte: only possible for a record built in memory
                    continue;
                }
                if (_asciiOnly)
                {
                    int end = ClusterEnd(s, i);
                    if (!IsAscii(s, i, end))
                    {
                        AppendCluster(s.Substring(i, end - i), context);
                        i = end - 1;
                        continue;
                    }
                    AppendAscii(_sb, c, context);
                    continue;
                }
                if (c == '{' && LooksLikeMnemonic(s, i)) _sb.Append("{lcub}");
                else if (c == '{' || c == '}' || c >= 0x80) _sb.Append(c);
                else AppendAscii(_sb, c, context);
            }
        }

        /// <summary>One ASCII character (a MARC-8 byte below 0x80, or a Unicode character below U+0080).</summary>
        private void AppendAscii(StringBuilder sb, char c, MrkTextContext context)
        {
            switch (c)
            {
                case ' ':
                    sb.Append(context == MrkTextContext.Control ? '\\' : ' ');
                    return;
                case '\\':
                    if (context == MrkTextContext.Data && _literalBackslash) sb.Append('\\');
                    else sb.Append("{bsol}");
                    return;
                case '$':
                    sb.Append("{dollar}");
                    return;
                case '{':
                    sb.Append("{lcub}");
                    return;
                case '}':
                    sb.Append("{rcub}");
                    return;
            }
            if (c > ' ' && c < 0x7F) sb.Append(c);
            else if (_marc8) AppendByteMnemonic(sb, (byte)c);
            else sb.Append(c == '\u001B' ? "{esc}" : "{" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) + "}");
        }

        private static void AppendByteMnemonic(StringBuilder sb, byte b)
        {
            string? name = MrkMnemonics.NameOf(b);
            sb.Append('{').Append(name ?? b.ToString("X2", CultureInfo.InvariantCulture)).Append('}');
        }

        /// <summary>A character with its combining marks, in a Unicode record written as .mrk.</summary>
        private void AppendCluster(string cluster, MrkTextContext context)
        {
            string? spelled = Marc8Spelling(cluster, context);
            if (spelled != null)
            {
                _sb.Append(spelled);
                return;
            }
            for (int i = 0; i < cluster.Length; i++)
            {
                if (cluster[i] < 0x80) AppendAscii(_sb, cluster[i], context);
                else AppendCodePoint(cluster, ref i);
            }
        }

        /// <summary>
        /// The cluster as the LC mnemonics of its MARC-8 bytes (<c>{caron}e</c>), or null when MARC-8 lacks one of its
        /// characters, needs another character set, or the spelling would not read back to exactly this cluster.
        /// </summary>
        private string? Marc8Spelling(string cluster, MrkTextContext context)
        {
            if (Marc8Encoder.IsMark(ScalarAt(cluster, 0))) return null; // a mark would take the next letter
            for (int k = 0; k < cluster.Length; k++)
            {
                if (char.IsHighSurrogate(cluster[k]) && k + 1 < cluster.Length && char.IsLowSurrogate(cluster[k + 1])) k++;
                else if (char.IsSurrogate(cluster[k])) return null; // broken text: written as code points
            }
            var issues = new List<Marc8Issue>();
            byte[] bytes = Marc8Encoder.Encode(cluster, null, issues);
            if (issues.Count > 0) return null;
            var sb = new StringBuilder(bytes.Length * 6);
            foreach (byte b in bytes)
            {
                if (b < 0x20 || b == 0x7F) return null; // escape sequences, controls
                if (b < 0x80)
                {
                    AppendAscii(sb, (char)b, context);
                    continue;
                }
                string? name = MrkMnemonics.NameOf(b);
                if (name == null) return null;
                sb.Append('{').Append(name).Append('}');
            }
            string spelled = sb.ToString();
            _readBack ??= new MrkTextDecoder(unicode: true, charsAreBytes: false, new List<MarcDiagnostic>());
            string back = _readBack.Decode(spelled, 0, spelled.Length, backslashIsBlank: context != MrkTextContext.Data, null, -1);
            return back == cluster ? spelled : null;
        }

        /// <summary>Where the cluster starting at <paramref name="i"/> (one character and the combining marks after it) ends.</summary>
        private static int ClusterEnd(string s, int i)
        {
            int j = i + (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1);
            while (j < s.Length)
            {
                int width = char.IsHighSurrogate(s[j]) && j + 1 < s.Length && char.IsLowSurrogate(s[j + 1]) ? 2 : 1;
                if (!Marc8Encoder.IsMark(ScalarAt(s, j))) break;
                j += width;
            }
            return j;
        }

        /// <summary>The code point at <paramref name="i"/>; a lone surrogate as its own value.</summary>
        internal static int ScalarAt(string s, int i) =>
            char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

        private static bool IsAscii(string s, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (s[i] >= 0x80) return false;
            }
            return true;
        }

        private void AppendCodePoint(string s, ref int i)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) cp = char.ConvertToUtf32(s[i], s[++i]);
            _sb.Append("{u").Append(cp.ToString("X4", CultureInfo.InvariantCulture)).Append('}');
        }

        /// <summary>True when the brace at <paramref name="i"/> starts something a reader would take for a mnemonic.</summary>
        private static bool LooksLikeMnemonic(string s, int i)
        {
            int close = s.IndexOf('}', i + 1, Math.Min(s.Length - i - 1, 12));
            if (close <= i + 1) return false;
            string name = s.Substring(i + 1, close - i - 1);
            if (MrkMnemonics.TryGetUnicode(name, out _)) return true;
            if (name.Length == 2 && MrkTextDecoder.IsHex(name, 0, 2)) return true;
            return name.Length >= 5 && name.Length <= 7 && (name[0] == 'u' || name[0] == 'U') && MrkTextDecoder.IsHex(name, 1, name.Length - 1);
        }
    }
}
