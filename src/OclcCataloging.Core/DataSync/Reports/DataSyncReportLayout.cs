namespace OclcCataloging.DataSync.Reports
{
    /// <summary>How a report row was read (docs/design/data-sync-transfer.md, "Reports").</summary>
    public enum DataSyncReportLayout
    {
        /// <summary>A layout not documented: the row's columns as written (tab-, pipe- or comma-separated, or the whole line).</summary>
        Raw = 0,
        /// <summary>The bibliographic cross reference report (xrefrpt, BibCrossRefReport): tab-delimited, no header, LSN then OCN.</summary>
        CrossReference,
        /// <summary>The bibliographic unresolved cross reference report (BibUnresolvedCrossRefReport): tab-delimited, LSN then OCN.</summary>
        UnresolvedCrossReference,
        /// <summary>The bibliographic processing report (BibProcessingReport): pipe-delimited, no header.</summary>
        BibliographicProcessing,
        /// <summary>The bibliographic exception report (BibExceptionReport): pipe-delimited, no header.</summary>
        BibliographicException,
    }
}
