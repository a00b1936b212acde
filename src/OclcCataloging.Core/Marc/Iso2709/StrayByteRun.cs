using System;
using OclcCataloging.Marc.IO;
using static OclcCataloging.Marc.Iso2709.Iso2709Constants;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>
    /// The run of bytes the reader skipped before the next record (or the end of the input): where it started,
    /// its bytes (up to a limit) and whether it is worth a word. Line ends between records are harmless; at the
    /// end of the input, line ends and one Ctrl-Z (the DOS end-of-file mark) are. See docs/design/iso2709-reading.md.
    /// </summary>
    internal sealed class StrayByteRun
    {
        private const byte Cr = 0x0D;
        private const byte Lf = 0x0A;
        private const byte CtrlZ = 0x1A;
        private const int PreviewBytes = 16;

        private readonly int _limit;
        private byte[] _bytes = new byte[PreviewBytes];
        private int _kept;
        private int _ctrlZ;
        private bool _other;

        public StrayByteRun(int limit)
        {
            _limit = limit;
        }

        /// <summary>Byte offset of the first skipped byte.</summary>
        public long Start { get; private set; }

        /// <summary>Bytes skipped so far.</summary>
        public long Count { get; private set; }

        /// <summary>Anything but line ends: worth a warning between records.</summary>
        public bool IsNotable => _other || _ctrlZ > 0;

        /// <summary>Worth a warning at the end of the input: anything but line ends and one Ctrl-Z.</summary>
        public bool IsNotableAtEnd => _other || _ctrlZ > 1;

        public void Reset()
        {
            Count = 0;
            _kept = 0;
            _ctrlZ = 0;
            _other = false;
        }

        public void Add(byte[] b, int offset, int count, long absoluteOffset)
        {
            if (Count == 0) Start = absoluteOffset;
            for (int i = offset; i < offset + count; i++)
            {
                byte c = b[i];
                if (c == CtrlZ) _ctrlZ++;
                else if (c != Cr && c != Lf) _other = true;
            }
            int keep = (int)Math.Min(count, _limit - _kept);
            if (keep > 0)
            {
                if (_kept + keep > _bytes.Length) Array.Resize(ref _bytes, Math.Min(_limit, Math.Max(_kept + keep, _bytes.Length * 2)));
                Buffer.BlockCopy(b, offset, _bytes, _kept, keep);
                _kept += keep;
            }
            Count += count;
        }

        /// <summary>"4 bytes that belong to no record were skipped" plus <paramref name="where"/> and the first bytes in hex.</summary>
        public string Describe(string where)
        {
            return Count + (Count == 1 ? " byte that belongs to no record was" : " bytes that belong to no record were") + " skipped " + where
                + " (" + HexPreview(_bytes, 0, Math.Min(_kept, PreviewBytes)) + (Count > PreviewBytes ? " ..." : "") + ").";
        }

        /// <summary>The run as a reader result: its warning, and its bytes for a reject file.</summary>
        public MarcStrayBytes ToStrayBytes(string? sourcePath, long nextRecordOffset)
        {
            bool atEnd = nextRecordOffset < 0;
            string code = atEnd ? MarcDiagnosticCodes.JunkAfterLastRecord : MarcDiagnosticCodes.JunkBetweenRecords;
            string message = Describe(atEnd ? "after the last record" : "before the record at byte " + nextRecordOffset);
            if (_kept < Count) message += " The first " + _kept + " of them are kept.";
            var bytes = new byte[_kept];
            Buffer.BlockCopy(_bytes, 0, bytes, 0, _kept);
            return new MarcStrayBytes(sourcePath, Start, Count, bytes, new MarcDiagnostic(MarcSeverity.Warning, code, message, Start), atEnd);
        }
    }
}
