namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// The svc/import_bib form fields the daemon takes from its config (empty when unset, as the daemon sends them).
    /// The REST path reads <see cref="OverlayAction"/>, <see cref="NomatchAction"/> and <see cref="Framework"/> too.
    /// </summary>
    public sealed class KohaImportSettings
    {
        /// <summary><c>direct</c> or <c>stage</c> (Koha's default when empty).</summary>
        public string ImportMode { get; set; } = "";

        /// <summary>Matching rule code (e.g. an ISBN rule); empty means no matching.</summary>
        public string Match { get; set; } = "";

        /// <summary><c>replace</c>, <c>create_new</c>, <c>ignore</c>.</summary>
        public string OverlayAction { get; set; } = "";

        /// <summary><c>create_new</c> or <c>ignore</c>.</summary>
        public string NomatchAction { get; set; } = "";

        public string ItemAction { get; set; } = "";

        public string Framework { get; set; } = "";

        public string OverlayFramework { get; set; } = "";

        /// <summary>Sent only when set (one fork of the daemon adds it).</summary>
        public string MarcModificationTemplateId { get; set; } = "";

        /// <summary>True for direct mode (records go into the catalogue, not a staged batch).</summary>
        public bool IsDirect => string.Equals(ImportMode, "direct", System.StringComparison.OrdinalIgnoreCase);
    }
}
