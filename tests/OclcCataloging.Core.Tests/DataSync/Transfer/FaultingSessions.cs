using System;
using System.Collections.Generic;
using System.IO;
using OclcCataloging.DataSync.Transfer;

namespace OclcCataloging.Core.Tests.DataSync.Transfer;

/// <summary>
/// Real sessions on the test server, counted; the first session's upload stream closes the real connection after
/// <see cref="DropAfterBytes"/> bytes and fails as a dropped connection does, so the resume runs against real partial data.
/// </summary>
internal sealed class DroppingSessionFactory : ISftpSessionFactory
{
    private readonly ISftpSessionFactory _real = new SshNetSftpSessionFactory();

    public long? DropAfterBytes { get; set; }

    /// <summary>The first session renames, then fails as a connection that dropped before the answer came.</summary>
    public bool DropAfterRename { get; set; }

    public int Opened { get; private set; }

    public ISftpSession Open(SftpEndpoint endpoint)
    {
        Opened++;
        ISftpSession session = _real.Open(endpoint);
        if (Opened == 1 && (DropAfterBytes != null || DropAfterRename)) return new DroppingSession(session, DropAfterBytes ?? long.MaxValue, DropAfterRename);
        return session;
    }

    private sealed class DroppingSession : ISftpSession
    {
        private readonly ISftpSession _inner;
        private readonly long _limit;
        private readonly bool _dropAfterRename;

        public DroppingSession(ISftpSession inner, long limit, bool dropAfterRename) { _inner = inner; _limit = limit; _dropAfterRename = dropAfterRename; }

        public IReadOnlyList<SftpRemoteEntry> List(string folder) => _inner.List(folder);
        public SftpRemoteEntry? Find(string path) => _inner.Find(path);
        public Stream OpenAppend(string path) => new DroppingStream(_inner, _inner.OpenAppend(path), _limit);
        public Stream OpenRead(string path) => _inner.OpenRead(path);
        public void Rename(string from, string to, bool overwrite)
        {
            _inner.Rename(from, to, overwrite);
            if (!_dropAfterRename) return;
            _inner.Dispose();
            throw new SftpTransferException(SftpFailure.ConnectionLost, "test: connection dropped before the rename's answer");
        }
        public void Delete(string path) => _inner.Delete(path);
        public void Dispose() => _inner.Dispose();
    }

    private sealed class DroppingStream : Stream
    {
        private readonly ISftpSession _session;
        private readonly Stream _inner;
        private readonly long _limit;
        private long _written;

        public DroppingStream(ISftpSession session, Stream inner, long limit) { _session = session; _inner = inner; _limit = limit; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > _limit)
            {
                _inner.Flush();
                _session.Dispose();
                throw new SftpTransferException(SftpFailure.ConnectionLost, "test: connection dropped");
            }
            _inner.Write(buffer, offset, count);
            _written += count;
        }

        protected override void Dispose(bool disposing)
        {
            try { _inner.Dispose(); } catch (SftpTransferException) { }
            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => _inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
