namespace OclcCataloging.Ils.Koha
{
    /// <summary>
    /// The import settings of a connexion_import_daemon configuration exactly as written (empty when unset): the daemon
    /// posts them to svc/import_bib unchanged and Koha interprets them. <see cref="KohaDaemonConfig.ToImportSettings"/>
    /// gives the typed form that <see cref="KohaImportDecider"/> reasons with.
    /// </summary>
    public sealed class KohaImportFields
    {
        /// <summary><c>direct</c> or <c>stage</c> (Koha stages for anything but <c>direct</c>).</summary>
        public string ImportMode { get; set; } = "";

        /// <summary>Matching rule code (e.g. ISBN); empty means no matching.</summary>
        public string Match { get; set; } = "";

        /// <summary><c>replace</c>, <c>create_new</c>, <c>ignore</c>.</summary>
        public string OverlayAction { get; set; } = "";

        /// <summary><c>create_new</c> or <c>ignore</c>.</summary>
        public string NomatchAction { get; set; } = "";

        public string ItemAction { get; set; } = "";

        public string Framework { get; set; } = "";

        public string OverlayFramework { get; set; } = "";

        /// <summary>Sent only when set (a newer daemon adds it).</summary>
        public string MarcModificationTemplateId { get; set; } = "";

        /// <summary>True for direct mode (records go into the catalogue, not a staged batch); svc/import_bib lower-cases the value.</summary>
        public bool IsDirect => string.Equals(ImportMode, "direct", System.StringComparison.OrdinalIgnoreCase);
    }
}
