namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>What an OCLC data sync file name names.</summary>
    public enum DataSyncFileKind
    {
        /// <summary>Not a name pattern OCLC documents.</summary>
        Unknown = 0,
        /// <summary>A file you upload: collectionId.SYMBOL[...].ext</summary>
        Upload,
        /// <summary>An output file of records: metacoll.SYMBOL.designation.Dyyyymmdd.Thhmmss.n.ext</summary>
        Output,
        /// <summary>A report in an output folder: metacoll.SYMBOL.datasync....Dyyyymmdd.Thhmmss.report.n.mrc.txt</summary>
        OutputReport,
        /// <summary>A My Files report: SENDER-COLLSYM.collectionId.BIB|LHR.Dyyyymmdd.Thhmmssfff.original.report.txt</summary>
        MyFilesReport,
        /// <summary>
        /// A bibliographic cross reference report: metacoll.SYMBOL.datasync.ID.D....T....xrefrpt.txt, or a My Files report
        /// named ...BibCrossRefReport.txt (its other parts are read as for <see cref="MyFilesReport"/>).
        /// </summary>
        CrossReferenceReport,
        /// <summary>The Local Holdings Offline Product: metacoll.SYMBOL.lhop.Dyyyymmdd.Thhmmss.csv</summary>
        LocalHoldingsOfflineProduct,
    }

    /// <summary>The frequency letter before the date of an output file name.</summary>
    public enum DataSyncFrequency
    {
        None = 0,
        Daily,
        Weekly,
        Monthly,
        Quarterly,
    }
}
