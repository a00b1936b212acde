using System;
using System.Net;

namespace OclcCataloging.Gateway
{
    /// <summary>A record caught by <see cref="GatewayListener"/>: its bytes as received and who sent it (never the password).</summary>
    public sealed class GatewayReceivedRecord
    {
        internal GatewayReceivedRecord(byte[] bytes, string? userId, string? logonId, EndPoint? remoteEndPoint, long sequence)
        {
            Bytes = bytes;
            UserId = userId;
            LogonId = logonId;
            RemoteEndPoint = remoteEndPoint;
            Sequence = sequence;
            ReceivedUtc = DateTime.UtcNow;
        }

        /// <summary>The ISO 2709 record exactly as received.</summary>
        public byte[] Bytes { get; }

        public string? UserId { get; }

        public string? LogonId { get; }

        public EndPoint? RemoteEndPoint { get; }

        /// <summary>1-based number of the record among those this listener handed over.</summary>
        public long Sequence { get; }

        public DateTime ReceivedUtc { get; }
    }

    /// <summary>What the record handler decided; becomes the reply.</summary>
    public sealed class GatewayListenerVerdict
    {
        private GatewayListenerVerdict(bool accepted, string? recordId, string? url, string? error)
        {
            IsAccepted = accepted;
            RecordId = recordId;
            Url = url;
            Error = error;
        }

        public bool IsAccepted { get; }

        public string? RecordId { get; }

        public string? Url { get; }

        public string? Error { get; }

        public static GatewayListenerVerdict Accept(string? recordId = null, string? url = null) => new GatewayListenerVerdict(true, recordId, url, null);

        public static GatewayListenerVerdict Reject(string error) => new GatewayListenerVerdict(false, null, null, error ?? "rejected");
    }
}
