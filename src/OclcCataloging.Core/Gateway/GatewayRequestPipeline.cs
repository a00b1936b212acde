using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// What <see cref="GatewayListener"/> does with a request it has read: check the logon, validate the record, hand it
    /// to the record handler once, and decide the reply (docs/design/gateway-protocol.md §5). Shared by all connections.
    /// </summary>
    internal sealed class GatewayRequestPipeline
    {
        private readonly GatewayListenerOptions _options;
        private readonly Encoding _identifierEncoding;
        private readonly Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>> _onRecord;
        private long _sequence;

        public GatewayRequestPipeline(GatewayListenerOptions options, Encoding identifierEncoding,
            Func<GatewayReceivedRecord, CancellationToken, Task<GatewayListenerVerdict>> onRecord)
        {
            _options = options;
            _identifierEncoding = identifierEncoding;
            _onRecord = onRecord;
        }

        public async Task<GatewayListenerReply> HandleAsync(GatewayParsedRequest request, EndPoint? remote, CancellationToken stopping)
        {
            GatewayListenerReply? refused = CheckLogon(request) ?? Validate(request);
            if (refused != null) return refused;
            return await DispatchAsync(request, remote, stopping).ConfigureAwait(false);
        }

        /// <summary>Null when the logon matches (or none is required); the password bytes are cleared either way.</summary>
        private GatewayListenerReply? CheckLogon(GatewayParsedRequest request)
        {
            try
            {
                if (LogonMatches(request)) return null;
                return GatewayListenerReply.Unauthorized("logon refused for '" + Sender(request) + "'");
            }
            finally
            {
                request.ClearPassword();
            }
        }

        private GatewayListenerReply? Validate(GatewayParsedRequest request)
        {
            GatewayRefusal? refusal = GatewayRecordValidator.Validate(request.Record, _options.AllowAuthority);
            return refusal == null ? null : GatewayListenerReply.BadRequest(refusal.Message, refusal.ToString());
        }

        private async Task<GatewayListenerReply> DispatchAsync(GatewayParsedRequest request, EndPoint? remote, CancellationToken stopping)
        {
            long seq = Interlocked.Increment(ref _sequence);
            GatewayListenerVerdict verdict;
            try
            {
                verdict = await _onRecord(new GatewayReceivedRecord(request.Record, request.UserId, request.LogonId, remote, seq), stopping).ConfigureAwait(false)
                    ?? GatewayListenerVerdict.Accept();
            }
            catch (Exception e)
            {
                return GatewayListenerReply.Failed("record " + seq + " handler failed: " + e.Message);
            }
            if (verdict.ReplyText != null)
                return GatewayListenerReply.WithText(verdict.IsAccepted, verdict.ReplyText, verdict.RecordId, verdict.Url,
                    verdict.IsAccepted ? null : "record " + seq + ": " + verdict.ReplyText);
            return verdict.IsAccepted
                ? GatewayListenerReply.Accepted(verdict.RecordId ?? seq.ToString(CultureInfo.InvariantCulture), verdict.Url)
                : GatewayListenerReply.Rejected(verdict.Error ?? "");
        }

        /// <summary>The user is U, or A when U is empty, as Koha checks it.</summary>
        private static string? Sender(GatewayParsedRequest request) => string.IsNullOrEmpty(request.UserId) ? request.LogonId : request.UserId;

        private bool LogonMatches(GatewayParsedRequest request)
        {
            NetworkCredential? expected = _options.Credential;
            if (expected == null) return true;
            if (!string.Equals(Sender(request) ?? "", expected.UserName ?? "", StringComparison.Ordinal)) return false;
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
    }
}
