using System;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>UTF-8 well-formedness checks (Unicode table 3-7: no overlongs, no surrogates, at most U+10FFFF).</summary>
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
                byte c = b[i];
                if (c < 0x80)
                {
                    i++;
                    continue;
                }
                int need;
                int min2 = 0x80, max2 = 0xBF;
                if (c >= 0xC2 && c <= 0xDF) need = 1;
                else if (c == 0xE0) { need = 2; min2 = 0xA0; }
                else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
                else if (c == 0xED) { need = 2; max2 = 0x9F; }
                else if (c == 0xF0) { need = 3; min2 = 0x90; }
                else if (c >= 0xF1 && c <= 0xF3) need = 3;
                else if (c == 0xF4) { need = 3; max2 = 0x8F; }
                else return i;
                if (i + need >= end) return i;
                byte c2 = b[i + 1];
                if (c2 < min2 || c2 > max2) return i;
                for (int k = 2; k <= need; k++)
                {
                    if ((b[i + k] & 0xC0) != 0x80) return i;
                }
                i += need + 1;
            }
            return -1;
        }
    }
}
