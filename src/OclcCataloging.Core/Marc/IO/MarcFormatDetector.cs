using System;
using System.IO;
using System.IO.Compression;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Tells the MARC formats apart by looking at the first bytes of the content (never at the file name).
    /// </summary>
    /// <remarks>
    /// After an optional byte-order mark and white space, a <c>&lt;</c> means MARCXML (an XML declaration,
    /// a comment or an element). A UTF-16 byte-order mark or UTF-16 text also means MARCXML. A <c>{</c> or <c>[</c>
    /// means MARC-in-JSON. <c>=LDR</c> (or <c>=</c>, a tag and a blank) means MarcEdit text: .mrk8 when the head has
    /// a UTF-8 byte-order mark or UTF-8 multi-byte characters or the first leader says Unicode (leader/09 'a'),
    /// otherwise .mrk. Everything else is
    /// ISO 2709, whose reader is lenient: a leader starting with five digits is the normal case, and other input
    /// is reported record by record as unreadable chunks rather than refused up front.
    /// gzip data (1F 8B) is recognised by <see cref="IsGzip"/>; <see cref="Detect(Stream)"/> and
    /// <see cref="MarcReaderFactory"/> look inside it.
    /// </remarks>
    public static class MarcFormatDetector
    {
        /// <summary>How many bytes <see cref="Detect(byte[], int)"/> needs at most to decide.</summary>
        public const int HeadLength = 512;

        /// <summary>The format of content starting with <paramref name="count"/> bytes of <paramref name="head"/>.</summary>
        public static MarcFormat Detect(byte[] head, int count)
        {
            if (head == null) throw new ArgumentNullException(nameof(head));
            count = Math.Max(0, Math.Min(count, head.Length));
            int i = 0;
            if (count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) return MarcFormat.MarcXml;
            if (count >= 4 && head[0] == (byte)'<' && head[1] == 0 && head[2] != 0 && head[3] == 0) return MarcFormat.MarcXml; // UTF-16LE
            if (count >= 4 && head[0] == 0 && head[1] == (byte)'<' && head[2] == 0 && head[3] != 0) return MarcFormat.MarcXml; // UTF-16BE
            if (count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
            while (i < count && (head[i] == (byte)' ' || head[i] == (byte)'\t' || head[i] == (byte)'\r' || head[i] == (byte)'\n')) i++;
            if (i < count && head[i] == (byte)'<') return MarcFormat.MarcXml;
            if (i < count && (head[i] == (byte)'{' || head[i] == (byte)'[')) return MarcFormat.Json;
            if (IsMrkLine(head, i, count)) return LooksUtf8(head, count, bom: i >= 3 && head[0] == 0xEF) ? MarcFormat.Mrk8 : MarcFormat.Mrk;
            return MarcFormat.Iso2709;
        }

        /// <summary>"=LDR" or "=" and a three-character tag followed by a blank: a MarcEdit text line.</summary>
        private static bool IsMrkLine(byte[] head, int i, int count)
        {
            if (count - i < 5 || head[i] != (byte)'=') return false;
            if (head[i + 1] == (byte)'L' && head[i + 2] == (byte)'D' && head[i + 3] == (byte)'R') return true;
            for (int k = 1; k <= 3; k++)
            {
                byte b = head[i + k];
                if (!((b >= (byte)'0' && b <= (byte)'9') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'a' && b <= (byte)'z'))) return false;
            }
            return head[i + 4] == (byte)' ';
        }

        /// <summary>
        /// MarcEdit text is .mrk8 when it has a UTF-8 byte-order mark, well-formed UTF-8 multi-byte sequences, or a
        /// leader whose position 09 is 'a' (Unicode); otherwise .mrk (ASCII with MARC-8 mnemonics).
        /// </summary>
        private static bool LooksUtf8(byte[] head, int count, bool bom)
        {
            if (bom) return true;
            int multi = 0;
            for (int i = 0; i < count; i++)
            {
                byte b = head[i];
                if (b < 0x80) continue;
                int need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
                if (need < 0) return false;
                if (i + need >= count) break; // cut off by the end of the head
                for (int k = 1; k <= need; k++)
                {
                    if ((head[i + k] & 0xC0) != 0x80) return false;
                }
                i += need;
                multi++;
            }
            if (multi > 0) return true;
            // No non-ASCII bytes: the first leader decides (=LDR  + 24 characters; position 09).
            int start = 0;
            while (start < count && (head[start] == (byte)' ' || head[start] == (byte)'\r' || head[start] == (byte)'\n' || head[start] == (byte)'\t')) start++;
            int at = start + 6 + 9;
            return count > at && head[start + 1] == (byte)'L' && head[start + 2] == (byte)'D' && head[start + 3] == (byte)'R' && head[at] == (byte)'a';
        }

        /// <summary>True when the bytes start with the gzip magic number (1F 8B).</summary>
        public static bool IsGzip(byte[] head, int count)
        {
            if (head == null) throw new ArgumentNullException(nameof(head));
            return count >= 2 && head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;
        }

        /// <summary>
        /// The format of a seekable stream's content from its current position (looking inside gzip); the position
        /// is restored. An empty stream is <see cref="MarcFormat.Iso2709"/>.
        /// </summary>
        public static MarcFormat Detect(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            if (!stream.CanSeek) throw new NotSupportedException("Detecting the format needs a seekable stream; use MarcReaderFactory.Create for other streams.");
            long position = stream.Position;
            try
            {
                var head = new byte[HeadLength];
                int n = ReadHead(stream, head);
                if (!IsGzip(head, n)) return Detect(head, n);
                stream.Position = position;
                using (var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
                {
                    try
                    {
                        n = ReadHead(gz, head);
                    }
                    catch (InvalidDataException)
                    {
                        return MarcFormat.Iso2709;
                    }
                    return Detect(head, n);
                }
            }
            finally
            {
                stream.Position = position;
            }
        }

        internal static int ReadHead(Stream stream, byte[] head)
        {
            int n = 0;
            while (n < head.Length)
            {
                int k = stream.Read(head, n, head.Length - n);
                if (k <= 0) break;
                n += k;
            }
            return n;
        }
    }
}
