namespace OclcCataloging.Search
{
    /// <summary>The kinds of place Invoke-BatchSearch can search.</summary>
    public enum SearchTargetKind
    {
        /// <summary>WorldCat Metadata API v2 (OAuth client credentials).</summary>
        WorldCat,

        /// <summary>Any SRU server (versions 1.1, 1.2, 2.0), CQL built from an index map.</summary>
        Sru,

        /// <summary>Library of Congress authorities through id.loc.gov.</summary>
        IdLoc,
    }
}
