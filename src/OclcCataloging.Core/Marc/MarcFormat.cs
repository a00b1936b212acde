namespace OclcCataloging.Marc
{
    /// <summary>Serialisation formats the core can read or write.</summary>
    public enum MarcFormat
    {
        /// <summary>Decide by looking at the content (never the file name).</summary>
        Auto = 0,
        /// <summary>ISO 2709 / Z39.2 binary MARC ("MARC 21 communications format").</summary>
        Iso2709,
        /// <summary>MARC 21 XML (MARCXML), namespace http://www.loc.gov/MARC21/slim.</summary>
        MarcXml,
        /// <summary>MARC-in-JSON (Ross Singer's "fields" array flavour): one document, a JSON array, or newline-delimited JSON.</summary>
        Json,
        /// <summary>MarcEdit / LC MARCMaker mnemonic text (.mrk): ASCII, MARC-8 characters as mnemonics such as <c>{acute}</c>.</summary>
        Mrk,
        /// <summary>MarcEdit mnemonic text in UTF-8 (.mrk8).</summary>
        Mrk8,
    }
}
