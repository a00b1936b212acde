using System;
using System.IO;
using System.IO.Compression;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Tells MARCXML from ISO 2709 by looking at the first bytes of the content (never at the file name).
    /// </summary>
    /// <remarks>
    /// After an optional byte-order mark and XML white space, a <c>&lt;</c> means MARCXML (an XML declaration,
    /// a comment or an element). A UTF-16 byte-order mark or UTF-16 text also means MARCXML. Everything else is
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
            return MarcFormat.Iso2709;
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
