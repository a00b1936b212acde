using System;
using System.IO;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>An SSH.NET file stream whose failures come out as <see cref="SftpTransferException"/>s.</summary>
    internal sealed class TranslatingStream : Stream
    {
        private readonly Stream _inner;
        private readonly string _what;

        internal TranslatingStream(Stream inner, string what) { _inner = inner; _what = what; }

        public override bool CanRead => _inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => _inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => SshNetErrors.Run(_what, () => _inner.Read(buffer, offset, count));
        public override void Write(byte[] buffer, int offset, int count) => SshNetErrors.Run(_what, () => _inner.Write(buffer, offset, count));
        public override void Flush() => SshNetErrors.Run(_what, () => _inner.Flush());
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try { _inner.Dispose(); }
                catch (Exception e) { throw SshNetErrors.Translate(e, _what); }
            }
            base.Dispose(disposing);
        }
    }
}
