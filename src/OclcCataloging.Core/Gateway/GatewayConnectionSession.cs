using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// One connection to <see cref="GatewayListener"/>: read one request within a bounded buffer and an idle timeout,
    /// let the <see cref="GatewayRequestPipeline"/> decide the reply, write it, and (FOLIO style, after a record reached
    /// the handler) wait for the sender to close (docs/design/gateway-protocol.md §5).
    /// </summary>
    internal sealed class GatewayConnectionSession
    {
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly EndPoint? _remote;
        private readonly GatewayListenerOptions _options;
        private readonly Encoding _identifierEncoding;
        private readonly GatewayRequestPipeline _pipeline;
        private readonly GatewayListenerStatistics _statistics;
        private readonly Action<string> _log;

        public GatewayConnectionSession(Socket socket, NetworkStream stream, EndPoint? remote, GatewayListenerOptions options, Encoding identifierEncoding,
            GatewayRequestPipeline pipeline, GatewayListenerStatistics statistics, Action<string> log)
        {
            _socket = socket;
            _stream = stream;
            _remote = remote;
            _options = options;
            _identifierEncoding = identifierEncoding;
            _pipeline = pipeline;
            _statistics = statistics;
            _log = log;
        }

        public async Task RunAsync(CancellationToken stopping)
        {
            RequestRead read = await ReadRequestAsync().ConfigureAwait(false);
            GatewayListenerReply reply;
            switch (read.Outcome)
            {
                case ReadOutcome.NothingReceived:
                    _statistics.CountFailed();
                    Log("idle with nothing received; closed");
                    return;
                case ReadOutcome.FellSilent:
                    // The socket was disposed by the idle timer: nothing can be answered.
                    _statistics.CountRejected();
                    Log(read.Problem + "; closed");
                    return;
                case ReadOutcome.Unreadable:
                    reply = GatewayListenerReply.BadRequest(read.Problem!, read.Problem!);
                    break;
                default:
                    reply = await _pipeline.HandleAsync(read.Request!, _remote, stopping).ConfigureAwait(false);
                    break;
            }

            _statistics.Count(reply);
            if (reply.LogNote != null) Log(reply.LogNote);
            await WriteReplyAsync(reply).ConfigureAwait(false);
            if (_options.ReplyStyle == GatewayReplyStyle.Folio && reply.ReachedHandler) await WaitForSenderToCloseAsync().ConfigureAwait(false);
        }

        private enum ReadOutcome
        {
            Complete,
            Unreadable,
            NothingReceived,
            FellSilent,
        }

        private readonly struct RequestRead
        {
            public RequestRead(ReadOutcome outcome, GatewayParsedRequest? request, string? problem)
            {
                Outcome = outcome;
                Request = request;
                Problem = problem;
            }

            public ReadOutcome Outcome { get; }

            public GatewayParsedRequest? Request { get; }

            public string? Problem { get; }
        }

        /// <summary>Reads until the request is complete, cannot be a request, ends (NUL or end of stream), grows too large or the sender falls silent.</summary>
        private async Task<RequestRead> ReadRequestAsync()
        {
            var buffer = new byte[Math.Min(_options.MaxRequestBytes + 1, 16 * 1024)];
            int count = 0;
            try
            {
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        if (buffer.Length > _options.MaxRequestBytes)
                            return new RequestRead(ReadOutcome.Unreadable, null, "the request is over " + _options.MaxRequestBytes + " bytes");
                        buffer = Grow(buffer, count);
                    }
                    int n = await ReadWithIdleAsync(buffer, count, buffer.Length - count).ConfigureAwait(false);
                    if (n < 0)
                    {
                        return count == 0
                            ? new RequestRead(ReadOutcome.NothingReceived, null, null)
                            : new RequestRead(ReadOutcome.FellSilent, null, "the request was incomplete when the sender fell silent");
                    }
                    bool end = n == 0;
                    int nul = end ? -1 : Array.IndexOf(buffer, (byte)0, count, n);
                    count = nul >= 0 ? nul : count + n;
                    GatewayParseState state = GatewayRequestParser.TryParse(buffer, count, _identifierEncoding, out GatewayParsedRequest? request);
                    if (state == GatewayParseState.Complete) return new RequestRead(ReadOutcome.Complete, request, null);
                    if (state == GatewayParseState.Invalid) return new RequestRead(ReadOutcome.Unreadable, null, "the request could not be read");
                    if (end || nul >= 0)
                        return new RequestRead(ReadOutcome.Unreadable, null, count == 0 ? "no record was received" : "the request ended before the record was complete");
                }
            }
            finally
            {
                Array.Clear(buffer, 0, buffer.Length);
            }
        }

        /// <summary>A larger buffer (at most one byte over the limit, to notice a request over it); the old one is cleared.</summary>
        private byte[] Grow(byte[] buffer, int count)
        {
            var bigger = new byte[Math.Min(buffer.Length * 2, _options.MaxRequestBytes + 1)];
            Buffer.BlockCopy(buffer, 0, bigger, 0, count);
            Array.Clear(buffer, 0, count);
            return bigger;
        }

        /// <summary>Bytes read, 0 at the end of the stream, -1 when the sender was silent for the idle timeout (the socket is then closed).</summary>
        private async Task<int> ReadWithIdleAsync(byte[] buffer, int offset, int count)
        {
            using (var idle = new CancellationTokenSource(_options.IdleTimeout))
            using (idle.Token.Register(s => ((Socket)s!).Dispose(), _socket))
            {
                try
                {
                    return await _stream.ReadAsync(buffer, offset, count, idle.Token).ConfigureAwait(false);
                }
                catch (Exception) when (idle.IsCancellationRequested)
                {
                    return -1;
                }
            }
        }

        private async Task WriteReplyAsync(GatewayListenerReply reply)
        {
            byte[] bytes = reply.Encode(_options.ReplyStyle);
            try
            {
                await _stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.IO.IOException || e is ObjectDisposedException || e is SocketException)
            {
                _statistics.CountFailed();
                _log("reply could not be written: " + e.Message);
            }
        }

        /// <summary>FOLIO style leaves closing to the sender: wait (bounded by the idle timeout) for it, discarding anything more.</summary>
        private async Task WaitForSenderToCloseAsync()
        {
            var sink = new byte[4096];
            while (await ReadWithIdleAsync(sink, 0, sink.Length).ConfigureAwait(false) > 0) { }
        }

        private void Log(string what) => _log("connection " + _remote + ": " + what);
    }
}
