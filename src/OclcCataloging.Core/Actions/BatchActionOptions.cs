namespace OclcCataloging.Actions
{
    /// <summary>How a <see cref="BatchActionSession"/> runs and what it writes.</summary>
    public sealed class BatchActionOptions
    {
        /// <summary>The resume state file (see docs/design/worldcat-record-actions.md). Null = no resume support.</summary>
        public string? StatePath { get; set; }

        /// <summary>Continue the run recorded in <see cref="StatePath"/> (a missing state file starts a new run).</summary>
        public bool Resume { get; set; }

        /// <summary>The CSV report; the HTML summary goes beside it with the extension .html. Null = none.</summary>
        public string? ReportPath { get; set; }

        /// <summary>Folder for notfound.txt, refused.txt, error.txt and unknown.txt. Null = none.</summary>
        public string? RetainDirectory { get; set; }

        /// <summary>What to check when an action's outcome is unknown (recorded before each write leaves).</summary>
        /// <summary>How a stopped run's summary page says to continue; worded by the caller (the cmdlet names its parameter).</summary>
        public string ResumeAdvice { get; set; } = "Resume the run to continue.";

        public string UnknownAdvice { get; set; } = "Check in WorldCat whether it was carried out.";
    }
}
