namespace OclcCataloging.Gateway.Koha
{
    /// <summary>How one forwarded record ended in Koha (docs/design/koha-receiver.md §4).</summary>
    public enum KohaImportOutcomeKind
    {
        /// <summary>Koha imported (or staged) it; the reply is a Success text.</summary>
        Imported = 0,

        /// <summary>Koha processed it and answered a status other than ok (its error goes into the reply).</summary>
        Refused,

        /// <summary>Koha certainly did not get it (unreachable, down, login refused): safe to send again.</summary>
        NotDelivered,

        /// <summary>It was sent but the answer is missing or unreadable: it may be in Koha; never sent again automatically.</summary>
        Unknown,
    }

    /// <summary>The result of forwarding one record to Koha, with the daemon's reply text for the Connexion client.</summary>
    public sealed class KohaImportOutcome
    {
        private KohaImportOutcome(KohaImportOutcomeKind kind, string replyText, string detail, string? batch = null, string? biblio = null, bool overlaid = false, string? url = null)
        {
            Kind = kind;
            ReplyText = replyText;
            Detail = detail;
            Batch = batch;
            BiblioNumber = biblio;
            Overlaid = overlaid;
            Url = url;
        }

        public KohaImportOutcomeKind Kind { get; }

        /// <summary>The daemon's reply text (no NUL).</summary>
        public string ReplyText { get; }

        /// <summary>What happened, for the log (never a secret).</summary>
        public string Detail { get; }

        public string? Batch { get; }

        /// <summary>Koha's biblionumber; empty for a staged record.</summary>
        public string? BiblioNumber { get; }

        public bool Overlaid { get; }

        public string? Url { get; }

        public bool IsImported => Kind == KohaImportOutcomeKind.Imported;

        public static KohaImportOutcome Imported(string? batch, string? biblio, bool overlaid, string? url) =>
            new KohaImportOutcome(KohaImportOutcomeKind.Imported, KohaReplyText.Success(batch, biblio, overlaid, url),
                (overlaid ? "overlaid" : "added") + " biblio " + (string.IsNullOrEmpty(biblio) ? "(staged)" : biblio) + " batch " + batch, batch, biblio, overlaid, url);

        public static KohaImportOutcome Refused(string? error) =>
            new KohaImportOutcome(KohaImportOutcomeKind.Refused, KohaReplyText.Failed(error), "Koha refused the record: " + error);

        public static KohaImportOutcome NotDelivered(string detail) =>
            new KohaImportOutcome(KohaImportOutcomeKind.NotDelivered, KohaReplyText.Unsuccessful, detail);

        /// <summary>Sent with no usable answer; <paramref name="replyText"/> is what the daemon would have said.</summary>
        public static KohaImportOutcome Unknown(string detail, string replyText = KohaReplyText.Unsuccessful) =>
            new KohaImportOutcome(KohaImportOutcomeKind.Unknown, replyText, detail);

        /// <summary>The same outcome answered with another of the daemon's texts.</summary>
        public KohaImportOutcome WithReply(string replyText) => new KohaImportOutcome(Kind, replyText, Detail, Batch, BiblioNumber, Overlaid, Url);

        public override string ToString() => Kind + ": " + Detail;
    }
}
