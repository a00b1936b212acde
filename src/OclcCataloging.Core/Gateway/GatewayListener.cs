using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// A gateway receiver: accepts Connexion-style exports on a port, checks the logon, validates the record, hands
    /// it to a callback once, and replies in Koha or FOLIO style. Unlike Koha's daemon it never dies on bad input:
    /// every connection has a bounded buffer and an idle timeout, its errors are logged and answered, and
    /// connections are served concurrently. <see cref="StopAsync"/> stops accepting and waits for the
    /// connections in progress, so a record handed to the callback always gets its reply.
    /// <para>
    /// This class accepts and keeps count; each connection is a <see cref="GatewayConnectionSession"/> (read, reply,
    /// close), and what is done with a request it has read is the <see cref="GatewayRequestPipeline"/> (logon, validate,
    /// hand over, decide the <see cref="GatewayListenerReply"/>). See docs/design/gateway-protocol.md §5.
    /// </para>
    /// </summary>
    public sealed class GatewayListener : IDisposable
    {
        private readonly GatewayListenerOptions _options;
        private readonly Encoding _identifierEncoding;
        private readonly GatewayRequestPipeline _pipeline;
        private readonly GatewayListenerStatistics _statistics = new GatewayListenerStatistics();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly SemaphoreSlim _slots;
        private readonly object _gate = new object();
        private readonly HashSet<Task> _connections = new HashSet<Task>();
        private TcpListener? _listener;
        private Task? _acceptLoop;

        public GatewayListener(GatewayListenerOptions options, Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>> onRecord)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (onRecord == null) throw new ArgumentNullException(nameof(onRecord));
            _identifierEncoding = options.IdentifierEncoding ?? new UTF8Encoding(false, true);
            _pipeline = new GatewayRequestPipeline(options, _identifierEncoding, onRecord);
            _slots = new SemaphoreSlim(Math.Max(1, options.MaxConnections));
        }

        /// <summary>Where the listener listens (after <see cref="Start"/>).</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("The listener is not started.")).LocalEndpoint;

        /// <summary>Records the callback accepted.</summary>
        public long RecordsAccepted => _statistics.RecordsAccepted;

        /// <summary>Requests answered with an error (bad request, logon, validation, callback rejection or failure).</summary>
        public long RequestsRejected => _statistics.RequestsRejected;

        /// <summary>Connections that ended without a reply (sender vanished, idle with nothing received, I/O errors).</summary>
        public long ConnectionsFailed => _statistics.ConnectionsFailed;

        public void Start()
        {
            if (_listener != null) throw new InvalidOperationException("The listener is already started.");
            _listener = new TcpListener(_options.BindAddress, _options.Port);
            _listener.Start(128);
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        /// <summary>Stops accepting, lets the connections in progress finish (up to their idle timeout) and returns.</summary>
        public async Task StopAsync()
        {
            if (_listener == null) return;
            if (!_stop.IsCancellationRequested)
            {
                _stop.Cancel();
                _listener.Stop();
            }
            if (_acceptLoop != null)
            {
                try { await _acceptLoop.ConfigureAwait(false); } catch (Exception) { }
            }
            Task[] running;
            lock (_gate) running = new List<Task>(_connections).ToArray();
            try { await Task.WhenAll(running).ConfigureAwait(false); } catch (Exception) { }
        }

        public void Dispose()
        {
            StopAsync().GetAwaiter().GetResult();
            _stop.Dispose();
        }

        private void Log(string line)
        {
            try { _options.Log?.Invoke(line); } catch (Exception) { }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await _slots.WaitAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                Socket socket;
                try
                {
                    socket = await _listener!.AcceptSocketAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    _slots.Release();
                    if (_stop.IsCancellationRequested) return;
                    Log("accept failed: " + e.Message);
                    continue;
                }
                Task t = Task.Run(() => ServeAsync(socket));
                lock (_gate) _connections.Add(t);
                _ = t.ContinueWith(done =>
                {
                    lock (_gate) _connections.Remove(done);
                    _slots.Release();
                }, TaskScheduler.Default);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            EndPoint? remote = null;
            try
            {
                remote = socket.RemoteEndPoint;
                socket.NoDelay = true;
                using (var stream = new NetworkStream(socket, false))
                {
                    var session = new GatewayConnectionSession(socket, stream, remote, _options, _identifierEncoding, _pipeline, _statistics, Log);
                    await session.RunAsync(_stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                _statistics.CountFailed();
                Log("connection " + remote + ": " + e.GetType().Name + ": " + e.Message);
            }
            finally
            {
                try { socket.Shutdown(SocketShutdown.Both); } catch (Exception) { }
                socket.Dispose();
            }
        }
    }
}
