namespace OclcCataloging.Marc.Xml
{
    /// <summary>Settings for <see cref="MarcXmlReader"/>.</summary>
    public sealed class MarcXmlReaderOptions
    {
        /// <summary>
        /// Default true. A record that is not well-formed XML only because it contains characters XML 1.0 forbids
        /// (raw control characters such as U+0007, or bytes that are not valid in the document's encoding) is read
        /// anyway: the control characters are kept as characters, invalid bytes become U+FFFD, and the record carries
        /// <see cref="MarcDiagnosticCodes.XmlNotWellFormed"/> / <see cref="MarcDiagnosticCodes.XmlInvalidCharacter"/> /
        /// <see cref="MarcDiagnosticCodes.InvalidUtf8"/> warnings. When false such a record is returned as a
        /// <see cref="IO.MarcReadError"/>.
        /// </summary>
        public bool RepairInvalidCharacters { get; set; } = true;

        /// <summary>Leave the stream open when the reader is disposed. Default false.</summary>
        public bool LeaveOpen { get; set; }

        internal MarcXmlReaderOptions Clone() => (MarcXmlReaderOptions)MemberwiseClone();
    }
}
