namespace OclcCataloging.DataSync.Reports
{
    /// <summary>How a report row was read.</summary>
    public enum DataSyncReportLayout
    {
        /// <summary>A layout not documented: the row's columns as written (tab- or comma-separated, or the whole line).</summary>
        Raw = 0,
        /// <summary>The bibliographic cross reference report: tab-delimited, no header, LSN then OCN.</summary>
        CrossReference,
    }
}
