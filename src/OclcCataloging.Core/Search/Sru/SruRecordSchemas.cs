namespace OclcCataloging.Search.Sru
{
    /// <summary>
    /// The names SRU servers give MARCXML in recordSchema= (the only schema the batch search reads): the short name
    /// Zebra, Koha and the Library of Congress use, and the SRU standard's identifier.
    /// </summary>
    public static class SruRecordSchemas
    {
        public const string MarcXml = "marcxml";

        public const string MarcXmlIdentifier = "info:srw/schema/1/marcxml-v1.1";

        public static readonly string[] All = { MarcXml, MarcXmlIdentifier };
    }
}
