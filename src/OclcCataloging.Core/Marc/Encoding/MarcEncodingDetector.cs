using System;
using OclcCataloging.Text;

namespace OclcCataloging.Marc
{
    /// <summary>What <see cref="MarcEncodingDetector"/> found in a record's data.</summary>
    public enum DetectedEncoding
    {
        /// <summary>Only ASCII bytes and no escape sequence: MARC-8 and UTF-8 read the same.</summary>
        Ascii = 0,
        /// <summary>Well-formed UTF-8 with at least one multi-byte character and no MARC-8 escape sequence.</summary>
        Utf8,
        /// <summary>MARC-8 escape sequences, or non-ASCII bytes that are not well-formed UTF-8.</summary>
        Marc8,
    }

    /// <summary>Guesses the character coding of record data from its bytes (used by <see cref="MarcEncoding.Auto"/>).</summary>
    public static class MarcEncodingDetector
    {
        /// <summary>Classifies <paramref name="count"/> bytes of field data.</summary>
        public static DetectedEncoding Detect(byte[] data, int offset, int count)
        {
            return Detect(data, offset, count, out _);
        }

        /// <summary>Classifies the bytes and says why, in a sentence usable in a warning.</summary>
        public static DetectedEncoding Detect(byte[] data, int offset, int count, out string reason)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            int end = offset + count;
            int esc = Array.IndexOf(data, (byte)0x1B, offset, count);
            if (esc >= 0)
            {
                int g0 = 0x42, g1 = 0x45;
                if (Marc8Decoder.ParseEscape(data, esc, end, ref g0, ref g1) != 0)
                {
                    reason = "the data holds a MARC-8 escape sequence (" + Marc8Decoder.Hex(data, esc, Math.Min(3, end - esc)) + ")";
                    return DetectedEncoding.Marc8;
                }
            }
            int firstHigh = -1;
            for (int i = offset; i < end; i++)
            {
                if (data[i] >= 0x80)
                {
                    firstHigh = i;
                    break;
                }
            }
            if (firstHigh < 0)
            {
                reason = "the data is plain ASCII";
                return DetectedEncoding.Ascii;
            }
            int bad = Utf8Validator.FirstInvalid(data, firstHigh, end);
            if (bad < 0)
            {
                reason = "the data is well-formed UTF-8 with multi-byte characters";
                return DetectedEncoding.Utf8;
            }
            reason = "byte 0x" + data[bad].ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " is not well-formed UTF-8";
            return DetectedEncoding.Marc8;
        }
    }
}
