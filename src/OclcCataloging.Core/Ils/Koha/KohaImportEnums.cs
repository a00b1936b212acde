namespace OclcCataloging.Ils.Koha
{
    /// <summary>Koha's overlay_action: what to do with a record that matched one in the catalog.</summary>
    public enum KohaOverlayAction
    {
        Replace,
        CreateNew,
        /// <summary>Accepted by the database; Koha never implemented it.</summary>
        UseTemplate,
        Ignore,
    }

    /// <summary>Koha's nomatch_action: what to do with a record that matched nothing.</summary>
    public enum KohaNomatchAction
    {
        CreateNew,
        Ignore,
    }

    /// <summary>Koha's item_action: what to do with the record's embedded 952 items.</summary>
    public enum KohaItemAction
    {
        AlwaysAdd,
        AddOnlyForMatches,
        AddOnlyForNew,
        Ignore,
        /// <summary>Newer Koha versions only.</summary>
        Replace,
    }

    /// <summary>Koha's import_mode: stage only, or stage and commit at once.</summary>
    public enum KohaImportMode
    {
        Stage,
        Direct,
    }

    /// <summary>The matcher's verdict on a staged record (import_records.overlay_status).</summary>
    public enum KohaMatchStatus
    {
        NoMatch,
        AutoMatch,
        ManualMatch,
    }

    /// <summary>What committing a staged bib or item does.</summary>
    public enum KohaRecordAction
    {
        CreateNew,
        Replace,
        Ignore,
        /// <summary>overlay_action use_template: nothing happens, Koha has no code for it.</summary>
        UseTemplate,
    }

    /// <summary>
    /// Which version of Koha's commit decision to follow: <see cref="OverlayStatusFirst"/> (the documented
    /// _get_commit_action: overlay_status decides, then the best match) or <see cref="BestMatchFirst"/> (a newer
    /// variant: whether a best match exists decides).
    /// </summary>
    public enum KohaDecisionVariant
    {
        OverlayStatusFirst,
        BestMatchFirst,
    }
}
