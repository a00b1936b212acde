using System;
using System.IO;

namespace OclcCataloging.Marc.Xml
{
    /// <summary>
    /// A read-only stream over another stream that keeps the bytes from a movable point (<see cref="Retain"/>)
    /// onwards, so the MARCXML reader can find the byte offset of a record after the XML parser has read past it,
    /// copy the raw bytes of a broken record, scan ahead for the next record and restart parsing there.
    /// Positions are absolute byte offsets from where reading started.
    /// </summary>
    internal sealed class XmlByteWindow : Stream
    {
        private const int ChunkSize = 64 * 1024;

        private readonly Stream _source;
        private readonly bool _leaveOpen;
        private byte[] _buf = new byte[2 * ChunkSize];
        private long _bufStart;     // absolute offset of _buf[0]
        private int _count;         // valid bytes in _buf
        private long _position;     // next byte handed to Read
        private long _retainFrom;   // bytes before this may be dropped
        private bool _sourceEnded;

        public XmlByteWindow(Stream source, bool leaveOpen)
        {
            _source = source;
            _leaveOpen = leaveOpen;
        }

        /// <summary>The buffer; byte at absolute offset p is <c>Buffer[p - BufferStart]</c> when available.</summary>
        public byte[] Buffer => _buf;

        public long BufferStart => _bufStart;

        /// <summary>Absolute offset one past the last byte read from the source so far.</summary>
        public long BufferEnd => _bufStart + _count;

        /// <summary>Lets bytes before <paramref name="offset"/> be discarded (never moves backwards).</summary>
        public void Retain(long offset)
        {
            if (offset > _retainFrom) _retainFrom = offset;
        }

        public long RetainedFrom => _retainFrom;

        /// <summary>Makes the byte at <paramref name="offset"/> available; false at the end of the input.</summary>
        public bool Ensure(long offset)
        {
            while (offset >= _bufStart + _count)
            {
                if (!Fill()) return false;
            }
            return true;
        }

        public byte this[long offset] => _buf[offset - _bufStart];

        /// <summary>Copies bytes [from, to) (they must still be retained).</summary>
        public byte[] Copy(long from, long to)
        {
            if (to > BufferEnd) Ensure(to - 1);
            if (to > BufferEnd) to = BufferEnd;
            if (from < _bufStart) from = _bufStart;
            if (to <= from) return Array.Empty<byte>();
            var result = new byte[to - from];
            System.Buffer.BlockCopy(_buf, (int)(from - _bufStart), result, 0, result.Length);
            return result;
        }

        /// <summary>Makes <see cref="Read"/> continue at <paramref name="offset"/> (which must still be retained).</summary>
        public void Restart(long offset)
        {
            if (offset < _bufStart) throw new InvalidOperationException("Cannot restart before the retained bytes.");
            _position = offset;
            Retain(offset);
        }

        private bool Fill()
        {
            if (_sourceEnded) return false;
            long keepFrom = Math.Min(_retainFrom, _position);
            if (keepFrom < _bufStart) keepFrom = _bufStart;
            int drop = (int)Math.Min(keepFrom - _bufStart, _count);
            if (_buf.Length - _count < ChunkSize)
            {
                if (drop > 0 && _buf.Length - (_count - drop) >= ChunkSize)
                {
                    System.Buffer.BlockCopy(_buf, drop, _buf, 0, _count - drop);
                    _count -= drop;
                    _bufStart += drop;
                }
                else
                {
                    // keep everything still needed and grow
                    var bigger = new byte[Math.Max(_buf.Length * 2, _count - drop + ChunkSize)];
                    System.Buffer.BlockCopy(_buf, drop, bigger, 0, _count - drop);
                    _count -= drop;
                    _bufStart += drop;
                    _buf = bigger;
                }
            }
            int n = _source.Read(_buf, _count, _buf.Length - _count);
            if (n <= 0)
            {
                _sourceEnded = true;
                return false;
            }
            _count += n;
            return true;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count <= 0) return 0;
            if (_position >= _bufStart + _count && !Fill()) return 0;
            if (_position >= _bufStart + _count) return 0;
            int available = (int)(_bufStart + _count - _position);
            int n = Math.Min(available, count);
            System.Buffer.BlockCopy(_buf, (int)(_position - _bufStart), buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_leaveOpen) _source.Dispose();
            base.Dispose(disposing);
        }
    }
}
