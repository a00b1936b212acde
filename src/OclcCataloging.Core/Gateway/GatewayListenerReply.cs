using System.Text;

namespace OclcCataloging.Gateway
{
    /// <summary>What <see cref="GatewayListener"/> answers a request with (docs/design/gateway-protocol.md §5).</summary>
    internal enum GatewayListenerReplyKind
    {
        /// <summary>The record handler accepted the record.</summary>
        Accepted = 0,

        /// <summary>The record handler rejected the record, with its reason.</summary>
        Rejected,

        /// <summary>The request could not be read, was incomplete or too large, or its record is invalid.</summary>
        BadRequest,

        /// <summary>The logon did not match.</summary>
        Unauthorized,

        /// <summary>The record handler failed.</summary>
        Failed,
    }

    /// <summary>
    /// One reply of <see cref="GatewayListener"/>: its kind, what goes into its text, and a note for the log. Worded
    /// per <see cref="GatewayReplyStyle"/> by <see cref="Encode"/>.
    /// </summary>
    internal sealed class GatewayListenerReply
    {
        private GatewayListenerReply(GatewayListenerReplyKind kind, string error, string? recordId = null, string? url = null, string? logNote = null, string? verbatim = null)
        {
            Verbatim = verbatim;
            Kind = kind;
            Error = error;
            RecordId = recordId;
            Url = url;
            LogNote = logNote;
        }

        public GatewayListenerReplyKind Kind { get; }

        /// <summary>The reason given for anything but <see cref="GatewayListenerReplyKind.Accepted"/> (FOLIO style shows it; Koha style only for a rejection).</summary>
        public string Error { get; }

        /// <summary>The receiver's id of an accepted record.</summary>
        public string? RecordId { get; }

        /// <summary>The URL of an accepted record, or null.</summary>
        public string? Url { get; }

        /// <summary>The exact Koha-style text chosen by the record handler, or null.</summary>
        public string? Verbatim { get; }

        /// <summary>What the log says about the request, or null when nothing.</summary>
        public string? LogNote { get; }

        /// <summary>True when the record reached the record handler (accepted or rejected by it).</summary>
        public bool ReachedHandler => Kind == GatewayListenerReplyKind.Accepted || Kind == GatewayListenerReplyKind.Rejected;

        public static GatewayListenerReply Accepted(string recordId, string? url) => new GatewayListenerReply(GatewayListenerReplyKind.Accepted, "", recordId, url);

        public static GatewayListenerReply WithText(bool accepted, string text, string? recordId, string? url, string? logNote) =>
            new GatewayListenerReply(accepted ? GatewayListenerReplyKind.Accepted : GatewayListenerReplyKind.Rejected, accepted ? "" : text, recordId, url, logNote, text);

        public static GatewayListenerReply Rejected(string error) => new GatewayListenerReply(GatewayListenerReplyKind.Rejected, error);

        public static GatewayListenerReply BadRequest(string problem, string logNote) => new GatewayListenerReply(GatewayListenerReplyKind.BadRequest, problem, logNote: logNote);

        public static GatewayListenerReply Unauthorized(string logNote) => new GatewayListenerReply(GatewayListenerReplyKind.Unauthorized, "access denied", logNote: logNote);

        public static GatewayListenerReply Failed(string logNote) => new GatewayListenerReply(GatewayListenerReplyKind.Failed, "the record could not be stored", logNote: logNote);

        /// <summary>The reply's bytes: its text in <paramref name="style"/>, UTF-8, ending in the NUL every sender reads up to.</summary>
        public byte[] Encode(GatewayReplyStyle style)
        {
            string text = style == GatewayReplyStyle.Folio ? FolioText() : KohaText();
            return Encoding.UTF8.GetBytes(text.Replace('\0', ' ') + "\0");
        }

        private string FolioText() => Kind == GatewayListenerReplyKind.Accepted ? "Import ok\n" : "Error: " + Error + "\n";

        private string KohaText()
        {
            if (Verbatim != null) return Verbatim;
            switch (Kind)
            {
                case GatewayListenerReplyKind.Accepted:
                    return "Success.  Batch number 0 - biblio record number " + RecordId + " added to Koha.\n\n" + (Url ?? "");
                case GatewayListenerReplyKind.Unauthorized:
                    return "Unauthorized request";
                case GatewayListenerReplyKind.Failed:
                    return "Unsuccessful request";
                case GatewayListenerReplyKind.BadRequest:
                    return "Bad request";
                default:
                    return Error.TrimEnd('.') + ".  Please contact administrator.";
            }
        }
    }
}
