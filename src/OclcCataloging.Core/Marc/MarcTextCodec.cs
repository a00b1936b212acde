using System;
using System.Runtime.CompilerServices;
using System.Text;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// Turns the bytes of field data into .NET strings and back, for one character coding scheme.
    /// Field data is kept as the bytes that were read and only decoded when a value is asked for, so
    /// writing a record back in the encoding it was read in copies the original bytes unchanged.
    /// </summary>
    public abstract class MarcTextCodec
    {
        /// <summary>UTF-8 (leader/09 = 'a'). Invalid sequences decode to U+FFFD; the raw bytes are kept.</summary>
        public static readonly MarcTextCodec Utf8 = new Utf8Codec();

        /// <summary>
        /// MARC-8 (leader/09 blank): decoded to Unicode (NFC, combining marks after their base, LC's character
        /// references decoded) with <see cref="Marc8Decoder"/>; encoded losslessly with <see cref="Marc8Encoder"/>
        /// (characters MARC-8 lacks become <c>&amp;#xXXXX;</c>), so <see cref="Encode"/> never throws. Bad MARC-8 is
        /// decoded by the documented policies without a word here; use <see cref="MarcEncodingConverter.ToUnicode"/>
        /// to get the warnings.
        /// </summary>
        public static readonly MarcTextCodec Marc8 = new Marc8TextCodec();

        /// <summary>
        /// Byte-transparent text: each byte 0x00-0xFF is the character U+0000-U+00FF. No longer chosen by
        /// <see cref="ForLeader"/> (MARC-8 records use <see cref="Marc8"/>); kept for callers that want the raw bytes as text.
        /// </summary>
        public static readonly MarcTextCodec ByteTransparent = new ByteTransparentCodec();

        public abstract string Name { get; }

        public abstract string Decode(byte[] buffer, int offset, int count);

        /// <summary>Encodes <paramref name="text"/>; throws <see cref="MarcEncodingException"/> for a character it cannot express.</summary>
        public abstract byte[] Encode(string text);

        /// <summary>
        /// The codec for the character coding scheme a leader declares: <see cref="Utf8"/> for leader/09 'a',
        /// <see cref="Marc8"/> for anything else (blank is MARC-8; other values are invalid and read as MARC-8 too).
        /// Whether the bytes agree is checked by the ISO 2709 reader (<see cref="Iso2709.Iso2709ReaderOptions.Encoding"/>).
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public static MarcTextCodec ForLeader(Leader leader)
        {
            if (leader == null) throw new ArgumentNullException(nameof(leader));
            return leader.CharacterCodingScheme == 'a' ? Utf8 : Marc8;
        }

        /// <summary>The codec for an explicit encoding (<see cref="MarcEncoding.Utf8"/> or <see cref="MarcEncoding.Marc8"/>).</summary>
        public static MarcTextCodec For(MarcEncoding encoding)
        {
            switch (encoding)
            {
                case MarcEncoding.Utf8: return Utf8;
                case MarcEncoding.Marc8: return Marc8;
                default: throw new ArgumentException("Only Utf8 and Marc8 name a codec; Leader and Auto are decided per record.", nameof(encoding));
            }
        }

        /// <summary>Decodes bytes that start in a given MARC-8 escape state (only meaningful for <see cref="Marc8"/>).</summary>
        internal virtual string Decode(byte[] buffer, int offset, int count, Marc8State state) => Decode(buffer, offset, count);

        public override string ToString() => Name;

        private sealed class Utf8Codec : MarcTextCodec
        {
            private static readonly UTF8Encoding Strict = new UTF8Encoding(false, false);

            public override string Name => "UTF-8";

            public override string Decode(byte[] buffer, int offset, int count)
            {
                if (count == 0) return string.Empty;
                return TryAsciiString(buffer, offset, count) ?? Strict.GetString(buffer, offset, count);
            }

            public override byte[] Encode(string text) => Strict.GetBytes(text);
        }

        private sealed class Marc8TextCodec : MarcTextCodec
        {
            public override string Name => "MARC-8";

            public override string Decode(byte[] buffer, int offset, int count) => Marc8Decoder.Decode(buffer, offset, count);

            internal override string Decode(byte[] buffer, int offset, int count, Marc8State state) => Marc8Decoder.Decode(buffer, offset, count, ref state);

            public override byte[] Encode(string text) => Marc8Encoder.Encode(text);
        }

        private sealed class ByteTransparentCodec : MarcTextCodec
        {
            public override string Name => "Bytes";

            public override string Decode(byte[] buffer, int offset, int count)
            {
                if (count == 0) return string.Empty;
                return AsciiString(buffer, offset, count);
            }

            public override byte[] Encode(string text)
            {
                var bytes = new byte[text.Length];
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c > '\u00FF')
                    {
                        throw new MarcEncodingException(
                            "Character U+" + ((int)c).ToString("X4") + " at position " + i + " cannot be written to a record whose leader/09 is not 'a' (Unicode). Set leader/09 to 'a' to write UTF-8.");
                    }
                    bytes[i] = (byte)c;
                }
                return bytes;
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        internal static bool IsAscii(byte[] buffer, int offset, int count)
        {
#if NET8_0_OR_GREATER
            // Vectorised; the loop below is the netstandard2.0 (Windows PowerShell) path.
            return System.Text.Ascii.IsValid(new ReadOnlySpan<byte>(buffer, offset, count));
#else
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (buffer[i] >= 0x80) return false;
            }
            return true;
#endif
        }

        /// <summary>
        /// The bytes as a string when they are all ASCII, else null: checked while copying, in one pass where
        /// the runtime allows (most field data is ASCII, so this is the common decode).
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        internal static string? TryAsciiString(byte[] buffer, int offset, int count)
        {
#if NET8_0_OR_GREATER
            // A new string is written in place before anyone can see it, as string.Create does; a non-ASCII
            // byte abandons it.
            string s = new string('\0', count);
            Span<char> chars = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.AsRef(in s.GetPinnableReference()), count);
            return Ascii.ToUtf16(new ReadOnlySpan<byte>(buffer, offset, count), chars, out _) == System.Buffers.OperationStatus.Done ? s : null;
#else
            return IsAscii(buffer, offset, count) ? AsciiString(buffer, offset, count) : null;
#endif
        }

        private static readonly Encoding Latin1 = Encoding.GetEncoding(28591);

        /// <summary>Maps each byte to the char of the same value (ISO-8859-1, lossless for every byte).</summary>
        internal static string AsciiString(byte[] buffer, int offset, int count)
        {
            return count == 0 ? string.Empty : Latin1.GetString(buffer, offset, count);
        }
    }
}
