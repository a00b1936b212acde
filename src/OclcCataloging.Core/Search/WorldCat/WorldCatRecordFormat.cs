namespace OclcCataloging.Search.WorldCat
{
    /// <summary>How full records are downloaded from GET /manage/bibs/{ocn}.</summary>
    public enum WorldCatRecordFormat
    {
        /// <summary>Accept: application/marcxml+xml.</summary>
        MarcXml,
        /// <summary>Accept: application/marc (ISO 2709).</summary>
        Marc21,
    }
}
