namespace OclcCataloging.Search.Batch
{
    /// <summary>How a <see cref="BatchSearchSession"/> runs and what it writes.</summary>
    public sealed class BatchSearchOptions
    {
        /// <summary>Records to download per key and the too-many threshold (Connexion semantics).</summary>
        public BatchSearchLimits Limits { get; set; } = new BatchSearchLimits();

        /// <summary>
        /// The resume state file: every completed key's report row is appended to it as soon as the key is done.
        /// Deleted by <see cref="BatchSearchSession.Complete"/> when the run finished; kept when it stopped.
        /// Null = no resume support.
        /// </summary>
        public string? StatePath { get; set; }

        /// <summary>Continue the run recorded in <see cref="StatePath"/> (a missing state file starts a new run).
        /// Without it an existing state file is replaced: a new run.</summary>
        public bool Resume { get; set; }

        /// <summary>
        /// Folder for notfound.txt, toomany.txt and error.txt (Connexion's "keys to retain"): one key per line
        /// exactly as given, UTF-8 without BOM, re-readable as key input. Written by Complete for the whole run, so
        /// a new run overwrites them and a resumed run keeps the earlier sessions' keys (appends). Null = none.
        /// </summary>
        public string? RetainKeysDirectory { get; set; }

        /// <summary>The CSV report; the HTML summary is written next to it with the extension .html. Null = none.</summary>
        public string? ReportPath { get; set; }

        /// <summary>
        /// The sentence the HTML summary of a stopped run ends with: how to continue it. The caller words it (a cmdlet
        /// names its own parameter); the default names none.
        /// </summary>
        public string ResumeAdvice { get; set; } = "Resume the run to continue.";

        /// <summary>Keep downloaded records on each result (false for very large runs that stream records elsewhere).</summary>
        public bool IncludeRecordsInResults { get; set; } = true;

        /// <summary>The settings the HTML report lists under "Run" (key file, options), worded by the caller; never secrets.</summary>
        public System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>> ReportSettings { get; set; } =
            System.Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>();
    }
}
