using System;
using System.IO;
using System.Text;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Recognises content that is not MARC at all (a PDF, a spreadsheet, a text file) before the lenient ISO 2709
    /// reader turns it into hundreds of unreadable chunks: a known file signature, or a head of up to
    /// <see cref="ScanLength"/> bytes without a single field or record terminator that does not start like a leader.
    /// A head of blank space is left to the reader (it reports an empty file). See docs/design/iso2709-reading.md.
    /// </summary>
    public static class NotMarcContent
    {
        /// <summary>Bytes looked at: one maximal ISO 2709 record, so the first record's terminators are always inside.</summary>
        public const int ScanLength = 100000;

        private static readonly Signature[] Signatures =
        {
            new Signature(new byte[] { 0x25, 0x50, 0x44, 0x46 }, "a PDF document"),
            new Signature(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "a ZIP archive (also .docx, .xlsx)"),
            new Signature(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "an older Microsoft Office document (.doc, .xls)"),
            new Signature(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "a PNG image"),
            new Signature(new byte[] { 0xFF, 0xD8, 0xFF }, "a JPEG image"),
            new Signature(new byte[] { 0x47, 0x49, 0x46, 0x38 }, "a GIF image"),
            new Signature(new byte[] { 0x4D, 0x5A }, "a Windows program"),
            new Signature(new byte[] { 0x52, 0x61, 0x72, 0x21 }, "a RAR archive"),
            new Signature(new byte[] { 0x37, 0x7A, 0xBC, 0xAF }, "a 7-Zip archive"),
            new Signature(new byte[] { 0x25, 0x21, 0x50, 0x53 }, "a PostScript document"),
        };

        /// <summary>
        /// Null when <paramref name="head"/> may hold ISO 2709 records; otherwise what the content is, as
        /// "a PDF document: it starts with '%PDF-1.7'" or "not MARC: it starts with 'hello world'".
        /// </summary>
        public static string? Describe(byte[] head, int count)
        {
            if (head == null) throw new ArgumentNullException(nameof(head));
            count = Math.Max(0, Math.Min(count, head.Length));
            foreach (Signature s in Signatures)
            {
                if (s.Matches(head, count)) return s.Description + ": it starts with " + Quote(head, count);
            }
            int i = 0;
            while (i < count && IsBlank(head[i])) i++;
            if (i == count) return null; // empty or blank: the reader says so
            if (count - i >= 5 && IsDigits(head, i, 5)) return null; // a leader, perhaps of a cut-off record
            for (int k = i; k < count; k++)
            {
                if (head[k] == 0x1D || head[k] == 0x1E) return null;
            }
            return "not MARC (no record or field terminator in its first " + count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " bytes): it starts with " + Quote(head, count);
        }

        /// <summary>As <see cref="Describe(byte[], int)"/> for a seekable stream from its position (restored).</summary>
        public static string? Describe(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            long position = stream.Position;
            try
            {
                var head = new byte[ScanLength];
                return Describe(head, MarcFormatDetector.ReadHead(stream, head));
            }
            finally
            {
                stream.Position = position;
            }
        }

        private static bool IsBlank(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

        private static bool IsDigits(byte[] b, int start, int length)
        {
            for (int k = start; k < start + length; k++)
            {
                if (b[k] < (byte)'0' || b[k] > (byte)'9') return false;
            }
            return true;
        }

        /// <summary>The first bytes as a cataloger can read them: printable ASCII as is, others as \xNN; at most 16.</summary>
        private static string Quote(byte[] head, int count)
        {
            var sb = new StringBuilder("'");
            int n = Math.Min(count, 16);
            for (int k = 0; k < n; k++)
            {
                byte b = head[k];
                if (b >= 0x20 && b < 0x7F) sb.Append((char)b);
                else sb.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            sb.Append('\'');
            if (count > n) sb.Append(" …");
            return sb.ToString();
        }

        private sealed class Signature
        {
            private readonly byte[] _magic;

            internal Signature(byte[] magic, string description)
            {
                _magic = magic;
                Description = description;
            }

            internal string Description { get; }

            internal bool Matches(byte[] head, int count)
            {
                if (count < _magic.Length) return false;
                for (int k = 0; k < _magic.Length; k++)
                {
                    if (head[k] != _magic[k]) return false;
                }
                return true;
            }
        }
    }
}
