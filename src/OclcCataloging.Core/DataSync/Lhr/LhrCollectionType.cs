namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>The kind of WorldCat data sync collection the LHRs are for (docs/design/data-sync.md).</summary>
    public enum LhrCollectionType
    {
        /// <summary>Replace-all per OCN: every LHR of a bib must be sent, in one file.</summary>
        LocalHoldings = 0,
        /// <summary>Names LHRs to remove; the full set is not needed.</summary>
        DeleteLocalHoldings,
    }
}
