using System;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Marc.IO
{
    /// <summary>Settings for <see cref="MarcFileWriter"/>.</summary>
    public sealed class MarcFileWriterOptions
    {
        /// <summary>
        /// <see cref="MarcFormat.Iso2709"/>, <see cref="MarcFormat.MarcXml"/>, <see cref="MarcFormat.Json"/>,
        /// <see cref="MarcFormat.Mrk"/> or <see cref="MarcFormat.Mrk8"/>; <see cref="MarcFormat.Auto"/>
        /// (the default) lets <see cref="MarcFileWriter.ChooseFormat"/> decide.
        /// </summary>
        public MarcFormat Format { get; set; } = MarcFormat.Auto;

        /// <summary>
        /// Add to the existing file instead of replacing it: ISO 2709, newline-delimited JSON and MarcEdit records are
        /// added at the end; MARCXML records are inserted before the closing <c>&lt;/collection&gt;</c> of the existing
        /// document, JSON array records before its closing <c>]</c>.
        /// </summary>
        public bool Append { get; set; }

        /// <summary>Replace (or append to) a read-only file; the new file is made read-only again.</summary>
        public bool ReplaceReadOnly { get; set; }

        /// <summary>What to do with records too long for ISO 2709.</summary>
        public OversizePolicy OversizePolicy { get; set; } = OversizePolicy.Error;

        /// <summary>What to do with characters MARCXML cannot carry.</summary>
        public InvalidXmlCharacterPolicy InvalidXmlCharacters { get; set; } = InvalidXmlCharacterPolicy.Replace;

        /// <summary>
        /// MARC-in-JSON: write one JSON array instead of newline-delimited JSON (the default). When appending, the
        /// existing file decides: records go inside its array, or are added as lines.
        /// </summary>
        public bool JsonArray { get; set; }

        /// <summary>Indent MARCXML output. Default true.</summary>
        public bool IndentXml { get; set; } = true;

        /// <summary>
        /// Called for each problem a writer reports while still writing the record (a truncated oversize record,
        /// a character replaced in MARCXML), with the record concerned when the writer names it.
        /// </summary>
        public Action<MarcRecord?, MarcDiagnostic>? Diagnostic { get; set; }
    }
}
