using System;
using System.IO;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Json
{
    /// <summary>
    /// Reads MARC-in-JSON records (Ross Singer's "fields" array flavour) one at a time from a stream, without loading
    /// the document:
    /// <code>{"leader":"00714cam a2200205 a 4500","fields":[{"001":"12883376"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"Title"}]}}]}</code>
    /// </summary>
    /// <remarks>
    /// <para>Accepted layouts: a single record object, a JSON array of records (pymarc), newline-delimited JSON
    /// (one record per line: traject, MARC::File::MiJ) and records simply following each other. The text is UTF-8
    /// (a byte-order mark is skipped).</para>
    /// <para>Framing: the reader finds the extent of each record by scanning bytes (strings, escapes and brackets),
    /// then parses that record alone. A record that is not well-formed comes back as a <see cref="MarcReadError"/>
    /// with its bytes (<c>JsonSyntaxError</c>), and reading goes on with the next array element, or, in
    /// newline-delimited JSON, with the next line: once a first record was seen to fit on one line, a record still
    /// open at the end of its line is reported as broken there.</para>
    /// <para>Leniency (each is a warning on the record): a missing or odd-length leader (<c>InvalidLeader</c>);
    /// <c>^</c>/<c>#</c> for blanks (<see cref="MarcJsonReaderOptions.TranslateBlankSubstitutes"/>); missing or long
    /// indicators; subfields given as one object instead of an array of one-member objects; numbers, booleans and
    /// null where text is expected; unknown members (ignored). The leader is kept as written: JSON text is Unicode,
    /// and a record whose leader/09 says MARC-8 (pymarc writes MARC-8 records' leaders unchanged) is simply written
    /// as MARC-8 to ISO 2709.</para>
    /// <para><see cref="MarcOrigin.ByteOffset"/> is the offset of the record's <c>{</c>; diagnostics carry the absolute
    /// byte offset of the problem.</para>
    /// </remarks>
    public sealed class MarcJsonReader : IMarcReader
    {
        private const int BlockSize = 64 * 1024;

        private readonly Stream _stream;
        private readonly string? _sourcePath;
        private readonly MarcJsonReaderOptions _options;

        private readonly byte[] _block = new byte[BlockSize];
        private int _blockPos;
        private int _blockLen;
        private long _blockStart;          // absolute offset of _block[0]
        private bool _eof;

        private byte[] _chunk = new byte[4096];
        private int _chunkLen;

        private bool _started;
        private bool _inArray;
        private bool _lineMode;            // newline-delimited JSON seen: a line end closes a record
        private bool _disposed;
        private long _ordinal;

        private enum ScanEnd { Complete, LineEnd, Eof, TooLong }

        public MarcJsonReader(Stream stream, string? sourcePath = null, MarcJsonReaderOptions? options = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            _sourcePath = sourcePath;
            _options = options?.Clone() ?? new MarcJsonReaderOptions();
        }

        /// <summary>The file the records come from, as given to the constructor.</summary>
        public string? SourcePath => _sourcePath;

        /// <summary>Records and errors returned so far.</summary>
        public long Count => _ordinal;

        /// <summary>Reads the first record of a MARC-in-JSON text. Throws <see cref="FormatException"/> when it holds none or it cannot be read.</summary>
        public static MarcRecord ParseRecord(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            using (var r = new MarcJsonReader(new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(json))))
            {
                MarcReadResult? result = r.ReadNext();
                if (result == null) throw new FormatException("The text holds no MARC-in-JSON record.");
                if (result.Error != null) throw new FormatException(result.Error.Message);
                return result.Record!;
            }
        }

        public MarcReadResult? ReadNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(MarcJsonReader));
            while (true)
            {
                if (!_started)
                {
                    _started = true;
                    SkipBom();
                }
                SkipSeparators();
                int b = Peek();
                if (b < 0) return null;

                if (!_inArray && b == '[')
                {
                    Next();
                    _inArray = true;
                    continue;
                }
                if (_inArray && b == ']')
                {
                    Next();
                    _inArray = false;
                    continue;
                }

                long start = Position;
                _chunkLen = 0;
                if (b == '{')
                {
                    bool lineModeBefore = _lineMode;
                    ScanEnd end = ScanValue(stopAtLineEnd: !_inArray && _lineMode);
                    if (end == ScanEnd.Complete)
                    {
                        if (!_inArray && !_lineMode && _ordinal == 0 && Array.IndexOf(_chunk, (byte)'\n', 0, _chunkLen) < 0) _lineMode = true;
                        _ordinal++;
                        return Parse(start);
                    }
                    _ordinal++;
                    string why = end == ScanEnd.TooLong
                        ? "The record is longer than " + _options.MaxRecordBytes + " bytes (MaxRecordBytes); it was skipped."
                        : end == ScanEnd.Eof
                            ? "The input ends inside the record; the JSON is incomplete."
                            : lineModeBefore
                                ? "The record is still open at the end of its line (newline-delimited JSON); the JSON is incomplete or broken. Reading goes on with the next line."
                                : "The record has a line break inside a string; the JSON is broken.";
                    string code = end == ScanEnd.Eof ? MarcDiagnosticCodes.TruncatedRecord
                        : end == ScanEnd.TooLong ? MarcDiagnosticCodes.OversizeRecord : MarcDiagnosticCodes.JsonSyntaxError;
                    return Error(code, why, start);
                }

                // Something that is not an object where a record should start.
                ScanJunk();
                _ordinal++;
                return Error(MarcDiagnosticCodes.JsonNotARecord,
                    "Expected a MARC-in-JSON record (a JSON object starting with '{') but found '" + Preview() + "'.", start);
            }
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_options.LeaveOpen) _stream.Dispose();
        }

        // ------------------------------------------------------------------ framing

        private long Position => _blockStart + _blockPos;

        private int Peek()
        {
            if (_blockPos >= _blockLen && !Fill()) return -1;
            return _block[_blockPos];
        }

        private int Next()
        {
            if (_blockPos >= _blockLen && !Fill()) return -1;
            return _block[_blockPos++];
        }

        private bool Fill()
        {
            if (_eof) return false;
            _blockStart += _blockLen;
            _blockPos = 0;
            _blockLen = 0;
            while (_blockLen == 0)
            {
                int n = _stream.Read(_block, 0, _block.Length);
                if (n <= 0)
                {
                    _eof = true;
                    return false;
                }
                _blockLen = n;
            }
            return true;
        }

        private void SkipBom()
        {
            if (Peek() != 0xEF) return;
            // A BOM is three bytes; only skip when all three are there (they are in the first block).
            if (_blockLen - _blockPos >= 3 && _block[_blockPos + 1] == 0xBB && _block[_blockPos + 2] == 0xBF) _blockPos += 3;
        }

        /// <summary>Skips white space (and commas between array elements).</summary>
        private void SkipSeparators()
        {
            while (true)
            {
                int b = Peek();
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || (b == ',' && _inArray) || b == 0x1E /* RS of json-seq */)
                {
                    Next();
                    continue;
                }
                return;
            }
        }

        private bool Append(int b)
        {
            if (_chunkLen == _chunk.Length)
            {
                if (_chunkLen >= _options.MaxRecordBytes) return false;
                Array.Resize(ref _chunk, (int)Math.Min((long)_chunk.Length * 2, Math.Max(_options.MaxRecordBytes, 4096)));
            }
            _chunk[_chunkLen++] = (byte)b;
            return true;
        }

        /// <summary>Copies one object or array into the chunk, tracking strings and nesting.</summary>
        private ScanEnd ScanValue(bool stopAtLineEnd)
        {
            int depth = 0;
            bool inString = false, escape = false;
            while (true)
            {
                int b = Next();
                if (b < 0) return ScanEnd.Eof;
                if (b == '\n' && (inString || stopAtLineEnd))
                {
                    // A raw line break never belongs in a JSON string; in newline-delimited JSON it ends the record.
                    if (stopAtLineEnd || !_inArray) return ScanEnd.LineEnd;
                    inString = false;
                    escape = false;
                }
                if (!Append(b))
                {
                    SkipRestOfValue(depth, inString, escape);
                    return ScanEnd.TooLong;
                }
                if (inString)
                {
                    if (escape) escape = false;
                    else if (b == '\\') escape = true;
                    else if (b == '"') inString = false;
                    continue;
                }
                if (b == '"') inString = true;
                else if (b == '{' || b == '[') depth++;
                else if (b == '}' || b == ']')
                {
                    depth--;
                    if (depth <= 0) return ScanEnd.Complete;
                }
            }
        }

        private void SkipRestOfValue(int depth, bool inString, bool escape)
        {
            while (true)
            {
                int b = Next();
                if (b < 0) return;
                if (inString)
                {
                    if (escape) escape = false;
                    else if (b == '\\') escape = true;
                    else if (b == '"') inString = false;
                    else if (b == '\n') inString = false;
                    continue;
                }
                if (b == '"') inString = true;
                else if (b == '{' || b == '[') depth++;
                else if (b == '}' || b == ']')
                {
                    if (--depth <= 0) return;
                }
            }
        }

        /// <summary>Copies a non-object value: up to the next ',' or ']' outside strings (array), or to the end of the line.</summary>
        private void ScanJunk()
        {
            int depth = 0;
            bool inString = false, escape = false;
            while (true)
            {
                int b = Peek();
                if (b < 0) return;
                if (!inString && depth == 0)
                {
                    if (_inArray && (b == ',' || b == ']')) return;
                    if (b == '\n') return;
                    if (!_inArray && b == '{' && _chunkLen > 0) return;
                }
                Next();
                if (_chunkLen < 4096) Append(b);
                if (inString)
                {
                    if (escape) escape = false;
                    else if (b == '\\') escape = true;
                    else if (b == '"' || b == '\n') inString = false;
                    continue;
                }
                if (b == '"') inString = true;
                else if (b == '{' || b == '[') depth++;
                else if ((b == '}' || b == ']') && depth > 0) depth--;
            }
        }

        private string Preview()
        {
            int n = Math.Min(_chunkLen, 40);
            string s = new System.Text.UTF8Encoding(false, false).GetString(_chunk, 0, n);
            return n < _chunkLen ? s + "..." : s;
        }

        private byte[] ChunkBytes()
        {
            var bytes = new byte[_chunkLen];
            Buffer.BlockCopy(_chunk, 0, bytes, 0, _chunkLen);
            return bytes;
        }

        private MarcReadResult Error(string code, string message, long start)
        {
            var origin = new MarcOrigin(_sourcePath, _ordinal, start, _chunkLen, MarcFormat.Json);
            return new MarcReadResult(new MarcReadError(code, message, origin, ChunkBytes()));
        }

        private MarcReadResult Parse(long start)
        {
            var origin = new MarcOrigin(_sourcePath, _ordinal, start, _chunkLen, MarcFormat.Json);
            try
            {
                MarcRecord record = JsonRecordParser.Parse(_chunk, _chunkLen, start, _options);
                record.Origin = origin;
                return new MarcReadResult(record);
            }
            catch (JsonRecordException e)
            {
                return new MarcReadResult(new MarcReadError(e.Code, e.Message + " (at byte " + (start + e.Offset) + ")", origin, ChunkBytes()));
            }
        }
    }
}
