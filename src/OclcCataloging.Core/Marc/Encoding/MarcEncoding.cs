namespace OclcCataloging.Marc
{
    /// <summary>How the character coding of ISO 2709 records is decided (<see cref="Iso2709.Iso2709ReaderOptions.Encoding"/>).</summary>
    public enum MarcEncoding
    {
        /// <summary>
        /// Default: leader/09 decides ('a' UTF-8, anything else MARC-8) and the bytes are verified: a record whose
        /// leader/09 says UTF-8 but whose bytes are not well-formed UTF-8 gets <c>InvalidUtf8</c>; one whose leader/09
        /// says MARC-8 but whose data is well-formed UTF-8 with multi-byte characters and no escape sequence gets
        /// <c>EncodingMismatch</c>. The record is read as leader/09 says either way, so its bytes are written back unchanged.
        /// </summary>
        Leader = 0,

        /// <summary>
        /// Detect per record with <see cref="MarcEncodingDetector"/>: well-formed UTF-8 with non-ASCII bytes and no
        /// escape sequence is UTF-8; escape sequences or bytes that are not well-formed UTF-8 are MARC-8; pure ASCII
        /// follows leader/09. When the decision differs from leader/09, leader/09 is set to match ('a' or blank) and
        /// the record gets <c>EncodingDetected</c> saying what was decided and why.
        /// </summary>
        Auto,

        /// <summary>Read every record as UTF-8; leader/09 is set to 'a' (warning <c>EncodingOverridden</c> when it was not).</summary>
        Utf8,

        /// <summary>Read every record as MARC-8; leader/09 is set to blank (warning <c>EncodingOverridden</c> when it was not).</summary>
        Marc8,
    }
}
