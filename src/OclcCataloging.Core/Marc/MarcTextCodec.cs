using System;
using System.Text;

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
        /// Byte-transparent text: each byte 0x00-0xFF is the character U+0000-U+00FF. Used for records whose
        /// leader/09 is not 'a' (MARC-8) until MARC-8 conversion is asked for; it never changes a byte.
        /// </summary>
        public static readonly MarcTextCodec ByteTransparent = new ByteTransparentCodec();

        public abstract string Name { get; }

        public abstract string Decode(byte[] buffer, int offset, int count);

        /// <summary>Encodes <paramref name="text"/>; throws <see cref="MarcEncodingException"/> for a character it cannot express.</summary>
        public abstract byte[] Encode(string text);

        /// <summary>The codec for the character coding scheme a leader declares (leader/09).</summary>
        public static MarcTextCodec ForLeader(Leader leader)
        {
            if (leader == null) throw new ArgumentNullException(nameof(leader));
            return leader.CharacterCodingScheme == 'a' ? Utf8 : ByteTransparent;
        }

        public override string ToString() => Name;

        private sealed class Utf8Codec : MarcTextCodec
        {
            private static readonly UTF8Encoding Strict = new UTF8Encoding(false, false);

            public override string Name => "UTF-8";

            public override string Decode(byte[] buffer, int offset, int count)
            {
                if (count == 0) return string.Empty;
                if (IsAscii(buffer, offset, count)) return AsciiString(buffer, offset, count);
                return Strict.GetString(buffer, offset, count);
            }

            public override byte[] Encode(string text) => Strict.GetBytes(text);
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

        internal static bool IsAscii(byte[] buffer, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (buffer[i] >= 0x80) return false;
            }
            return true;
        }

        private static readonly Encoding Latin1 = Encoding.GetEncoding(28591);

        /// <summary>Maps each byte to the char of the same value (ISO-8859-1, lossless for every byte).</summary>
        internal static string AsciiString(byte[] buffer, int offset, int count)
        {
            return count == 0 ? string.Empty : Latin1.GetString(buffer, offset, count);
        }
    }
}
