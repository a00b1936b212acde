namespace OclcCataloging.Search
{
    /// <summary>The abstract index a term searches; each target maps it to its own query language.</summary>
    public enum SearchIndex
    {
        OclcNumber,
        Isbn,
        Issn,
        Lccn,
        Title,
        Author,
        Subject,
        Keyword,
        /// <summary>Authority heading (whole heading or derived parts of one).</summary>
        Heading,
        PersonalName,
        CorporateName,
        /// <summary>Authority record number (an:).</summary>
        AuthorityRecordNumber,
    }
}
