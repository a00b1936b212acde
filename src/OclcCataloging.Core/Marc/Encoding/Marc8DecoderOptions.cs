namespace OclcCataloging.Marc
{
    /// <summary>Unicode normalisation applied to text decoded from MARC-8.</summary>
    public enum Marc8Normalization
    {
        /// <summary>NFC (precomposed where Unicode has a precomposed character). The default.</summary>
        Nfc = 0,
        /// <summary>NFD (base letters followed by combining marks, as MARC-8 stores them).</summary>
        Nfd,
        /// <summary>No normalisation: the characters exactly as mapped by LC's table, marks after their base.</summary>
        None,
    }

    /// <summary>Settings for <see cref="Marc8Decoder"/>.</summary>
    public sealed class Marc8DecoderOptions
    {
        /// <summary>Normalisation of the decoded text. Default <see cref="Marc8Normalization.Nfc"/>.</summary>
        public Marc8Normalization Normalization { get; set; } = Marc8Normalization.Nfc;

        /// <summary>
        /// Decode LC's numeric character references <c>&amp;#xXXXX;</c> (written for characters MARC-8 lacks) back to
        /// the character. Only well-formed references (1-6 hex digits, a Unicode scalar value, not a control
        /// character XML cannot carry) in Basic Latin text are decoded. Default true.
        /// </summary>
        public bool DecodeCharacterReferences { get; set; } = true;

        /// <summary>
        /// Carry the escape state across subfield delimiters within a field (default true; yaz and pymarc do,
        /// MARC::Charset and marc4j reset it per subfield). OCLC exports continue EACC text in the next subfield
        /// without a new escape sequence; resetting would turn it into ASCII garbage.
        /// </summary>
        public bool CarryStateAcrossSubfields { get; set; } = true;

        internal static readonly Marc8DecoderOptions Default = new Marc8DecoderOptions();
    }
}
