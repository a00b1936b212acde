using System;

namespace OclcCataloging.Text
{
    /// <summary>
    /// The one UTF-8 well-formedness rule of the core (Unicode table 3-7: no overlongs, no surrogates, at most
    /// U+10FFFF), for every reader and writer that checks or decodes UTF-8 bytes itself.
    /// </summary>
    internal static class Utf8Validator
    {
        public static bool IsValid(byte[] b, int start, int end)
        {
#if NET8_0_OR_GREATER
            return System.Text.Unicode.Utf8.IsValid(new ReadOnlySpan<byte>(b, start, end - start));
#else
            return FirstInvalid(b, start, end) < 0;
#endif
        }

        /// <summary>The index of the first byte of the first ill-formed sequence in b[start..end), or -1.</summary>
        public static int FirstInvalid(byte[] b, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                // ASCII fast path, eight bytes at a time
                while (i + 8 <= end && (BitConverter.ToUInt64(b, i) & 0x8080808080808080UL) == 0) i += 8;
                if (i >= end) break;
                if (b[i] < 0x80)
                {
                    i++;
                    continue;
                }
                int len = DecodeSequence(b, i, end, out _);
                if (len < 0) return i;
                i += len;
            }
            return -1;
        }

        /// <summary>How many ill-formed sequences b[start..end) holds (each would decode as one U+FFFD).</summary>
        public static int CountInvalidSequences(byte[] b, int start, int end)
        {
            int n = 0;
            int i = start;
            while (i < end)
            {
                if (b[i] < 0x80)
                {
                    i++;
                    continue;
                }
                int len = DecodeSequence(b, i, end, out _);
                if (len > 0)
                {
                    i += len;
                }
                else
                {
                    n++;
                    i += -len;
                }
            }
            return n;
        }

        /// <summary>
        /// Decodes one UTF-8 sequence starting with a byte >= 0x80. Returns its length and code point, or minus the
        /// length of the maximal invalid subpart (Unicode's "substitution of maximal subparts": one U+FFFD each).
        /// </summary>
        public static int DecodeSequence(byte[] s, int i, int end, out int cp)
        {
            cp = 0;
            byte b0 = s[i];
            int need;
            byte lo = 0x80, hi = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) { need = 1; cp = b0 & 0x1F; }
            else if (b0 >= 0xE0 && b0 <= 0xEF)
            {
                need = 2;
                cp = b0 & 0x0F;
                if (b0 == 0xE0) lo = 0xA0;
                else if (b0 == 0xED) hi = 0x9F;
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4)
            {
                need = 3;
                cp = b0 & 0x07;
                if (b0 == 0xF0) lo = 0x90;
                else if (b0 == 0xF4) hi = 0x8F;
            }
            else return -1;

            int j = i + 1;
            for (int n = 0; n < need; n++, j++)
            {
                if (j >= end) return -(j - i);
                byte b = s[j];
                if (n == 0 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return -(j - i);
                cp = (cp << 6) | (b & 0x3F);
            }
            return need + 1;
        }
    }
}
