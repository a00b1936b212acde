using System;

namespace OclcCataloging.Marc.Xml
{
    /// <summary>
    /// What <see cref="MarcXmlWriter"/> does with a character that XML 1.0 cannot carry: the C0 controls other
    /// than tab, line feed and carriage return (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F), U+FFFE, U+FFFF and
    /// unpaired surrogates. XML 1.0 has no way to write them at all, not even as a character reference
    /// (<c>&amp;#x1B;</c> is not well-formed either). Bytes that are not valid UTF-8 in a UTF-8 record are
    /// handled by the same policy (they are not characters, so the only faithful-looking option is U+FFFD).
    /// Every occurrence is reported through <see cref="MarcXmlWriterOptions.Diagnostic"/>, whatever the policy.
    /// </summary>
    public enum InvalidXmlCharacterPolicy
    {
        /// <summary>
        /// Default: write U+FFFD (REPLACEMENT CHARACTER) instead and report the occurrence
        /// (<see cref="MarcDiagnosticCodes.XmlInvalidCharacter"/>, or <see cref="MarcDiagnosticCodes.InvalidUtf8"/> for bad
        /// UTF-8 bytes). The output stays well-formed XML; the character is lost, but never silently.
        /// </summary>
        Replace = 0,

        /// <summary>
        /// Refuse the record: <see cref="MarcXmlWriter.Write"/> throws <see cref="MarcEncodingException"/> and writes
        /// nothing of that record, so the output stays well-formed and the caller can skip or fix the record.
        /// </summary>
        Error,

        /// <summary>
        /// Write a numeric character reference (<c>&amp;#x1B;</c>). Lossless with this library's
        /// <see cref="MarcXmlReader"/>, which accepts such references, but the document is NOT well-formed XML 1.0:
        /// strict XML parsers (libxml2, yaz, Perl, Java) reject it. Use only for a MARCXML round trip through this
        /// library (for example to keep control characters of damaged records).
        /// Invalid UTF-8 bytes still become U+FFFD (they are not characters). Occurrences are still reported.
        /// </summary>
        CharacterReference,
    }

    /// <summary>Settings for <see cref="MarcXmlWriter"/>.</summary>
    public sealed class MarcXmlWriterOptions
    {
        /// <summary>Indent the output like <c>yaz-marcdump -o marcxml</c> (two blanks per level). Default true.
        /// When false, each record is written on one line.</summary>
        public bool Indent { get; set; } = true;

        /// <summary>Write <c>&lt;?xml version="1.0" encoding="UTF-8"?&gt;</c> first. Default true.</summary>
        public bool XmlDeclaration { get; set; } = true;

        /// <summary>What to do with characters XML 1.0 cannot carry. Default <see cref="InvalidXmlCharacterPolicy.Replace"/>.</summary>
        public InvalidXmlCharacterPolicy InvalidCharacters { get; set; } = InvalidXmlCharacterPolicy.Replace;

        /// <summary>
        /// Called once for every character that could not be written as it is (replaced, refused or written as a
        /// character reference), with the record being written. The writer also counts them in
        /// <see cref="MarcXmlWriter.InvalidCharacterCount"/>.
        /// </summary>
        public Action<MarcRecord, MarcDiagnostic>? Diagnostic { get; set; }

        /// <summary>Leave the stream open when the writer is disposed. Default false.</summary>
        public bool LeaveOpen { get; set; }

        internal MarcXmlWriterOptions Clone() => (MarcXmlWriterOptions)MemberwiseClone();
    }
}
