namespace OclcCataloging.Marc
{
    /// <summary>The diagnostic codes of the MARC-in-JSON and MarcEdit text readers (stable: scripts match on them).</summary>
    public static class MarcTextFormatDiagnosticCodes
    {
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
