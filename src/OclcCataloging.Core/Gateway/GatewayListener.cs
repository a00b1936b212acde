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
    /// </summary>
    public sealed class GatewayListener : IDisposable
    {
        private readonly GatewayListenerOptions _options;
        private readonly Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>> _onRecord;
        private readonly Encoding _identifierEncoding;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly SemaphoreSlim _slots;
        private readonly object _gate = new object();
        private readonly HashSet<Task> _connections = new HashSet<Task>();
        private TcpListener? _listener;
        private Task? _acceptLoop;
        private long _sequence;
        private long _accepted;
        private long _rejected;
        private long _failed;

        public GatewayListener(GatewayListenerOptions options, Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>> onRecord)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _onRecord = onRecord ?? throw new ArgumentNullException(nameof(onRecord));
            _identifierEncoding = options.IdentifierEncoding ?? new UTF8Encoding(false, true);
            _slots = new SemaphoreSlim(Math.Max(1, options.MaxConnections));
        }

        /// <summary>Where the listener listens (after <see cref="Start"/>).</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("The listener is not started.")).LocalEndpoint;

        /// <summary>Records the callback accepted.</summary>
        public long RecordsAccepted => Interlocked.Read(ref _accepted);

        /// <summary>Requests answered with an error (bad request, logon, validation, callback rejection or failure).</summary>
        public long RequestsRejected => Interlocked.Read(ref _rejected);

        /// <summary>Connections that ended without a reply (sender vanished, idle with nothing received, I/O errors).</summary>
        public long ConnectionsFailed => Interlocked.Read(ref _failed);

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
                    await HandleAsync(socket, stream, remote).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _failed);
                Log("connection " + remote + ": " + e.GetType().Name + ": " + e.Message);
            }
            finally
            {
                try { socket.Shutdown(SocketShutdown.Both); } catch (Exception) { }
                socket.Dispose();
            }
        }

        private async Task<int> ReadWithIdleAsync(Socket socket, NetworkStream stream, byte[] buffer, int offset, int count)
        {
            using (var idle = new CancellationTokenSource(_options.IdleTimeout))
            using (idle.Token.Register(s => ((Socket)s!).Dispose(), socket))
            {
                try
                {
                    return await stream.ReadAsync(buffer, offset, count, idle.Token).ConfigureAwait(false);
                }
                catch (Exception) when (idle.IsCancellationRequested)
                {
                    return -1;
                }
            }
        }

        private async Task HandleAsync(Socket socket, NetworkStream stream, EndPoint? remote)
        {
            var buffer = new byte[Math.Min(_options.MaxRequestBytes + 1, 16 * 1024)];
            int count = 0;
            GatewayParsedRequest? request = null;
            string? problem = null;
            try
            {
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        if (buffer.Length > _options.MaxRequestBytes)
                        {
                            problem = "the request is over " + _options.MaxRequestBytes + " bytes";
                            break;
                        }
                        var bigger = new byte[Math.Min(buffer.Length * 2, _options.MaxRequestBytes + 1)];
                        Buffer.BlockCopy(buffer, 0, bigger, 0, count);
                        Array.Clear(buffer, 0, count);
                        buffer = bigger;
                    }
                    int n = await ReadWithIdleAsync(socket, stream, buffer, count, buffer.Length - count).ConfigureAwait(false);
                    if (n < 0)
                    {
                        if (count == 0)
                        {
                            Interlocked.Increment(ref _failed);
                            Log("connection " + remote + ": idle with nothing received; closed");
                            return;
                        }
                        problem = "the request was incomplete when the sender fell silent";
                        // The socket was disposed by the idle timer: nothing can be answered.
                        Interlocked.Increment(ref _rejected);
                        Log("connection " + remote + ": " + problem + "; closed");
                        return;
                    }
                    bool end = n == 0;
                    int nul = end ? -1 : Array.IndexOf(buffer, (byte)0, count, n);
                    count = nul >= 0 ? nul : count + n;
                    GatewayParseState state = GatewayRequestParser.TryParse(buffer, count, _identifierEncoding, out request);
                    if (state == GatewayParseState.Complete) break;
                    if (state == GatewayParseState.Invalid)
                    {
                        problem = "the request could not be read";
                        break;
                    }
                    if (end || nul >= 0)
                    {
                        problem = count == 0 ? "no record was received" : "the request ended before the record was complete";
                        break;
                    }
                }
            }
            finally
            {
                Array.Clear(buffer, 0, buffer.Length);
            }

            if (request == null)
            {
                Interlocked.Increment(ref _rejected);
                Log("connection " + remote + ": " + problem);
                await ReplyAsync(stream, false, null, null, problem!, true).ConfigureAwait(false);
                return;
            }

            try
            {
                if (!LogonMatches(request))
                {
                    Interlocked.Increment(ref _rejected);
                    Log("connection " + remote + ": logon refused for '" + (string.IsNullOrEmpty(request.UserId) ? request.LogonId : request.UserId) + "'");
                    await ReplyAsync(stream, false, null, null, "access denied", false, unauthorized: true).ConfigureAwait(false);
                    return;
                }
            }
            finally
            {
                request.ClearPassword();
            }

            GatewayRefusal? refusal = GatewayRecordValidator.Validate(request.Record, _options.AllowAuthority);
            if (refusal != null)
            {
                Interlocked.Increment(ref _rejected);
                Log("connection " + remote + ": " + refusal);
                await ReplyAsync(stream, false, null, null, refusal.Message, true).ConfigureAwait(false);
                return;
            }

            long seq = Interlocked.Increment(ref _sequence);
            GatewayListenerVerdict verdict;
            try
            {
                verdict = await _onRecord(new GatewayReceivedRecord(request.Record, request.UserId, request.LogonId, remote, seq), _stop.Token).ConfigureAwait(false)
                    ?? GatewayListenerVerdict.Accept();
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _rejected);
                Log("connection " + remote + ": record " + seq + " handler failed: " + e.Message);
                await ReplyAsync(stream, false, null, null, "the record could not be stored", false, failed: true).ConfigureAwait(false);
                return;
            }

            if (verdict.IsAccepted) Interlocked.Increment(ref _accepted);
            else Interlocked.Increment(ref _rejected);
            await ReplyAsync(stream, verdict.IsAccepted, verdict.RecordId ?? seq.ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Url, verdict.Error ?? "", false).ConfigureAwait(false);
            if (_options.ReplyStyle == GatewayReplyStyle.Folio)
            {
                // FOLIO style leaves closing to the sender: wait (bounded) for it, discarding anything more.
                var sink = new byte[4096];
                while (await ReadWithIdleAsync(socket, stream, sink, 0, sink.Length).ConfigureAwait(false) > 0) { }
            }
        }

        private bool LogonMatches(GatewayParsedRequest request)
        {
            NetworkCredential? expected = _options.Credential;
            if (expected == null) return true;
            string? who = string.IsNullOrEmpty(request.UserId) ? request.LogonId : request.UserId;
            if (!string.Equals(who ?? "", expected.UserName ?? "", StringComparison.Ordinal)) return false;
            byte[] want = _identifierEncoding.GetBytes(expected.Password ?? "");
            byte[] got = request.PasswordBytes ?? new byte[0];
            try
            {
                int diff = want.Length ^ got.Length;
                for (int i = 0; i < want.Length; i++) diff |= want[i] ^ (i < got.Length ? got[i] : 0);
                return diff == 0;
            }
            finally
            {
                Array.Clear(want, 0, want.Length);
            }
        }

        private Task ReplyAsync(NetworkStream stream, bool accepted, string? recordId, string? url, string error, bool badRequest,
            bool unauthorized = false, bool failed = false)
        {
            string text;
            if (_options.ReplyStyle == GatewayReplyStyle.Folio)
            {
                text = accepted ? "Import ok\n" : "Error: " + error + "\n";
            }
            else if (accepted)
            {
                text = "Success.  Batch number 0 - biblio record number " + recordId + " added to Koha.\n\n" + (url ?? "");
            }
            else if (unauthorized) text = "Unauthorized request";
            else if (failed) text = "Unsuccessful request";
            else if (badRequest) text = "Bad request";
            else text = error.TrimEnd('.') + ".  Please contact administrator.";
            byte[] bytes = Encoding.UTF8.GetBytes(text.Replace('\0', ' ') + "\0");
            return WriteQuietlyAsync(stream, bytes);
        }

        private async Task WriteQuietlyAsync(NetworkStream stream, byte[] bytes)
        {
            try
            {
                await stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.IO.IOException || e is ObjectDisposedException || e is SocketException)
            {
                Interlocked.Increment(ref _failed);
                Log("reply could not be written: " + e.Message);
            }
        }
    }
}
