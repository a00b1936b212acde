using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Validation;
using OclcCataloging.Resilience;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// Sends records to a gateway receiver (Koha, Alma, FOLIO …), one record per connection (docs/design/gateway-protocol.md §3):
    /// validate, connect, write the whole request in one write, read the reply up to a NUL, the end of the stream
    /// or the reply timeout, close.
    /// <para>
    /// Only the connect step runs under the <see cref="IRetryExecutor"/>: a record is retried only when no byte of it
    /// reached the receiver (host not found, connection refused, connect timeout). Once the request has been
    /// written, a missing, cut or late reply gives <see cref="GatewayStatus.Unknown"/> — the record may have been
    /// imported — and it is never sent again. Use <see cref="IsRetryableFailure"/> as the executor's
    /// <see cref="RetrySettings.ShouldRetry"/>.
    /// </para>
    /// <para>The password is read from the <see cref="GatewayLogon"/> only to build the request, whose bytes are cleared after use.</para>
    /// </summary>
    public sealed class GatewayClient
    {
        private static readonly Encoding ReplyEncoding = new UTF8Encoding(false, false);

        private readonly GatewayClientOptions _options;
        private readonly IRetryExecutor _retry;
        private readonly GatewayRequestEncoder _encoder;
        private readonly Func<byte[], bool, GatewayRefusal?> _validate;

        public GatewayClient(GatewayClientOptions options, IRetryExecutor? retry = null)
            : this(options, retry, GatewayRecordValidator.Validate)
        {
        }

        /// <summary>With the record check replaced (tests count how often a record is checked).</summary>
        internal GatewayClient(GatewayClientOptions options, IRetryExecutor? retry, Func<byte[], bool, GatewayRefusal?> validate)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _retry = retry ?? NoRetryExecutor.Instance;
            _encoder = new GatewayRequestEncoder(options.IdentifierEncoding, options.SendEndOfTransmission);
            _validate = validate ?? throw new ArgumentNullException(nameof(validate));
        }

        public GatewayClientOptions Options => _options;

        /// <summary>True for failures that happened before any byte was sent (<see cref="GatewayConnectException"/>): the only ones to retry.</summary>
        public static bool IsRetryableFailure(Exception exception) => exception is GatewayConnectException;

        /// <summary>
        /// Checks <paramref name="record"/> as <see cref="SendAsync(GatewayRecord, CancellationToken)"/> would: its
        /// <see cref="GatewayCheckedRecord.Refusal"/> says why it would be refused (nothing is sent). Send the result with
        /// <see cref="SendAsync(GatewayCheckedRecord, CancellationToken)"/>, which does not check it again.
        /// </summary>
        public GatewayCheckedRecord Check(GatewayRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            return new GatewayCheckedRecord(record, _validate(record.Bytes, _options.AllowAuthority), _options);
        }

        /// <summary>
        /// One line saying what would be sent where (for -WhatIf and verbose output): record identity and size,
        /// receiver, user id and logon id (masked when it may hold a secret). Never the password.
        /// </summary>
        public string DescribeSend(GatewayRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            string s = "Send record " + (record.ControlNumber ?? "(no 001)") + (record.Title != null ? " \"" + record.Title + "\"" : "")
                + " (" + record.Bytes.Length + " bytes) to " + _options.ReceiverType + " receiver " + Where;
            GatewayLogon? logon = _options.Logon;
            if (logon != null) s += " as " + logon;
            if (!_options.SendEndOfTransmission) s += ", without end-of-transmission NUL";
            return s;
        }

        /// <summary>
        /// Sends one record and reports what happened. Does not throw for refused records, connection failures or
        /// missing replies (see <see cref="GatewaySendResult.Status"/>); throws <see cref="OperationCanceledException"/>
        /// only when cancelled before the record was written.
        /// </summary>
        public Task<GatewaySendResult> SendAsync(GatewayRecord record, CancellationToken cancellationToken = default)
        {
            return SendAsync(Check(record), cancellationToken);
        }

        /// <summary>
        /// Sends a record <see cref="Check"/> has checked, without checking it again (unless another client with other
        /// settings checked it); a refused record gives its NotSent result without connecting. Otherwise as
        /// <see cref="SendAsync(GatewayRecord, CancellationToken)"/>.
        /// </summary>
        public async Task<GatewaySendResult> SendAsync(GatewayCheckedRecord checkedRecord, CancellationToken cancellationToken = default)
        {
            if (checkedRecord == null) throw new ArgumentNullException(nameof(checkedRecord));
            if (!ReferenceEquals(checkedRecord.CheckedFor, _options)) checkedRecord = Check(checkedRecord.Record);
            GatewayRecord record = checkedRecord.Record;
            var watch = Stopwatch.StartNew();
            var result = new GatewaySendResult(record, _options.ComputerName, _options.Port, _options.ReceiverType);
            try
            {
                GatewayRefusal? refusal = checkedRecord.Refusal;
                if (refusal != null) return NotSent(result, refusal.Code, refusal.Message);

                byte[] request;
                try
                {
                    request = _encoder.Encode(_options.Logon, record.Bytes);
                }
                catch (GatewayException e)
                {
                    return NotSent(result, e.Code, e.Message + " Nothing was sent.");
                }

                try
                {
                    int attempts = 0;
                    Socket socket;
                    try
                    {
                        socket = await _retry.ExecuteAsync(ct =>
                        {
                            attempts++;
                            return ConnectAsync(ct);
                        }, cancellationToken).ConfigureAwait(false);
                    }
                    catch (GatewayConnectException e)
                    {
                        result.Attempts = attempts;
                        return NotSent(result, e.Code, e.Message + AttemptsNote(attempts) + " Nothing was sent.");
                    }
                    result.Attempts = attempts;
                    using (socket)
                    {
                        await ExchangeAsync(socket, request, result, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    Array.Clear(request, 0, request.Length);
                }
                return result;
            }
            finally
            {
                result.Elapsed = watch.Elapsed;
            }
        }

        /// <summary>
        /// The result for <paramref name="record"/> when it could not be turned into bytes to send
        /// (<see cref="GatewayRecord.FromRecord"/> threw <paramref name="exception"/>): NotSent with the exception's code.
        /// </summary>
        public GatewaySendResult NotSent(MarcRecord record, GatewayException exception)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (exception == null) throw new ArgumentNullException(nameof(exception));
            var identity = new GatewayRecord(new byte[0], record.ControlNumber, null, record.Title);
            return NotSent(new GatewaySendResult(identity, _options.ComputerName, _options.Port, _options.ReceiverType), exception.Code, exception.Message);
        }

        /// <summary>
        /// The result for <paramref name="validation"/>'s record when it has validation errors: NotSent with
        /// <see cref="GatewayErrorCodes.RecordInvalid"/> and the findings, without connecting.
        /// </summary>
        public GatewaySendResult NotValid(MarcValidationResult validation)
        {
            if (validation == null) throw new ArgumentNullException(nameof(validation));
            MarcRecord record = validation.Record;
            var identity = new GatewayRecord(new byte[0], record.ControlNumber, null, record.Title);
            GatewaySendResult result = NotSent(new GatewaySendResult(identity, _options.ComputerName, _options.Port, _options.ReceiverType),
                GatewayErrorCodes.RecordInvalid, "The record has " + MarcFindingText.DescribeErrors(validation) + " Nothing was sent.");
            result.Findings = validation.Findings;
            return result;
        }

        private static string AttemptsNote(int attempts) => attempts > 1 ? " (" + attempts + " attempts)" : "";

        private static GatewaySendResult NotSent(GatewaySendResult result, string code, string message)
        {
            result.Status = GatewayStatus.NotSent;
            result.ErrorCode = code;
            result.Message = message;
            return result;
        }

        private string Where => _options.ComputerName + ":" + _options.Port;

        private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IPAddress[] addresses;
            if (IPAddress.TryParse(_options.ComputerName, out IPAddress? literal))
            {
                addresses = new[] { literal };
            }
            else
            {
                try
                {
                    addresses = await Dns.GetHostAddressesAsync(_options.ComputerName).ConfigureAwait(false);
                }
                catch (SocketException e)
                {
                    throw new GatewayConnectException(GatewayErrorCodes.HostNotFound, "The host name '" + _options.ComputerName + "' could not be resolved: " + e.Message, e);
                }
                cancellationToken.ThrowIfCancellationRequested();
            }

            // The Koha daemon listens on IPv4 only: try IPv4 addresses first, then the others.
            var ordered = new List<IPAddress>();
            foreach (var a in addresses) if (a.AddressFamily == AddressFamily.InterNetwork) ordered.Add(a);
            foreach (var a in addresses) if (a.AddressFamily != AddressFamily.InterNetwork) ordered.Add(a);
            if (ordered.Count == 0)
                throw new GatewayConnectException(GatewayErrorCodes.HostNotFound, "The host name '" + _options.ComputerName + "' has no address.");

            GatewayConnectException? last = null;
            foreach (IPAddress address in ordered)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(_options.ConnectTimeout);
                    try
                    {
                        using (timeout.Token.Register(s => ((Socket)s!).Dispose(), socket))
                        {
                            await socket.ConnectAsync(new IPEndPoint(address, _options.Port)).ConfigureAwait(false);
                        }
                        if (timeout.IsCancellationRequested) throw new ObjectDisposedException(nameof(Socket));
                        return socket;
                    }
                    catch (Exception e)
                    {
                        socket.Dispose();
                        cancellationToken.ThrowIfCancellationRequested();
                        last = timeout.IsCancellationRequested
                            ? new GatewayConnectException(GatewayErrorCodes.ConnectTimeout,
                                "No connection to " + Where + " (" + address + ") within " + _options.ConnectTimeout.TotalSeconds + " s.", e)
                            : new GatewayConnectException(GatewayErrorCodes.ConnectFailed,
                                "Could not connect to " + Where + " (" + address + "): " + e.Message, e);
                    }
                }
            }
            throw last!;
        }

        private enum ReplyEnd
        {
            Nul,
            EndOfStream,
            TooLong,
            Timeout,
            Reset,
            Cancelled,
        }

        private async Task ExchangeAsync(Socket socket, byte[] request, GatewaySendResult result, CancellationToken cancellationToken)
        {
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (cts.Token.Register(s => ((Socket)s!).Dispose(), socket))
            using (var stream = new NetworkStream(socket, false))
            {
                cts.CancelAfter(_options.ReplyTimeout);

                // One write of the whole request (a pause mid-request makes Koha import a truncated record).
                Exception? writeError = null;
                try
                {
                    await stream.WriteAsync(request, 0, request.Length, cts.Token).ConfigureAwait(false);
                    result.BytesSent = request.Length;
                }
                catch (Exception e)
                {
                    // The receiver may have closed early and answered already (FOLIO over 100,000 bytes, Koha after its idle wait): still read.
                    writeError = e;
                }

                var reply = new MemoryStream();
                var buffer = new byte[4096];
                ReplyEnd end;
                try
                {
                    while (true)
                    {
                        int n = await stream.ReadAsync(buffer, 0, buffer.Length, cts.Token).ConfigureAwait(false);
                        if (n == 0)
                        {
                            end = ReplyEnd.EndOfStream;
                            break;
                        }
                        int nul = Array.IndexOf(buffer, (byte)0, 0, n);
                        if (nul >= 0)
                        {
                            reply.Write(buffer, 0, nul);
                            end = ReplyEnd.Nul;
                            break;
                        }
                        reply.Write(buffer, 0, n);
                        if (reply.Length >= _options.MaxReplyBytes)
                        {
                            end = ReplyEnd.TooLong;
                            break;
                        }
                    }
                }
                catch (Exception)
                {
                    if (cancellationToken.IsCancellationRequested) end = ReplyEnd.Cancelled;
                    else if (cts.IsCancellationRequested) end = ReplyEnd.Timeout;
                    else end = ReplyEnd.Reset;
                }

                string text = ReplyEncoding.GetString(reply.GetBuffer(), 0, (int)reply.Length);
                bool hasText = text.Length > 0;
                const string Resend = " The record may have been imported; it is not sent again.";
                switch (end)
                {
                    case ReplyEnd.Nul:
                    case ReplyEnd.TooLong:
                    case ReplyEnd.EndOfStream when hasText:
                        Apply(result, GatewayReplyInterpreter.Interpret(_options.ReceiverType, text));
                        break;
                    case ReplyEnd.EndOfStream:
                        Unknown(result, writeError != null ? GatewayErrorCodes.SendFailed : GatewayErrorCodes.NoReply,
                            (writeError != null
                                ? "The connection to " + Where + " failed while the record was being sent (" + writeError.Message + ") and no reply came."
                                : Where + " closed the connection without a reply.") + Resend, null);
                        break;
                    case ReplyEnd.Timeout:
                        Unknown(result, GatewayErrorCodes.ReplyTimeout,
                            "No " + (hasText ? "complete " : "") + "reply from " + Where + " within " + _options.ReplyTimeout.TotalSeconds + " s." + Resend, hasText ? text : null);
                        break;
                    case ReplyEnd.Cancelled:
                        Unknown(result, GatewayErrorCodes.Cancelled, "Cancelled while waiting for the reply from " + Where + "." + Resend, hasText ? text : null);
                        break;
                    default:
                        Unknown(result, writeError != null && !hasText ? GatewayErrorCodes.SendFailed : GatewayErrorCodes.ConnectionReset,
                            "The connection to " + Where + " was reset " + (writeError != null && !hasText ? "while the record was being sent." : hasText ? "in the middle of the reply." : "before a reply came.") + Resend,
                            hasText ? text : null);
                        break;
                }
            }
        }

        private static void Unknown(GatewaySendResult result, string code, string message, string? text)
        {
            result.Status = GatewayStatus.Unknown;
            result.ErrorCode = code;
            result.Message = message;
            result.ReplyText = text;
        }

        private static void Apply(GatewaySendResult result, GatewayReply reply)
        {
            result.Status = reply.Status;
            result.ReplyText = reply.Text;
            result.ReceiverRecordId = reply.ReceiverRecordId;
            result.Url = reply.Url;
            result.Message = reply.Message;
            switch (reply.Status)
            {
                case GatewayStatus.Rejected when GatewayReplyInterpreter.IsLogonRefusal(reply.Text):
                    result.ErrorCode = GatewayErrorCodes.LogonRefused;
                    result.Message ??= "The receiver refused the logon: " + reply.Text.TrimEnd('\r', '\n');
                    break;
                case GatewayStatus.Rejected:
                    result.ErrorCode = GatewayErrorCodes.ReceiverRejected;
                    result.Message ??= "The receiver rejected the record: " + reply.Text.TrimEnd('\r', '\n');
                    break;
                case GatewayStatus.Unknown:
                    result.ErrorCode = reply.Text.Trim('\0', ' ', '\r', '\n', '\t').Length == 0 ? GatewayErrorCodes.NoReply : GatewayErrorCodes.UnrecognisedReply;
                    break;
            }
        }
    }
}
