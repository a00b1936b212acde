namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>
    /// Stable ids of the upload file name rules (docs/design/data-sync.md). Never change an existing value.
    /// </summary>
    public static class DataSyncFileNameRules
    {
        /// <summary>Error: the first element must be the 7-digit data sync collection ID, followed by a period.</summary>
        public const string CollectionId = "FileNameCollectionId";
        /// <summary>Error: the second element must be the OCLC institution symbol, preceded and followed by a period.</summary>
        public const string Symbol = "FileNameSymbol";
        /// <summary>Error (decision 9, docs/design/data-sync.md): the extension must be mrc, xml or csv.</summary>
        public const string Extension = "FileNameExtension";
        /// <summary>Error: no period, dash or underscore at the beginning of the name.</summary>
        public const string LeadingCharacter = "FileNameLeadingCharacter";
        /// <summary>Error: no spaces or other non-alphanumeric characters.</summary>
        public const string DisallowedCharacter = "FileNameDisallowedCharacter";
        /// <summary>Error: two periods in a row (an empty element).</summary>
        public const string EmptyElement = "FileNameEmptyElement";
        /// <summary>Warning (decision 10, docs/design/data-sync.md): a raw @, $ or # that OCLC converts to _64, _36, _35.</summary>
        public const string ControlCharacter = "FileNameControlCharacter";
        /// <summary>Warning (decision 11, docs/design/data-sync.md): a dash or underscore inside the name (other than a converted _64/_36/_35).</summary>
        public const string InternalDashOrUnderscore = "FileNameInternalDashOrUnderscore";
        /// <summary>Warning (decision 12, docs/design/data-sync.md): the symbol is not in upper case.</summary>
        public const string LowerCaseSymbol = "FileNameLowerCaseSymbol";
        /// <summary>Warning: the name was already given earlier in the same batch; OCLC keeps only the last file of a day with one name.</summary>
        public const string DuplicateName = "FileNameDuplicate";
    }
}
