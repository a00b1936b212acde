using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>Settings for <see cref="MrkWriter"/>.</summary>
    public sealed class MrkWriterOptions
    {
        /// <summary>The line end; default CR LF, as MarcEdit and LC MARCBreaker write.</summary>
        public string NewLine { get; set; } = "\r\n";

        /// <summary>Leave the stream open when the writer is disposed. Default false.</summary>
        public bool LeaveOpen { get; set; }

        /// <summary>
        /// Write a backslash in subfield data as it is, as LC MARCBreaker and MarcEdit do, instead of <c>{bsol}</c>
        /// (default false). Readers that take every backslash for a blank (MARC::File::MARCMaker) then read a blank.
        /// </summary>
        public bool LiteralBackslash { get; set; }

        internal MrkWriterOptions Clone() => (MrkWriterOptions)MemberwiseClone();
    }

    /// <summary>
    /// Writes MarcEdit / MARCBreaker text: .mrk (ASCII; MARC-8 records as LC mnemonics; in Unicode records a character
    /// MARC-8 has as its LC mnemonics too, <c>{caron}e</c>, and the rest as <c>{uXXXX}</c>) or .mrk8 (UTF-8 without
    /// byte-order mark, characters as they are; MARC-8 records are converted). See docs/design/marc-text-format.md.
    /// Each line ends with <see cref="MrkWriterOptions.NewLine"/> and each record is followed by a blank line. The
    /// leader is written as it is (lengths are not recomputed: MARCBreaker copies it).
    /// </summary>
    public sealed class MrkWriter : IMarcWriter
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);
        private readonly Stream _stream;
        private readonly bool _mrk8;
        private readonly MrkWriterOptions _options;
        private readonly StringBuilder _sb = new StringBuilder(4096);
        private bool _disposed;

        /// <param name="stream">Where to write.</param>
        /// <param name="format"><see cref="MarcFormat.Mrk"/> or <see cref="MarcFormat.Mrk8"/>.</param>
        /// <param name="options">Null for defaults.</param>
        public MrkWriter(Stream stream, MarcFormat format = MarcFormat.Mrk8, MrkWriterOptions? options = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            if (format != MarcFormat.Mrk && format != MarcFormat.Mrk8) throw new ArgumentOutOfRangeException(nameof(format), format, "Mrk or Mrk8.");
            _mrk8 = format == MarcFormat.Mrk8;
            _options = options?.Clone() ?? new MrkWriterOptions();
        }

        /// <summary>Records written so far.</summary>
        public long Count { get; private set; }

        public void Write(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            _sb.Clear();
            MrkText.Format(_sb, record, _mrk8, _options.NewLine, _options.LiteralBackslash);
            byte[] bytes = _mrk8 ? Utf8NoBom.GetBytes(_sb.ToString()) : Encoding.ASCII.GetBytes(_sb.ToString());
            _stream.Write(bytes, 0, bytes.Length);
            Count++;
        }

        public void Complete() => _stream.Flush();

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_options.LeaveOpen) _stream.Dispose();
        }
    }

    /// <summary>Records to and from MarcEdit text held in strings (for quick edits in scripts).</summary>
    public static class MarcEditText
    {
        /// <summary>
        /// The record as MarcEdit text: <c>=LDR  …</c>, <c>=001  …</c>, <c>=245  10$a…</c>, lines ended by
        /// <paramref name="newLine"/>, without the blank line that separates records in a file.
        /// <paramref name="format"/> <see cref="MarcFormat.Mrk8"/> (default): Unicode text; <see cref="MarcFormat.Mrk"/>:
        /// ASCII with MARC-8 mnemonics.
        /// </summary>
        public static string ToText(MarcRecord record, MarcFormat format = MarcFormat.Mrk8, string newLine = "\n")
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (format != MarcFormat.Mrk && format != MarcFormat.Mrk8) throw new ArgumentOutOfRangeException(nameof(format), format, "Mrk or Mrk8.");
            var sb = new StringBuilder(2048);
            MrkText.Format(sb, record, format == MarcFormat.Mrk8, newLine ?? "\n");
            sb.Length -= (newLine ?? "\n").Length; // the record separator
            if (sb.Length >= newLine!.Length) sb.Length -= newLine.Length;
            return sb.ToString();
        }

        /// <summary>
        /// The records in MarcEdit text. <paramref name="format"/>: <see cref="MarcFormat.Mrk"/> reads mnemonics of
        /// records whose leader/09 is not 'a' as MARC-8 bytes; <see cref="MarcFormat.Mrk8"/> gives Unicode records;
        /// <see cref="MarcFormat.Auto"/> picks Mrk8 when the text has non-ASCII characters, else Mrk.
        /// </summary>
        public static IList<MarcRecord> Parse(string text, MarcFormat format = MarcFormat.Auto)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (format == MarcFormat.Auto) format = IsAscii(text) ? MarcFormat.Mrk : MarcFormat.Mrk8;
            if (format != MarcFormat.Mrk && format != MarcFormat.Mrk8) throw new ArgumentOutOfRangeException(nameof(format), format, "Auto, Mrk or Mrk8.");
            bool mrk8 = format == MarcFormat.Mrk8;

            var records = new List<MarcRecord>();
            var lines = new List<MrkLine>();
            int pos = 0;
            long ordinal = 0;
            while (pos <= text.Length)
            {
                int nl = text.IndexOfAny(new[] { '\r', '\n' }, pos);
                int end = nl < 0 ? text.Length : nl;
                string line = text.Substring(pos, end - pos);
                if (MrkText.IsLeaderLine(line) && HasContent(lines))
                {
                    records.Add(Build(lines, mrk8, ++ordinal));
                    lines.Clear();
                }
                if (line.Trim().Length > 0 || lines.Count > 0) lines.Add(new MrkLine(line, -1));
                if (nl < 0) break;
                pos = nl + 1;
                if (text[nl] == '\r' && pos < text.Length && text[pos] == '\n') pos++;
            }
            if (HasContent(lines)) records.Add(Build(lines, mrk8, ++ordinal));
            return records;
        }

        private static bool IsAscii(string s)
        {
            foreach (char c in s)
            {
                if (c >= 0x80) return false;
            }
            return true;
        }

        private static bool HasContent(List<MrkLine> lines)
        {
            foreach (var l in lines)
            {
                if (l.Text.Trim().Length > 0) return true;
            }
            return false;
        }

        private static MarcRecord Build(List<MrkLine> lines, bool mrk8, long ordinal)
        {
            bool unicode = mrk8;
            if (!unicode && lines.Count > 0 && MrkText.IsLeaderLine(lines[0].Text)) unicode = MrkText.LeaderCodingScheme(lines[0].Text) == 'a';
            return MrkText.Parse(lines, unicode, charsAreBytes: false);
        }
    }
}
