using System;
using System.Collections.Generic;
using System.Text;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>
    /// Records from MarcEdit text given as strings: whole files or records, or lines one at a time (as a pipeline
    /// sends them). Records are split exactly as <see cref="MrkReader"/> splits a file; each is returned as soon as the
    /// next <c>=LDR</c> line (or <see cref="Complete"/>) ends it, so memory stays at one record.
    /// </summary>
    public sealed class MarcEditTextParser
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, false);
        private readonly MarcFormat _format;
        private readonly MrkRecordSplitter _splitter = new MrkRecordSplitter(long.MaxValue);
        private long _offset;
        private long _ordinal;
        private bool _afterCarriageReturn;
        private bool _started;

        /// <param name="format"><see cref="MarcFormat.Mrk"/>: mnemonics of records whose leader/09 is not 'a' stand for
        /// MARC-8 bytes (non-ASCII characters are encoded to MARC-8); <see cref="MarcFormat.Mrk8"/>: Unicode records;
        /// <see cref="MarcFormat.Auto"/> (default): Mrk8 for a record whose text has non-ASCII characters, else Mrk.</param>
        public MarcEditTextParser(MarcFormat format = MarcFormat.Auto)
        {
            if (format != MarcFormat.Auto && format != MarcFormat.Mrk && format != MarcFormat.Mrk8) throw new ArgumentOutOfRangeException(nameof(format), format, "Auto, Mrk or Mrk8.");
            _format = format;
        }

        /// <summary>Adds text (its last line is complete even without a line end); returns the records it completes.</summary>
        public IList<MarcRecord> Add(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var records = new List<MarcRecord>();
            int pos = 0;
            if (!_started && text.Length > 0)
            {
                _started = true;
                if (text[0] == '\uFEFF') pos = 1; // a byte-order mark, as MrkReader skips it
            }
            if (_afterCarriageReturn && text.Length > 0 && text[0] == '\n') pos = 1; // CR LF split across two calls
            _afterCarriageReturn = false;
            _offset += pos == 0 ? 0 : Utf8.GetByteCount(text.Substring(0, pos));
            while (pos < text.Length)
            {
                int nl = text.IndexOfAny(new[] { '\r', '\n' }, pos);
                int end = nl < 0 ? text.Length : nl;
                byte[] line = Utf8.GetBytes(text.Substring(pos, end - pos));
                long start = _offset;
                _offset += line.Length;
                MrkRawRecord? raw = _splitter.Add(line, start, _offset);
                if (raw != null) records.Add(Decode(raw));
                if (nl < 0) break;
                pos = nl + 1;
                if (text[nl] == '\r' && pos < text.Length && text[pos] == '\n') pos++;
                else if (text[nl] == '\r' && pos == text.Length) _afterCarriageReturn = true;
                _offset += pos - nl;
            }
            return records;
        }

        /// <summary>The last record, at the end of the input (none when nothing with content is left).</summary>
        public IList<MarcRecord> Complete()
        {
            var records = new List<MarcRecord>();
            MrkRawRecord? raw = _splitter.Finish();
            if (raw != null) records.Add(Decode(raw));
            return records;
        }

        private MarcRecord Decode(MrkRawRecord raw)
        {
            MarcReadResult result = MrkRecordDecoder.Decode(raw, _format, fromString: true, null, ++_ordinal, long.MaxValue);
            return result.Record ?? throw new InvalidOperationException(result.Error!.ToString());
        }
    }
}
