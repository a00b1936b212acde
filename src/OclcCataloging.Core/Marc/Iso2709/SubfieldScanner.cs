using System;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>
    /// Finds subfield delimiters (0x1F) that are not followed by a valid subfield code (printable ASCII
    /// 0x21-0x7E) in a whole data area at once; vectorised where the runtime allows. Problems are rare, so the
    /// caller only maps the positions found back to their fields.
    /// </summary>
    internal static class SubfieldScanner
    {
        /// <summary>How many bytes <see cref="DelimiterMask"/> looks at in one call.</summary>
        public const int MaskWidth = 64;

        /// <summary>
        /// Bit j is set when b[from + j] is a subfield delimiter, for the up to 64 bytes of b[from..to). Walking the
        /// set bits finds every delimiter of a field with one vector compare per 64 (or 32, 16) bytes instead of
        /// one search call per subfield.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong DelimiterMask(byte[] b, int from, int to)
        {
            int n = to - from;
#if NET8_0_OR_GREATER
            if (from + MaskWidth <= b.Length)
            {
                ref byte r = ref MemoryMarshal.GetArrayDataReference(b);
                ulong m;
                if (Vector512.IsHardwareAccelerated)
                {
                    m = Vector512.Equals(Vector512.LoadUnsafe(ref r, (nuint)from), Vector512.Create(Iso2709Constants.SubfieldDelimiter)).ExtractMostSignificantBits();
                }
                else if (Vector256.IsHardwareAccelerated)
                {
                    Vector256<byte> d = Vector256.Create(Iso2709Constants.SubfieldDelimiter);
                    m = Vector256.Equals(Vector256.LoadUnsafe(ref r, (nuint)from), d).ExtractMostSignificantBits()
                        | ((ulong)Vector256.Equals(Vector256.LoadUnsafe(ref r, (nuint)(from + 32)), d).ExtractMostSignificantBits() << 32);
                }
                else if (Vector128.IsHardwareAccelerated)
                {
                    Vector128<byte> d = Vector128.Create(Iso2709Constants.SubfieldDelimiter);
                    m = Vector128.Equals(Vector128.LoadUnsafe(ref r, (nuint)from), d).ExtractMostSignificantBits()
                        | ((ulong)Vector128.Equals(Vector128.LoadUnsafe(ref r, (nuint)(from + 16)), d).ExtractMostSignificantBits() << 16)
                        | ((ulong)Vector128.Equals(Vector128.LoadUnsafe(ref r, (nuint)(from + 32)), d).ExtractMostSignificantBits() << 32)
                        | ((ulong)Vector128.Equals(Vector128.LoadUnsafe(ref r, (nuint)(from + 48)), d).ExtractMostSignificantBits() << 48);
                }
                else
                {
                    return ScalarMask(b, from, n);
                }
                return n >= MaskWidth ? m : m & ((1UL << n) - 1);
            }
#endif
            return ScalarMask(b, from, n);
        }

        /// <summary>The same mask byte by byte: near the end of the array, and where there are no vectors (netstandard2.0).</summary>
        private static ulong ScalarMask(byte[] b, int from, int n)
        {
            if (n > MaskWidth) n = MaskWidth;
            ulong m = 0;
            for (int j = 0; j < n; j++)
            {
                if (b[from + j] == Iso2709Constants.SubfieldDelimiter) m |= 1UL << j;
            }
            return m;
        }

        /// <summary>The number of delimiters in b[from..to).</summary>
        public static int CountDelimiters(byte[] b, int from, int to)
        {
#if NET8_0_OR_GREATER
            return System.MemoryExtensions.Count(new ReadOnlySpan<byte>(b, from, to - from), Iso2709Constants.SubfieldDelimiter);
#else
            int n = 0;
            for (int i = from; i < to; i++)
            {
                if (b[i] == Iso2709Constants.SubfieldDelimiter) n++;
            }
            return n;
#endif
        }

        /// <summary>The index of the lowest set bit of a non-zero mask.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int LowestBit(ulong mask)
        {
#if NET8_0_OR_GREATER
            return BitOperations.TrailingZeroCount(mask);
#else
            int i = 0;
            while ((mask & 1) == 0)
            {
                mask >>= 1;
                i++;
            }
            return i;
#endif
        }

        /// <summary>The position of the first delimiter in b[from..to) without a valid code after it, or -1.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public static int FindProblem(byte[] b, int from, int to)
        {
            int i = from;
#if NET8_0_OR_GREATER
            ref byte r = ref MemoryMarshal.GetArrayDataReference(b);
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<byte> delimiter = Vector256.Create((byte)0x1F);
                Vector256<byte> low = Vector256.Create((byte)0x21);
                Vector256<byte> range = Vector256.Create((byte)0x5D);
                while (i + Vector256<byte>.Count + 1 <= to)
                {
                    Vector256<byte> v = Vector256.LoadUnsafe(ref r, (nuint)i);
                    Vector256<byte> next = Vector256.LoadUnsafe(ref r, (nuint)(i + 1));
                    Vector256<byte> bad = Vector256.Equals(v, delimiter) & Vector256.GreaterThan(next - low, range);
                    if (bad != Vector256<byte>.Zero)
                        return i + BitOperations.TrailingZeroCount(bad.ExtractMostSignificantBits());
                    i += Vector256<byte>.Count;
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                Vector128<byte> delimiter = Vector128.Create((byte)0x1F);
                Vector128<byte> low = Vector128.Create((byte)0x21);
                Vector128<byte> range = Vector128.Create((byte)0x5D);
                while (i + Vector128<byte>.Count + 1 <= to)
                {
                    Vector128<byte> v = Vector128.LoadUnsafe(ref r, (nuint)i);
                    Vector128<byte> next = Vector128.LoadUnsafe(ref r, (nuint)(i + 1));
                    Vector128<byte> bad = Vector128.Equals(v, delimiter) & Vector128.GreaterThan(next - low, range);
                    if (bad != Vector128<byte>.Zero)
                        return i + BitOperations.TrailingZeroCount(bad.ExtractMostSignificantBits());
                    i += Vector128<byte>.Count;
                }
            }
#endif
            while (i < to)
            {
                int d = Array.IndexOf(b, Iso2709Constants.SubfieldDelimiter, i, to - i);
                if (d < 0) return -1;
                int c = d + 1 < to ? b[d + 1] : 0;
                if ((uint)(c - 0x21) > 0x5D) return d;
                i = d + 1;
            }
            return -1;
        }
    }
}
