using System.Runtime.CompilerServices;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>The structural bytes and limits of ISO 2709 / Z39.2 as used by MARC 21.</summary>
    internal static class Iso2709Constants
    {
        public const byte RecordTerminator = 0x1D;
        public const byte FieldTerminator = 0x1E;
        public const byte SubfieldDelimiter = 0x1F;
        public const int LeaderLength = 24;

        /// <summary>
        /// MethodImplOptions.AggressiveOptimization (512; not in netstandard2.0's enum): the few per-record methods are
        /// compiled fully optimised at once, so a single pass over a file does not run them as tier-0 code.
        /// </summary>
        public const MethodImplOptions HotPath = (MethodImplOptions)512;
        public const int EntryLength = 12;

        /// <summary>The largest record length five digits can hold.</summary>
        public const int MaxRecordLength = 99999;

        /// <summary>The largest field length four digits can hold.</summary>
        public const int MaxFieldLength = 9999;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Digits4(byte[] b, int p)
        {
            uint d0 = (uint)(b[p] - '0'), d1 = (uint)(b[p + 1] - '0'), d2 = (uint)(b[p + 2] - '0'), d3 = (uint)(b[p + 3] - '0');
            if (d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9) return -1;
            return (int)(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Digits5(byte[] b, int p)
        {
            uint d0 = (uint)(b[p] - '0'), d1 = (uint)(b[p + 1] - '0'), d2 = (uint)(b[p + 2] - '0'), d3 = (uint)(b[p + 3] - '0'), d4 = (uint)(b[p + 4] - '0');
            if (d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d4 > 9) return -1;
            return (int)(d0 * 10000 + d1 * 1000 + d2 * 100 + d3 * 10 + d4);
        }

        /// <summary>Writes <paramref name="value"/> as <paramref name="count"/> zero-padded ASCII digits.</summary>
        public static void WriteDigits(byte[] b, int pos, int count, int value)
        {
            for (int i = pos + count - 1; i >= pos; i--)
            {
                b[i] = (byte)('0' + value % 10);
                value /= 10;
            }
        }

        /// <summary>Up to <paramref name="max"/> bytes as hex pairs, for messages.</summary>
        public static string HexPreview(byte[] b, int offset, int count, int max = 16)
        {
            var sb = new System.Text.StringBuilder();
            int n = count < max ? count : max;
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(b[offset + i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            if (count > max) sb.Append(" ...");
            return sb.ToString();
        }
    }
}
