using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc.IO;
using static OclcCataloging.Marc.Iso2709.Iso2709Constants;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>
    /// Reads ISO 2709 (binary MARC 21) records from any stream, one at a time, in constant memory.
    /// <para>
    /// Framing is lenient and never gives up on the rest of the input. The leader's record length is used when
    /// it ends on a record terminator (0x1D); otherwise the record runs to the next record terminator, which
    /// recovers lengths that are too short, too long, non-numeric, or <c>99999</c> for records over 99,999
    /// bytes. Bytes between records that cannot start one (CR, LF, NUL, tab, blank, 0x1A, stray 0x1D) are
    /// skipped; line ends (CR, LF) silently, anything else with a <c>JunkBetweenRecords</c> warning on the next
    /// record, or, with <see cref="Iso2709ReaderOptions.ReturnStrayBytes"/>, as a result of its own that carries the
    /// bytes (<see cref="MarcReadResult.StrayBytes"/>), also after the last record (<c>JunkAfterLastRecord</c>).
    /// A record cut off by the end of the input comes back with a <c>TruncatedRecord</c> warning, or as an error
    /// when nothing of it can be read. Which stray bytes are harmless: docs/design/iso2709-reading.md.
    /// </para>
    /// <para>
    /// A chunk without any record structure is returned as a <see cref="MarcReadError"/> carrying its raw
    /// bytes, and reading continues after it. <see cref="MarcOrigin.Ordinal"/> counts records and errors.
    /// </para>
    /// </summary>
    public sealed class Iso2709Reader : IMarcReader
    {
        private readonly Stream _stream;
        private readonly string? _sourcePath;
        private readonly bool _leaveOpen;
        private readonly int _maxRecordBytes;
        private readonly Iso2709RecordParser _parser;

        private byte[] _buf;
        private int _pos;
        private int _end;
        private long _bufOffset;
        private bool _eof;
        private long _ordinal;
        private bool _disposed;

        // Bytes skipped before the current record; with ReturnStrayBytes, the record read after them waits in _pending.
        private readonly StrayByteRun _junk;
        private readonly bool _returnStrayBytes;
        private MarcReadResult? _pending;

        public Iso2709Reader(Stream stream, string? sourcePath = null, Iso2709ReaderOptions? options = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            if (!stream.CanRead) throw new ArgumentException("The stream cannot be read.", nameof(stream));
            options ??= new Iso2709ReaderOptions();
            _sourcePath = sourcePath;
            _leaveOpen = options.LeaveOpen;
            _maxRecordBytes = options.MaxRecordBytes;
            _returnStrayBytes = options.ReturnStrayBytes;
            _junk = new StrayByteRun(options.MaxRecordBytes);
            _buf = new byte[Math.Max(options.BufferSize, 4096)];
            _parser = new Iso2709RecordParser(options.ValidateUtf8, options.ValidateSubfields, options.Encoding, options.ValidateMarc8);
        }

        /// <summary>The file the records come from, as given to the constructor.</summary>
        public string? SourcePath => _sourcePath;

        /// <summary>Bytes of the input consumed so far.</summary>
        public long Position => _bufOffset + _pos;

        /// <summary>Records and errors returned so far.</summary>
        public long Count => _ordinal;

        /// <summary>
        /// Reads the first record of ISO 2709 bytes held in memory (a server reply, a received frame), framed and
        /// checked exactly as a file is. Throws <see cref="FormatException"/> when the bytes hold no record or it
        /// cannot be read. The record keeps its own copy of the bytes; what follows the first record is not read.
        /// </summary>
        public static MarcRecord ParseRecord(byte[] bytes, Iso2709ReaderOptions? options = null)
        {
            MarcReadResult? result = ReadFirst(bytes, options);
            if (result == null) throw new FormatException("The bytes hold no ISO 2709 record.");
            if (result.Error != null) throw new FormatException(result.Error.Code + ": " + result.Error.Message);
            return result.Record!;
        }

        /// <summary>
        /// Like <see cref="ParseRecord"/>, without an exception: false (and <paramref name="record"/> null) when the
        /// bytes hold no readable record.
        /// </summary>
        public static bool TryParseRecord(byte[] bytes, out MarcRecord? record, Iso2709ReaderOptions? options = null)
        {
            record = ReadFirst(bytes, options)?.Record;
            return record != null;
        }

        private static MarcReadResult? ReadFirst(byte[] bytes, Iso2709ReaderOptions? options)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            // A buffer the size of the bytes (not the default 256 KiB) for the common small reply.
            options ??= new Iso2709ReaderOptions { BufferSize = Math.Max(4096, Math.Min(bytes.Length + 1, 256 * 1024)) };
            using (var reader = new Iso2709Reader(new MemoryStream(bytes, false), null, options))
            {
                MarcReadResult? result;
                do result = reader.ReadNext();
                while (result?.StrayBytes != null);   // options asked for stray bytes as results: the record is what counts here
                return result;
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        public MarcReadResult? ReadNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(Iso2709Reader));
            if (_pending != null)
            {
                MarcReadResult pending = _pending;
                _pending = null;
                return pending;
            }

            SkipFiller();
            if (_pos >= _end)
            {
                if (_returnStrayBytes && _junk.Count > 0 && _junk.IsNotableAtEnd)
                {
                    var trailing = new MarcReadResult(_junk.ToStrayBytes(_sourcePath, -1));
                    _junk.Reset();
                    return trailing;
                }
                return null;
            }

            List<MarcDiagnostic>? warnings = null;
            int available = Ensure(LeaderLength);
            int declared = available >= 5 ? Digits5(_buf, _pos) : -1;
            int frame = -1;
            bool truncated = false, overLimit = false;
            if (declared > LeaderLength && Ensure(declared) >= declared && _buf[_pos + declared - 1] == RecordTerminator)
            {
                frame = EarlierRecordEnd(declared, ref warnings);
            }
            else
            {
                frame = FrameSlow(declared, ref warnings, out truncated, out overLimit);
            }

            long recordOffset = _bufOffset + _pos;
            MarcReadResult? stray = null;
            if (_junk.Count > 0 && _junk.IsNotable)
            {
                if (_returnStrayBytes)
                {
                    stray = new MarcReadResult(_junk.ToStrayBytes(_sourcePath, recordOffset));
                }
                else
                {
                    var junk = new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.JunkBetweenRecords, _junk.Describe("before this record"), _junk.Start);
                    (warnings ??= new List<MarcDiagnostic>()).Insert(0, junk);
                }
            }
            MarcReadResult result = ReadFramed(recordOffset, frame, truncated, overLimit, ref warnings);
            if (stray == null) return result;
            _pending = result;
            return stray;
        }

        private MarcReadResult ReadFramed(long recordOffset, int frame, bool truncated, bool overLimit, ref List<MarcDiagnostic>? warnings)
        {
            byte[] bytes = Allocate(frame);
            Buffer.BlockCopy(_buf, _pos, bytes, 0, frame);
            _pos += frame;
            _ordinal++;
            var origin = new MarcOrigin(_sourcePath, _ordinal, recordOffset, frame, MarcFormat.Iso2709);

            string? failure = null;
            MarcRecord? record = null;
            if (overLimit) failure = "No record terminator (0x1D) was found within " + _maxRecordBytes + " bytes; the chunk was set aside.";
            else record = _parser.Parse(bytes, frame, recordOffset, ref warnings, out failure);
            if (record == null)
            {
                string code = truncated ? MarcDiagnosticCodes.TruncatedRecord : MarcDiagnosticCodes.UnreadableRecord;
                string message = failure!;
                if (truncated) message += " The input ended without a record terminator.";
                if (warnings != null && warnings.Count > 0 && warnings[0].Code == MarcDiagnosticCodes.JunkBetweenRecords)
                    message += " " + warnings[0].Message;
                return new MarcReadResult(new MarcReadError(code, message, origin, bytes));
            }
            record.Origin = origin;
            return new MarcReadResult(record);
        }

        /// <summary>
        /// Frames a record whose leader length cannot be trusted: it runs to the next record terminator (or the
        /// end of the input), unless the leader length is plausible and the next record starts right after it.
        /// </summary>
        private int FrameSlow(int declared, ref List<MarcDiagnostic>? warnings, out bool truncated, out bool overLimit)
        {
            truncated = false;
            int rt = FindRecordTerminator(out overLimit);
            int chunk;
            bool terminated;
            if (rt >= 0)
            {
                chunk = rt + 1;
                terminated = true;
            }
            else
            {
                chunk = overLimit ? _maxRecordBytes : _end - _pos;
                terminated = false;
                truncated = !overLimit;
            }
            if (overLimit) return chunk;

            if (declared < 0)
            {
                // Junk that is not filler, followed by a real record in the same chunk?
                int k = FindPlausibleLeader(_pos + 1, _pos + chunk);
                if (k >= 0)
                {
                    int skip = k - _pos;
                    _junk.Add(_buf, _pos, skip, _bufOffset + _pos);
                    _pos = k;
                    chunk -= skip;
                    declared = Digits5(_buf, _pos);
                }
            }

            long start = _bufOffset + _pos;
            if (declared > LeaderLength && declared <= chunk)
            {
                // A record without its terminator, followed directly by the next record? The leader length may
                // or may not count the missing terminator.
                int frame = declared < chunk && IsPlausibleLeader(_buf, _pos + declared, _pos + chunk) ? declared
                    : IsPlausibleLeader(_buf, _pos + declared - 1, _pos + chunk) ? declared - 1
                    : -1;
                if (frame > 0)
                {
                    Iso2709RecordParser.Warn(ref warnings, MarcDiagnosticCodes.MissingRecordTerminator,
                        "The record does not end with a record terminator (0x1D); the next record starts right after it, at byte " + (start + frame) + ".",
                        start + frame - 1, null);
                    if (frame != declared)
                    {
                        Iso2709RecordParser.Warn(ref warnings, MarcDiagnosticCodes.RecordLengthMismatch,
                            "The leader says the record is " + declared + " bytes long, but it is " + frame + " bytes up to the next record.", start, null);
                    }
                    return frame;
                }
            }

            if (declared < 0)
            {
                Iso2709RecordParser.Warn(ref warnings, MarcDiagnosticCodes.RecordLengthNotNumeric,
                    "The record length (leader/00-04 '" + LeaderText(0, 5) + "') is not a number; the record was framed by its record terminator (" + chunk + " bytes).",
                    start, null);
            }
            else if (chunk > MaxRecordLength)
            {
                Iso2709RecordParser.Warn(ref warnings, MarcDiagnosticCodes.OversizeRecord,
                    "The record is " + chunk + " bytes long, more than the 99,999 bytes a leader can state (the leader says " + declared + "); it was framed by its record terminator.",
                    start, null);
            }
            else if (declared != chunk)
            {
                Iso2709RecordParser.Warn(ref warnings, MarcDiagnosticCodes.RecordLengthMismatch,
                    "The leader says the record is " + declared + " bytes long, but it is " + chunk + " bytes up to " + (terminated ? "its record terminator." : "the end of the input."),
                    start, null);
            }
            if (truncated)
            {
                Iso2709RecordParser.Warn(ref warnings, MarcDiagnosticCodes.TruncatedRecord,
                    "The input ends " + chunk + " bytes into the record, without a record terminator; what was there was read.",
                    start + chunk, null);
            }
            return chunk;
        }

        /// <summary>
        /// The frame of a record whose leader length ends on a record terminator: that length, unless a record
        /// terminator before it is followed by a plausible leader. Then the length is too large (it swallowed the next
        /// record) and the record ends at that terminator.
        /// </summary>
        private int EarlierRecordEnd(int declared, ref List<MarcDiagnostic>? warnings)
        {
            int limit = _pos + declared;
            for (int rt = Array.IndexOf(_buf, RecordTerminator, _pos + LeaderLength, declared - LeaderLength - 1);
                 rt >= 0;
                 rt = rt + 1 < limit - 1 ? Array.IndexOf(_buf, RecordTerminator, rt + 1, limit - 1 - (rt + 1)) : -1)
            {
                if (!IsPlausibleLeader(_buf, rt + 1, limit)) continue;
                int frame = rt + 1 - _pos;
                Iso2709RecordParser.Warn(ref warnings, MarcDiagnosticCodes.RecordLengthMismatch,
                    "The leader says the record is " + declared + " bytes long, but it ends with a record terminator after " + frame
                    + " bytes and the next record starts there; it was read as " + frame + " bytes.", _bufOffset + _pos, null);
                return frame;
            }
            return declared;
        }

        private string LeaderText(int offset, int count)
        {
            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte c = _pos + offset + i < _end ? _buf[_pos + offset + i] : (byte)'?';
                chars[i] = c >= 0x20 && c < 0x7F ? (char)c : '.';
            }
            return new string(chars);
        }

        /// <summary>True when a leader with a numeric length and base address starts at <paramref name="k"/> and its directory ends where the base address says.</summary>
        private static bool IsPlausibleLeader(byte[] b, int k, int limit)
        {
            if (k + LeaderLength > limit) return false;
            if (Digits5(b, k) <= LeaderLength) return false;
            int baseAddress = Digits5(b, k + 12);
            if (baseAddress <= LeaderLength || (baseAddress - LeaderLength - 1) % EntryLength != 0) return false;
            int ft = k + baseAddress - 1;
            return ft < limit && b[ft] == FieldTerminator;
        }

        private int FindPlausibleLeader(int from, int to)
        {
            for (int k = from; k + LeaderLength <= to; k++)
            {
                if ((uint)(_buf[k] - '0') <= 9 && IsPlausibleLeader(_buf, k, to)) return k;
            }
            return -1;
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void SkipFiller()
        {
            _junk.Reset();
            while (true)
            {
                if (_pos >= _end && !FillMore()) return;
                int start = _pos;
                while (_pos < _end && IsFiller(_buf[_pos])) _pos++;
                if (_pos > start) _junk.Add(_buf, start, _pos - start, _bufOffset + start);
                if (_pos < _end) return;
            }
        }

        private static bool IsFiller(byte c)
        {
            switch (c)
            {
                case 0x00: case 0x09: case 0x0A: case 0x0D: case 0x1A: case 0x1D: case 0x20:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Position of the next record terminator relative to the current position, or -1.</summary>
        private int FindRecordTerminator(out bool overLimit)
        {
            overLimit = false;
            int from = 0;
            while (true)
            {
                int count = _end - _pos - from;
                int idx = count > 0 ? Array.IndexOf(_buf, RecordTerminator, _pos + from, count) : -1;
                if (idx >= 0)
                {
                    int rel = idx - _pos;
                    if (rel >= _maxRecordBytes)
                    {
                        overLimit = true;
                        return -1;
                    }
                    return rel;
                }
                from = _end - _pos;
                if (from >= _maxRecordBytes)
                {
                    overLimit = true;
                    return -1;
                }
                if (!FillMore()) return -1;
            }
        }

        /// <summary>Makes at least <paramref name="count"/> bytes available from the current position when the input has them; returns how many are.</summary>
        private int Ensure(int count)
        {
            while (_end - _pos < count && FillMore()) { }
            return Math.Min(_end - _pos, count);
        }

        /// <summary>Reads more input, moving unread bytes to the front of the buffer and growing it as needed.</summary>
        private bool FillMore()
        {
            if (_eof) return false;
            if (_pos > 0)
            {
                int remaining = _end - _pos;
                if (remaining > 0) Buffer.BlockCopy(_buf, _pos, _buf, 0, remaining);
                _bufOffset += _pos;
                _end = remaining;
                _pos = 0;
            }
            if (_end == _buf.Length)
            {
                var bigger = new byte[_buf.Length * 2];
                Buffer.BlockCopy(_buf, 0, bigger, 0, _end);
                _buf = bigger;
            }
            int read = _stream.Read(_buf, _end, _buf.Length - _end);
            if (read <= 0)
            {
                _eof = true;
                return false;
            }
            _end += read;
            return true;
        }

        private static byte[] Allocate(int length)
        {
#if NET5_0_OR_GREATER
            return GC.AllocateUninitializedArray<byte>(length);
#else
            return new byte[length];
#endif
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (!_leaveOpen) _stream.Dispose();
        }
    }
}
