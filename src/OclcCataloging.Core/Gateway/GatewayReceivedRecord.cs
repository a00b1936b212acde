using System;
using System.IO;
using System.Net;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;

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

        /// <summary>Where <see cref="GatewayRecordStore"/> saved the record, or null when it was not saved.</summary>
        public string? SavedPath { get; internal set; }

        /// <summary>The record parsed from <see cref="Bytes"/> (null when the bytes do not parse); read on first use.</summary>
        public MarcRecord? Record
        {
            get
            {
                if (!_parsed)
                {
                    try
                    {
                        Iso2709Reader.TryParseRecord(Bytes, out _record);
                    }
                    catch (Exception)
                    {
                        _record = null; // the listener validated the structure; a reader objection leaves Bytes as the record
                    }
                    _parsed = true;
                }
                return _record;
            }
        }

        private MarcRecord? _record;
        private bool _parsed;

        public override string ToString() => "Record " + Sequence + " from " + (RemoteEndPoint?.ToString() ?? "?") + " (" + Bytes.Length + " bytes)";
    }

    /// <summary>What the record handler decided; becomes the reply.</summary>
    public sealed class GatewayListenerVerdict
    {
        private GatewayListenerVerdict(bool accepted, string? recordId, string? url, string? error, string? replyText = null)
        {
            IsAccepted = accepted;
            RecordId = recordId;
            Url = url;
            Error = error;
            ReplyText = replyText;
        }

        public bool IsAccepted { get; }

        public string? RecordId { get; }

        public string? Url { get; }

        public string? Error { get; }

        /// <summary>The exact Koha-style reply text (without the NUL), or null for the listener's own wording.</summary>
        public string? ReplyText { get; }

        public static GatewayListenerVerdict Accept(string? recordId = null, string? url = null) => new GatewayListenerVerdict(true, recordId, url, null);

        public static GatewayListenerVerdict Reject(string error) => new GatewayListenerVerdict(false, null, null, error ?? "rejected");

        /// <summary>A verdict whose Koha-style reply is exactly <paramref name="replyText"/> (a receiver that forwards to Koha).</summary>
        public static GatewayListenerVerdict WithReply(bool accepted, string replyText, string? recordId = null, string? url = null) =>
            new GatewayListenerVerdict(accepted, recordId, url, accepted ? null : replyText, replyText ?? throw new System.ArgumentNullException(nameof(replyText)));
    }
}
