namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// The exact reply texts of Koha's connexion_import_daemon.pl (without the trailing NUL, which the listener adds),
    /// so catalogers see what they saw before (docs/design/koha-receiver.md §3). Unlike the daemon, a '%' is sent as is
    /// (the daemon used the text as a printf format and garbled it).
    /// </summary>
    public static class KohaReplyText
    {
        public const string BadRequest = "Bad request";

        public const string Unauthorized = "Unauthorized request";

        /// <summary>Koha could not be reached, refused the login, or answered a non-2xx status.</summary>
        public const string Unsuccessful = "Unsuccessful request";

        /// <summary>Koha answered something that is not XML.</summary>
        public const string InvalidResponse = "Invalid response";

        /// <summary>
        /// <c>Success.  Batch number B - biblio record number N added to Koha.\n\nURL</c>, or <c>overlaid by import.</c>
        /// when Koha matched an existing record. A staged record has no number (the daemon printed a Perl HASH(0x…) there).
        /// </summary>
        public static string Success(string? batch, string? biblio, bool overlaid, string? url) =>
            "Success.  Batch number " + (batch ?? "") + " - biblio record number " + (biblio ?? "") +
            (overlaid ? " overlaid by import." : " added to Koha.") + "\n\n" + (url ?? "");

        /// <summary><c>ERROR.  Please contact administrator.</c> for a Koha status other than ok.</summary>
        public static string Failed(string? error) => (error ?? "") + ".  Please contact administrator.";
    }
}
