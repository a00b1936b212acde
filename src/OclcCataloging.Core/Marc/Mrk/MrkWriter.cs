using System;
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
        /// Write a backslash in subfield data as it is, as LC's MARCBreaker test files have it, instead of <c>{bsol}</c>
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
            string text = _sb.ToString();
            byte[] bytes = _mrk8 ? Utf8NoBom.GetBytes(text) : Encoding.ASCII.GetBytes(text);
            if (MrkShapeRisk.MayChangeShape(record, text, _options.NewLine)) RefuseChangedShape(record, bytes);
            _stream.Write(bytes, 0, bytes.Length);
            Count++;
        }

        /// <summary>
        /// MarcEdit text cannot express everything a record may hold (separator bytes, escape sequences and lone
        /// surrogates in odd places, codes beyond one byte): a record that may change (<see cref="MrkShapeRisk"/>) is
        /// read back, and one whose structure would change is refused instead of written.
        /// </summary>
        private void RefuseChangedShape(MarcRecord record, byte[] bytes)
        {
            MarcRecord? back;
            using (var reader = new MrkReader(new MemoryStream(bytes, writable: false), _mrk8 ? MarcFormat.Mrk8 : MarcFormat.Mrk))
            {
                MarcReadResult? first = reader.ReadNext();
                back = first?.Record;
                if (back != null && reader.ReadNext() != null) back = null;
            }
            string? change = back == null ? "it would read back as something else than one record" : MarcRecordShape.Difference(record, back);
            if (change == null) return;
            throw new MarcWriteException(MarcDiagnosticCodes.CharacterNotEncodable,
                "The record cannot be written as MarcEdit text and read back the same: " + change
                + " (its data holds characters the text format cannot express there). The record was not written.", record, null);
        }

        public void Complete() => _stream.Flush();

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_options.LeaveOpen) _stream.Dispose();
        }
    }
}
