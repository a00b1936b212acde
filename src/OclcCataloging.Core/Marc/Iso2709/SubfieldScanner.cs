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
