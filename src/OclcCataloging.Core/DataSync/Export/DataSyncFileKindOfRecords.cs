namespace OclcCataloging.DataSync.Export
{
    /// <summary>What a data sync upload file carries.</summary>
    public enum DataSyncRecordKind
    {
        /// <summary>Bibliographic records: split by count and size only.</summary>
        Bibliographic = 0,
        /// <summary>Local holdings records: every LHR of one OCN stays in one file.</summary>
        LocalHoldings,
    }
}
