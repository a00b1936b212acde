namespace OclcCataloging.Search.WorldCat
{
    /// <summary>Metadata API v2 paths and paging constants used by the search target.</summary>
    public static class WorldCatApi
    {
        public const string BriefBibsPath = "search/brief-bibs";
        public const string BibPathPrefix = "manage/bibs/";

        /// <summary>brief-bibs "maximum 50".</summary>
        public const int MaxPageSize = 50;

        /// <summary>
        /// Offset of the first record. The spec says 0-based; bookops and community code page 1, 51, 101 (doc §8 Q1).
        /// 0 is the safe choice: the first page is requested without offset (the server's default start in either
        /// base), and on a 1-based server a later page merely repeats one record, which the target drops by OCN,
        /// whereas assuming 1-based on a 0-based server would silently skip records.
        /// </summary>
        public const int OffsetBase = 0;

        public const string MarcXmlMediaType = "application/marcxml+xml";
        public const string Marc21MediaType = "application/marc";
    }
}
