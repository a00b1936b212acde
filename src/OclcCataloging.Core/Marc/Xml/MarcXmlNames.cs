namespace OclcCataloging.Marc.Xml
{
    /// <summary>Namespaces and element names of MARC 21 XML.</summary>
    public static class MarcXmlNames
    {
        /// <summary>The MARCXML namespace (MARC 21 slim schema).</summary>
        public const string Namespace = "http://www.loc.gov/MARC21/slim";

        /// <summary>MarcXchange (ISO 25577) version 1; same structure as MARCXML, read as well.</summary>
        public const string MarcXchangeV1Namespace = "info:lc/xmlns/marcxchange-v1";

        /// <summary>MarcXchange (ISO 25577) version 2; read as well.</summary>
        public const string MarcXchangeV2Namespace = "info:lc/xmlns/marcxchange-v2";

        internal const string Collection = "collection";
        internal const string Record = "record";
        internal const string Leader = "leader";
        internal const string ControlField = "controlfield";
        internal const string DataField = "datafield";
        internal const string Subfield = "subfield";

        internal static bool IsMarcNamespace(string ns)
        {
            return ns == Namespace || ns == MarcXchangeV1Namespace || ns == MarcXchangeV2Namespace;
        }
    }
}
