namespace OclcCataloging.Oclc
{
    /// <summary>
    /// Stable identifiers of the OCLC number rules (docs/design/oclc-numbers.md). Scripts match on them:
    /// never change an existing value. Errors make a value invalid; warnings keep it valid.
    /// </summary>
    public static class OclcNumberRules
    {
        /// <summary>Error: the record has no OCLC number candidate at the location searched.</summary>
        public const string NotFound = "OcnNotFound";
        /// <summary>Error: the value holds no digits, or characters other than digits after the prefix.</summary>
        public const string NotNumeric = "OcnNotNumeric";
        /// <summary>Error: the number is zero.</summary>
        public const string Zero = "OcnZero";
        /// <summary>Error: more than 18 digits; no OCLC number is that long.</summary>
        public const string TooLong = "OcnTooLong";
        /// <summary>Error: another institution's prefix, e.g. (OCoLC-M) or (NjP): not an OCLC number.</summary>
        public const string OtherInstitutionPrefix = "OcnOtherInstitutionPrefix";
        /// <summary>Error: an unprefixed number where the location needs a prefix (001 without 003 OCoLC, 035 $a without (OCoLC)).</summary>
        public const string PrefixRequired = "OcnPrefixRequired";
        /// <summary>Error: 035 $z holds a cancelled or invalid number; it is never the record's OCN.</summary>
        public const string CancelledNumber = "OcnCancelled035z";
        /// <summary>Warning (decision 2, docs/design/oclc-numbers.md): ocm/ocl7 with fewer than 8 digits, e.g. ocm0012345.</summary>
        public const string ShortOcm = "OcnOcmShort";
        /// <summary>Warning (decision 4, docs/design/oclc-numbers.md): prefix does not match the digit count, e.g. ocn12345678.</summary>
        public const string PrefixDigitMismatch = "OcnPrefixDigitMismatch";
        /// <summary>Warning (decision 5, docs/design/oclc-numbers.md): ocm/ocn/on without (OCoLC) in 035 $a.</summary>
        public const string Bare035Prefix = "Ocn035WithoutOCoLC";
        /// <summary>Warning: a historical 001 transaction date after the number (ocm0012345 800630) was ignored.</summary>
        public const string TransactionDateIgnored = "OcnTransactionDateIgnored";
    }
}
