namespace OclcCataloging.Ils.Alma
{
    /// <summary>Alma's predefined merge methods for records from OCLC Connexion (the existing Alma record is primary).</summary>
    public enum AlmaMergeMethod
    {
        /// <summary>"Replace 245 and 035 (OCLC) if exist".</summary>
        Replace245And035,
        /// <summary>"Overlay all fields but local".</summary>
        OverlayAllFieldsButLocal,
        /// <summary>"Keep only old value" (MergeNoChangeToOldValue).</summary>
        KeepOnlyOldValue,
        /// <summary>"Conditional subject headings".</summary>
        ConditionalSubjectHeadings,
    }

    /// <summary>
    /// How to read "Replace 245 and 035 (OCLC) if exist", whose published description contradicts its name:
    /// <see cref="ByName"/> replaces only 245 and the OCLC 035s; <see cref="AsDescribed"/> takes every incoming field
    /// and keeps the existing 001, 245 and OCLC 035s beside the incoming 245 and 035s.
    /// </summary>
    public enum Replace245Reading
    {
        ByName,
        AsDescribed,
    }

    /// <summary>What to do under the older-version guard when either record has no usable 005.</summary>
    public enum MissingVersionPolicy
    {
        Allow,
        Block,
    }

    public enum AlmaMergeOutcome
    {
        Merged,
        /// <summary>The existing record has a higher brief level than the incoming one.</summary>
        BlockedBriefLevel,
        /// <summary>The incoming record's 005 is older than the existing record's.</summary>
        BlockedOlderVersion,
        /// <summary>No existing record matched: Alma would import the record as new (or not at all, by profile).</summary>
        NoMatch,
    }
}
