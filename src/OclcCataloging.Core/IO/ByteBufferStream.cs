using System;
using System.IO;

namespace OclcCataloging.IO
{
    /// <summary>
    /// A write-only stream into a byte array that grows as needed and can be swapped: <see cref="Attach"/> gives it an
    /// array to fill from the start, <see cref="Detach"/> hands the filled array on (to be written elsewhere and given
    /// back later), so a writer that owns the stream fills one reusable buffer after another.
    /// </summary>
    internal sealed class ByteBufferStream : Stream
    {
        private byte[] _buffer = Array.Empty<byte>();
        private int _length;

        /// <summary>Writes from now on go to the start of <paramref name="buffer"/>.</summary>
        public void Attach(byte[] buffer)
        {
            _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
            _length = 0;
        }

        /// <summary>The array written into (it may be a larger one than was attached) and how many bytes it holds.</summary>
        public byte[] Detach(out int length)
        {
            byte[] buffer = _buffer;
            length = _length;
            _buffer = Array.Empty<byte>();
            _length = 0;
            return buffer;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (count <= 0) return;
            if (_length + count > _buffer.Length)
            {
                long wanted = Math.Max((long)_length + count, Math.Max(4096L, (long)_buffer.Length * 2));
                Array.Resize(ref _buffer, (int)Math.Min(wanted, int.MaxValue - 64));
            }
            Buffer.BlockCopy(buffer, offset, _buffer, _length, count);
            _length += count;
        }

        public override void WriteByte(byte value) => Write(new[] { value }, 0, 1);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
