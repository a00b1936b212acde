namespace OclcCataloging.Gateway
{
    /// <summary>What a receiver's reply text means (<see cref="GatewayReplyInterpreter"/>).</summary>
    public sealed class GatewayReply
    {
        public GatewayReply(GatewayStatus status, string text, string? receiverRecordId = null, string? url = null, string? message = null)
        {
            Status = status;
            Text = text;
            ReceiverRecordId = receiverRecordId;
            Url = url;
            Message = message;
        }

        /// <summary>Accepted, Rejected or Unknown (empty or unrecognised reply).</summary>
        public GatewayStatus Status { get; }

        /// <summary>The raw reply text, without the closing NUL.</summary>
        public string Text { get; }

        /// <summary>Koha biblionumber or Alma MMS ID; null when the receiver gives none (FOLIO, Koha stage mode).</summary>
        public string? ReceiverRecordId { get; }

        /// <summary>The URL in the reply (Koha), or null.</summary>
        public string? Url { get; }

        /// <summary>A note on the interpretation (stage mode, garbled text), or null.</summary>
        public string? Message { get; }

        public override string ToString() => Status + (ReceiverRecordId != null ? " id=" + ReceiverRecordId : "") + ": " + Text;
    }
}
