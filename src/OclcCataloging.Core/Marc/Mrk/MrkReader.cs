using System;
using System.IO;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>Settings for <see cref="MrkReader"/>.</summary>
    public sealed class MrkReaderOptions
    {
        private int _maxRecordBytes = 16 * 1024 * 1024;

        /// <summary>Leave the stream open when the reader is disposed. Default false.</summary>
        public bool LeaveOpen { get; set; }

        /// <summary>A record whose text is longer than this is reported as unreadable. Default 16 MB.</summary>
        public int MaxRecordBytes
        {
            get => _maxRecordBytes;
            set
            {
                if (value < 1024) throw new ArgumentOutOfRangeException(nameof(value), "At least 1024 bytes.");
                _maxRecordBytes = value;
            }
        }

        internal MrkReaderOptions Clone() => (MrkReaderOptions)MemberwiseClone();
    }

    /// <summary>
    /// Reads MarcEdit / LC MARCMaker text (.mrk, .mrk8) one record at a time from a stream.
    /// </summary>
    /// <remarks>
    /// <para>A record starts at a line beginning <c>=LDR</c> and runs to the next one; lines may end in CR LF, LF or CR;
    /// blank lines anywhere are ignored, and a byte-order mark is skipped. Lines that are not <c>=TAG  data</c> are
    /// skipped with a <c>MrkInvalidLine</c> warning; lines before the first <c>=LDR</c> form a record with a default
    /// leader (<c>InvalidLeader</c>).</para>
    /// <para>.mrk (<see cref="MarcFormat.Mrk"/>): the text is single-byte; a record whose leader/09 is not 'a' gets
    /// MARC-8 data, mnemonics standing for MARC-8 bytes, so reading brkrtest.mrk gives brkrtest.mrc's bytes.
    /// A record whose leader/09 is 'a' is read as UTF-8. .mrk8 (<see cref="MarcFormat.Mrk8"/>): the text is UTF-8
    /// and the leader is kept as written (a MARC-8 leader/09 means the record is written as MARC-8 to ISO 2709).
    /// Records are split by MrkRecordSplitter (as for strings, <see cref="MarcEditTextParser"/>); mnemonics:
    /// <see cref="MrkMnemonics"/>; the decisions: docs/design/marc-text-format.md.</para>
    /// </remarks>
    public sealed class MrkReader : IMarcReader
    {
        private readonly Stream _stream;
        private readonly string? _sourcePath;
        private readonly bool _mrk8;
        private readonly MrkReaderOptions _options;

        private readonly byte[] _block = new byte[64 * 1024];
        private int _blockPos;
        private int _blockLen;
        private long _blockStart;
        private bool _eof;
        private bool _started;
        private bool _disposed;
        private long _ordinal;

        private byte[] _line = new byte[1024];
        private int _lineLen;
        private readonly MrkRecordSplitter _splitter;

        /// <param name="stream">The text.</param>
        /// <param name="format"><see cref="MarcFormat.Mrk"/> or <see cref="MarcFormat.Mrk8"/>.</param>
        /// <param name="sourcePath">The file name for record origins.</param>
        /// <param name="options">Null for defaults.</param>
        public MrkReader(Stream stream, MarcFormat format = MarcFormat.Mrk8, string? sourcePath = null, MrkReaderOptions? options = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            if (format != MarcFormat.Mrk && format != MarcFormat.Mrk8) throw new ArgumentOutOfRangeException(nameof(format), format, "Mrk or Mrk8.");
            _mrk8 = format == MarcFormat.Mrk8;
            _sourcePath = sourcePath;
            _options = options?.Clone() ?? new MrkReaderOptions();
            _splitter = new MrkRecordSplitter(_options.MaxRecordBytes);
        }

        /// <summary>Records and errors returned so far.</summary>
        public long Count => _ordinal;

        public MarcReadResult? ReadNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(MrkReader));
            if (!_started)
            {
                _started = true;
                if (Peek() == 0xEF && _blockLen - _blockPos >= 3 && _block[_blockPos + 1] == 0xBB && _block[_blockPos + 2] == 0xBF) _blockPos += 3;
            }

            MrkRawRecord? raw;
            while (true)
            {
                long offset = Position;
                if (!ReadLine(out long lineEnd))
                {
                    raw = _splitter.Finish();
                    break;
                }
                raw = _splitter.Add(LineBytes(), offset, lineEnd);
                if (raw != null) break;
            }
            if (raw == null) return null;
            return MrkRecordDecoder.Decode(raw, _mrk8 ? MarcFormat.Mrk8 : MarcFormat.Mrk, fromString: false, _sourcePath, ++_ordinal, _options.MaxRecordBytes);
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_options.LeaveOpen) _stream.Dispose();
        }

        private long Position => _blockStart + _blockPos;

        private int Peek()
        {
            if (_blockPos >= _blockLen && !Fill()) return -1;
            return _block[_blockPos];
        }

        private bool Fill()
        {
            if (_eof) return false;
            _blockStart += _blockLen;
            _blockPos = 0;
            _blockLen = 0;
            int n = _stream.Read(_block, 0, _block.Length);
            if (n <= 0)
            {
                _eof = true;
                return false;
            }
            _blockLen = n;
            return true;
        }

        /// <summary>Reads one line (without its end) into _line; false at the end of the input.</summary>
        private bool ReadLine(out long contentEnd)
        {
            _lineLen = 0;
            contentEnd = Position;
            if (Peek() < 0) return false;
            while (true)
            {
                int b = Peek();
                if (b < 0)
                {
                    contentEnd = Position;
                    return true;
                }
                _blockPos++;
                if (b == '\n')
                {
                    contentEnd = Position - 1;
                    return true;
                }
                if (b == '\r')
                {
                    contentEnd = Position - 1;
                    if (Peek() == '\n') _blockPos++;
                    return true;
                }
                if (_lineLen == _line.Length) Array.Resize(ref _line, _line.Length * 2);
                _line[_lineLen++] = (byte)b;
            }
        }

        private byte[] LineBytes()
        {
            var b = new byte[_lineLen];
            Buffer.BlockCopy(_line, 0, b, 0, _lineLen);
            return b;
        }
    }
}
