namespace OclcCataloging.Search
{
    /// <summary>A fact about a search's outcome the user may need to act on (the cmdlet words it).</summary>
    public enum SearchAdvice
    {
        None = 0,

        /// <summary>
        /// An OCLC-number key found nothing in rec.id, the record's own id on most SRU servers: the server may index
        /// OCLC numbers (035) under another name, which the index map must give.
        /// </summary>
        OclcNumberSearchedInRecordId,
    }
}
