namespace OclcCataloging.Marc
{
    /// <summary>
    /// The stable identifiers used in <see cref="MarcDiagnostic.Code"/> and in PowerShell error ids.
    /// Never change an existing value: scripts match on them.
    /// </summary>
    public static class MarcDiagnosticCodes
    {
        // Framing (ISO 2709)
        public const string RecordLengthMismatch = "RecordLengthMismatch";
        public const string RecordLengthNotNumeric = "RecordLengthNotNumeric";
        public const string OversizeRecord = "OversizeRecord";
        public const string MissingRecordTerminator = "MissingRecordTerminator";
        public const string JunkBetweenRecords = "JunkBetweenRecords";
        /// <summary>Bytes after the last record that belong to no record (NUL padding, a lone 0x1D, garbage).</summary>
        public const string JunkAfterLastRecord = "JunkAfterLastRecord";
        public const string TruncatedRecord = "TruncatedRecord";
        public const string UnreadableRecord = "UnreadableRecord";

        // Leader and directory
        public const string InvalidLeader = "InvalidLeader";
        /// <summary>Leader/20-23 (the entry map) is not MARC 21's <c>4500</c>; the directory is read as 4500 anyway.</summary>
        public const string EntryMapInvalid = "EntryMapInvalid";
        public const string BaseAddressInvalid = "BaseAddressInvalid";
        public const string DirectoryInvalid = "DirectoryInvalid";
        public const string DirectoryRebuilt = "DirectoryRebuilt";
        public const string FieldOffsetInvalid = "FieldOffsetInvalid";
        public const string OversizeField = "OversizeField";

        // Field content
        public const string MissingFieldTerminator = "MissingFieldTerminator";
        public const string MissingIndicators = "MissingIndicators";
        public const string DataBeforeFirstSubfield = "DataBeforeFirstSubfield";
        public const string InvalidSubfieldCode = "InvalidSubfieldCode";
        public const string EmptySubfieldCode = "EmptySubfieldCode";
        public const string InvalidTag = "InvalidTag";
        public const string InvalidUtf8 = "InvalidUtf8";

        // Character coding (leader/09, MARC-8)
        /// <summary>The bytes contradict leader/09 (e.g. well-formed UTF-8 in a record whose leader/09 says MARC-8).</summary>
        public const string EncodingMismatch = "EncodingMismatch";
        /// <summary>Encoding Auto decided on another encoding than leader/09 says; leader/09 was set to match.</summary>
        public const string EncodingDetected = "EncodingDetected";
        /// <summary>An explicit encoding overrode leader/09; leader/09 was set to match.</summary>
        public const string EncodingOverridden = "EncodingOverridden";
        /// <summary>A MARC-8 code with no mapping in the current character set (written as U+FFFD).</summary>
        public const string Marc8UnmappedCharacter = "Marc8UnmappedCharacter";
        /// <summary>An ESC that starts no valid MARC-8 escape sequence, or names an unknown set (ignored).</summary>
        public const string Marc8InvalidEscape = "Marc8InvalidEscape";
        /// <summary>A MARC-8 combining mark before a space (attached to the space).</summary>
        public const string Marc8CombiningBeforeSpace = "Marc8CombiningBeforeSpace";
        /// <summary>A MARC-8 combining mark at the end of a subfield, with no base character (kept after a space).</summary>
        public const string Marc8CombiningAtEnd = "Marc8CombiningAtEnd";
        /// <summary>More than 30 combining marks in a row: U+034F COMBINING GRAPHEME JOINER was put after every 30 (Unicode's stream-safe format).</summary>
        public const string Marc8LongCombiningRun = "Marc8LongCombiningRun";
        /// <summary>A byte inside an EACC run that starts no EACC character (read as ASCII).</summary>
        public const string Marc8AsciiInEacc = "Marc8AsciiInEacc";
        /// <summary>An EACC run that ends in the middle of a three-byte character (the bytes read as ASCII).</summary>
        public const string Marc8TruncatedEacc = "Marc8TruncatedEacc";
        /// <summary>A character without a MARC-8 code, written as the reference &amp;#xXXXX; (lossless).</summary>
        public const string Marc8CharacterReference = "Marc8CharacterReference";

        // XML
        public const string XmlNotWellFormed = "XmlNotWellFormed";
        public const string XmlInvalidRecord = "XmlInvalidRecord";
        public const string XmlInvalidCharacter = "XmlInvalidCharacter";
        /// <summary>An indicator that is not one printable ASCII character (e.g. <c>ind1="10"</c> in MARCXML).</summary>
        public const string InvalidIndicator = "InvalidIndicator";

        // Writing
        public const string RecordTooLong = "RecordTooLong";
        public const string FieldTooLong = "FieldTooLong";
        public const string CharacterNotEncodable = "CharacterNotEncodable";

        // MARC-in-JSON and MarcEdit text
        /// <summary>The JSON is not well-formed (the record is unreadable).</summary>
        public const string JsonSyntaxError = "JsonSyntaxError";

        /// <summary>A JSON value that is not a MARC-in-JSON record (not an object, or no leader and no fields).</summary>
        public const string JsonNotARecord = "JsonNotARecord";

        /// <summary>A member of a record, field or subfield list has an unexpected type or name; it was skipped or converted.</summary>
        public const string JsonUnexpectedValue = "JsonUnexpectedValue";

        /// <summary><c>^</c> or <c>#</c> read as blank in the leader, an indicator or 006/007/008.</summary>
        public const string BlankSubstitute = "BlankSubstitute";

        /// <summary>A MarcEdit text line that is not <c>=TAG  data</c> (kept out of the record).</summary>
        public const string MrkInvalidLine = "MrkInvalidLine";

        /// <summary>A <c>{name}</c> that is not a known mnemonic; the text was kept as written.</summary>
        public const string UnknownMnemonic = "UnknownMnemonic";
    }
}
