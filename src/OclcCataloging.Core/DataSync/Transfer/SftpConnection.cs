using System;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// A session opened on first use and opened again after the connection dropped, so a transfer can resume.
    /// A run-dooming failure (authentication, host key) is remembered and thrown again without reconnecting.
    /// </summary>
    public sealed class SftpConnection : IDisposable
    {
        private readonly ISftpSessionFactory _factory;
        private ISftpSession? _session;
        private SftpTransferException? _doomed;

        public SftpConnection(ISftpSessionFactory factory, SftpEndpoint endpoint)
        {
            _factory = factory ?? throw new ArgumentNullException(nameof(factory));
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        }

        public SftpEndpoint Endpoint { get; }

        /// <summary>The open session, connecting when there is none.</summary>
        public ISftpSession Session
        {
            get
            {
                if (_doomed != null) throw _doomed;
                if (_session != null) return _session;
                try { return _session = _factory.Open(Endpoint); }
                catch (SftpTransferException e) when (e.DoomsRun) { _doomed = e; throw; }
            }
        }

        /// <summary>Drops the session after a lost connection; the next use connects again.</summary>
        public void Reset()
        {
            ISftpSession? old = _session;
            _session = null;
            try { old?.Dispose(); }
            catch (Exception) { /* the connection is gone already */ }
        }

        public void Dispose() => Reset();
    }
}
