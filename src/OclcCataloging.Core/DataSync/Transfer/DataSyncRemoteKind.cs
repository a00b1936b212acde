namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>Which of OCLC's output files a listing wants.</summary>
    public enum DataSyncRemoteKind
    {
        /// <summary>Records and reports.</summary>
        All = 0,
        /// <summary>Record files of any designation.</summary>
        Records,
        /// <summary>New records (designation "new").</summary>
        New,
        /// <summary>Updated records (designation "updates").</summary>
        Updates,
        /// <summary>Deleted records (designation "deletes").</summary>
        Deletes,
        /// <summary>Reports: output reports, My Files reports, cross reference reports.</summary>
        Reports,
    }
}
