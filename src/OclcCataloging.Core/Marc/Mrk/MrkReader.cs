using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
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
    /// See <see cref="MrkMnemonics"/> for the mnemonics.</para>
    /// </remarks>
    public sealed class MrkReader : IMarcReader
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly UTF8Encoding LenientUtf8 = new UTF8Encoding(false, false);
        private static readonly Encoding Latin1 = Encoding.GetEncoding(28591);

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
        private byte[]? _pending;          // a =LDR line read ahead
        private long _pendingOffset;

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

            var raw = new List<KeyValuePair<long, byte[]>>();
            long start = -1, end = -1;
            long total = 0;
            bool hasContent = false;
            if (_pending != null)
            {
                raw.Add(new KeyValuePair<long, byte[]>(_pendingOffset, _pending));
                start = _pendingOffset;
                end = _pendingOffset + _pending.Length;
                total = _pending.Length;
                hasContent = true;
                _pending = null;
            }

            bool tooLong = false;
            while (true)
            {
                long offset = Position;
                if (!ReadLine(out long lineEnd)) break;
                byte[] line = LineBytes();
                bool blank = IsBlank(line);
                if (!blank && IsLdr(line) && hasContent)
                {
                    _pending = line;
                    _pendingOffset = offset;
                    break;
                }
                if (blank && !hasContent) continue;
                if (!blank)
                {
                    hasContent = true;
                    if (start < 0) start = offset;
                    end = lineEnd;
                }
                total += line.Length;
                if (total > _options.MaxRecordBytes) tooLong = true;
                if (!tooLong) raw.Add(new KeyValuePair<long, byte[]>(offset, line));
            }
            if (!hasContent) return null;

            _ordinal++;
            var origin = new MarcOrigin(_sourcePath, _ordinal, start, Math.Max(0, end - start), _mrk8 ? MarcFormat.Mrk8 : MarcFormat.Mrk);
            if (tooLong)
            {
                return new MarcReadResult(new MarcReadError(MarcDiagnosticCodes.OversizeRecord,
                    "The record's text is longer than " + _options.MaxRecordBytes + " bytes (MaxRecordBytes); it was skipped.", origin, Join(raw)));
            }

            // .mrk: the leader says whether the rest is MARC-8 (single bytes) or UTF-8.
            bool utf8 = _mrk8;
            if (!utf8 && raw.Count > 0 && IsLdr(raw[0].Value))
            {
                utf8 = MrkText.LeaderCodingScheme(Latin1.GetString(raw[0].Value)) == 'a';
            }
            var lines = new List<MrkLine>(raw.Count);
            List<MarcDiagnostic>? utf8Warnings = null;
            foreach (var kv in raw)
            {
                string text;
                if (!utf8)
                {
                    text = Latin1.GetString(kv.Value);
                }
                else
                {
                    try
                    {
                        text = StrictUtf8.GetString(kv.Value);
                    }
                    catch (DecoderFallbackException)
                    {
                        text = LenientUtf8.GetString(kv.Value);
                        (utf8Warnings ??= new List<MarcDiagnostic>()).Add(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.InvalidUtf8,
                            "The line holds bytes that are not UTF-8; they were replaced by U+FFFD.", kv.Key, null));
                    }
                }
                lines.Add(new MrkLine(text, kv.Key));
            }
            MarcRecord record = MrkText.Parse(lines, _mrk8 || utf8);
            if (utf8Warnings != null) foreach (var w in utf8Warnings) record.AddWarning(w);
            record.Origin = origin;
            return new MarcReadResult(record);
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_options.LeaveOpen) _stream.Dispose();
        }

        private static byte[] Join(List<KeyValuePair<long, byte[]>> raw)
        {
            var ms = new MemoryStream();
            foreach (var kv in raw)
            {
                ms.Write(kv.Value, 0, kv.Value.Length);
                ms.WriteByte((byte)'\n');
            }
            return ms.ToArray();
        }

        private static bool IsBlank(byte[] line)
        {
            foreach (byte b in line)
            {
                if (b != ' ' && b != '\t') return false;
            }
            return true;
        }

        private static bool IsLdr(byte[] line) => line.Length >= 4 && line[0] == '=' && line[1] == 'L' && line[2] == 'D' && line[3] == 'R';

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
