using System.Collections.Generic;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>The lines of one record of MarcEdit text, as split by <see cref="MrkRecordSplitter"/>.</summary>
    internal sealed class MrkRawRecord
    {
        public MrkRawRecord(List<KeyValuePair<long, byte[]>> lines, long start, long end, bool tooLong)
        {
            Lines = lines;
            Start = start;
            End = end;
            TooLong = tooLong;
        }

        /// <summary>Each line (without its end) with the offset it starts at; when <see cref="TooLong"/>, those before the limit.</summary>
        public List<KeyValuePair<long, byte[]>> Lines { get; }

        /// <summary>Offset of the first line with content.</summary>
        public long Start { get; }

        /// <summary>Offset just after the content of the last line with content.</summary>
        public long End { get; }

        /// <summary>The record's text was longer than the limit; its lines were not kept.</summary>
        public bool TooLong { get; }
    }

    /// <summary>
    /// The one place that decides where records of MarcEdit text start and end (files, strings, lines sent one at a
    /// time): a record starts at an <c>=LDR</c> line once the lines gathered so far have content; blank lines before a
    /// record's first content are not part of it. Lines go in one at a time, so memory stays at one record.
    /// </summary>
    internal sealed class MrkRecordSplitter
    {
        private readonly long _maxRecordBytes;
        private List<KeyValuePair<long, byte[]>> _lines = new List<KeyValuePair<long, byte[]>>();
        private long _start = -1;
        private long _end = -1;
        private long _total;
        private bool _hasContent;
        private bool _tooLong;

        /// <param name="maxRecordBytes">A record whose lines add up to more is returned as <see cref="MrkRawRecord.TooLong"/>.</param>
        public MrkRecordSplitter(long maxRecordBytes)
        {
            _maxRecordBytes = maxRecordBytes;
        }

        /// <summary>
        /// Adds one line (without its end) that starts at <paramref name="offset"/> and whose content ends at
        /// <paramref name="contentEnd"/>; returns the record it completes (it is an <c>=LDR</c> line after content), or null.
        /// </summary>
        public MrkRawRecord? Add(byte[] line, long offset, long contentEnd)
        {
            bool blank = IsBlank(line);
            MrkRawRecord? completed = !blank && IsLeaderLine(line) && _hasContent ? Take() : null;
            if (blank && !_hasContent) return completed;
            if (!blank)
            {
                _hasContent = true;
                if (_start < 0) _start = offset;
                _end = contentEnd;
            }
            _total += line.Length;
            if (_total > _maxRecordBytes) _tooLong = true;
            if (!_tooLong) _lines.Add(new KeyValuePair<long, byte[]>(offset, line));
            return completed;
        }

        /// <summary>The last record, at the end of the input; null when nothing with content is left.</summary>
        public MrkRawRecord? Finish() => _hasContent ? Take() : null;

        /// <summary>True for a line starting <c>=LDR</c>.</summary>
        public static bool IsLeaderLine(byte[] line) => line.Length >= 4 && line[0] == '=' && line[1] == 'L' && line[2] == 'D' && line[3] == 'R';

        private MrkRawRecord Take()
        {
            var record = new MrkRawRecord(_lines, _start, _end, _tooLong);
            _lines = new List<KeyValuePair<long, byte[]>>();
            _start = -1;
            _end = -1;
            _total = 0;
            _hasContent = false;
            _tooLong = false;
            return record;
        }

        private static bool IsBlank(byte[] line)
        {
            foreach (byte b in line)
            {
                if (b != ' ' && b != '\t') return false;
            }
            return true;
        }
    }
}
