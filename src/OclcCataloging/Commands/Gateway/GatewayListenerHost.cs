using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Gateway;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>
    /// A running gateway receiver as Start-GatewayListener returns it: the core <see cref="GatewayListener"/> plus
    /// what happens to each record (handler, then saving), counters and the recent connection log. A record is
    /// answered "accepted" only after the handler accepted it and it was saved, so a sender that sees an error may
    /// send it again without creating a duplicate.
    /// </summary>
    public sealed class GatewayListenerHost : IDisposable
    {
        private const int LogCapacity = 200;

        private readonly GatewayListener _listener;
        private readonly GatewayRecordStore? _store;
        private readonly Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>>? _handler;
        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();
        private IDisposable? _handlerResources;
        private int _stopped;

        internal GatewayListenerHost(GatewayListenerOptions options, GatewayRecordStore? store,
            Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>>? handler)
        {
            _store = store;
            _handler = handler;
            ReplyStyle = options.ReplyStyle;
            Path = store?.Path;
            options.Log = AddLog;
            _listener = new GatewayListener(options, OnRecordAsync);
        }

        /// <summary>The port listened on (the one chosen when 0 was asked for).</summary>
        public int Port { get; private set; }

        public string? Address { get; private set; }

        public GatewayReplyStyle ReplyStyle { get; }

        /// <summary>The file appended to or the folder written to, or null.</summary>
        public string? Path { get; }

        /// <summary>True when a -ScriptBlock handles each record.</summary>
        public bool HasHandler => _handler != null;

        public bool IsRunning => Volatile.Read(ref _stopped) == 0 && Port != 0;

        public DateTime StartedUtc { get; private set; }

        public long RecordsAccepted => _listener.RecordsAccepted;

        public long RequestsRejected => _listener.RequestsRejected;

        public long ConnectionsFailed => _listener.ConnectionsFailed;

        public long RecordsSaved => _store?.RecordsSaved ?? 0;

        /// <summary>The Koha staff interface records are forwarded to, or null (no Koha sink).</summary>
        public Uri? Koha { get; private set; }

        /// <summary>The spool folder of records Koha did not take, or null.</summary>
        public string? SpoolPath { get; private set; }

        /// <summary>Records Koha imported or staged.</summary>
        public long RecordsImported => _koha?.Imported ?? 0;

        /// <summary>Records kept in the spool (Koha down, or no usable answer); Send-KohaSpool sends them later.</summary>
        public long RecordsSpooled => _koha?.Spooled ?? 0;

        /// <summary>Records Koha refused (its error was the reply).</summary>
        public long RecordsRefused => _koha?.Refused ?? 0;

        private OclcCataloging.Gateway.Koha.KohaReceiver? _koha;

        internal void AttachKoha(OclcCataloging.Gateway.Koha.KohaReceiver receiver, Uri staff, string? spool)
        {
            _koha = receiver;
            Koha = staff;
            SpoolPath = spool;
        }

        /// <summary>The most recent connection problems and handler errors (never a password), oldest first.</summary>
        public string[] Log => _log.ToArray();

        /// <summary>Called with each record once it was accepted and saved (the -Wait output).</summary>
        internal Action<GatewayReceivedRecord>? Accepted { get; set; }

        /// <summary>Called with each log line as well (the -Wait verbose output).</summary>
        internal Action<string>? LogSink { get; set; }

        internal void Start(IDisposable? handlerResources)
        {
            _handlerResources = handlerResources;
            _listener.Start();
            Port = _listener.LocalEndPoint.Port;
            Address = _listener.LocalEndPoint.Address.ToString();
            StartedUtc = DateTime.UtcNow;
        }

        /// <summary>Stops accepting, waits for the connections in progress, and releases the output file and handler runspace.</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
            try
            {
                _listener.Dispose();
            }
            finally
            {
                _store?.Dispose();
                _handlerResources?.Dispose();
            }
        }

        public void Dispose() => Stop();

        internal void AddLog(string line)
        {
            string stamped = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " " + line;
            _log.Enqueue(stamped);
            while (_log.Count > LogCapacity && _log.TryDequeue(out _)) { }
            LogSink?.Invoke(line);
        }

        private async Task<GatewayListenerVerdict> OnRecordAsync(GatewayReceivedRecord record, CancellationToken cancellationToken)
        {
            GatewayListenerVerdict verdict = _handler == null
                ? GatewayListenerVerdict.Accept()
                : await _handler(record, cancellationToken).ConfigureAwait(false);
            if (!verdict.IsAccepted) return verdict;
            if (_store != null)
            {
                try
                {
                    _store.Save(record);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ObjectDisposedException)
                {
                    throw new IOException("Record " + record.Sequence + " could not be saved to '" + _store.Path + "': " + e.Message, e);
                }
            }
            Accepted?.Invoke(record);
            return verdict;
        }

        public override string ToString() => "Gateway listener on port " + Port.ToString(CultureInfo.InvariantCulture) + (IsRunning ? "" : " (stopped)");
    }
}
