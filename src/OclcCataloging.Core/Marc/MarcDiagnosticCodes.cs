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
        public const string TruncatedRecord = "TruncatedRecord";
        public const string UnreadableRecord = "UnreadableRecord";

        // Leader and directory
        public const string InvalidLeader = "InvalidLeader";
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
    }
}
