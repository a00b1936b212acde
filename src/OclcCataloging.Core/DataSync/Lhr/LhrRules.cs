namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>
    /// Stable ids of the LHR data sync rules (docs/design/data-sync.md). Ids are descriptive PascalCase with a prefix for
    /// the family: Lhr (record), LhrFile (across the input), Table (translation table), Ocn (OCLC number parsing,
    /// see <see cref="Oclc.OclcNumberRules"/>). Scripts match on them: never change an existing value.
    /// The comment gives the severity; the rules and decisions are explained in docs/design/data-sync.md.
    /// </summary>
    public static class LhrRules
    {
        // ---- OCLC number
        /// <summary>Error: no OCLC number in the configured location (004, 014 $a with $b OCoLC, or 035 $a).</summary>
        public const string OcnMissing = "LhrOcnMissing";
        /// <summary>Error: the value in the configured location is not a valid OCLC number.</summary>
        public const string OcnInvalid = "LhrOcnInvalid";
        /// <summary>Error: more than one OCN-bearing 004/014/035 with different numbers.</summary>
        public const string OcnRepeated = "LhrOcnRepeated";
        /// <summary>Error by default, warning with AllowRepeatedSameOcn (decision 6, docs/design/oclc-numbers.md): two OCN-bearing fields with the same number.</summary>
        public const string OcnRepeatedSameNumber = "LhrOcnRepeatedSameNumber";
        /// <summary>Error: an OCN in another location with a different number (competing).
        /// With the same number it is a warning.</summary>
        public const string OcnOtherLocation = "LhrOcnOtherLocation";

        // ---- Leader
        /// <summary>Error: the leader as read was not 24 characters (the reader padded or cut it, warning InvalidLeader).</summary>
        public const string LeaderLength = "LhrLeaderLength";
        /// <summary>Error: leader/10-11 must be 22 and 20-23 4500.</summary>
        public const string LeaderStructure = "LhrLeaderStructure";
        /// <summary>Error: '#' written for a blank in the leader.</summary>
        public const string LeaderHashForBlank = "LhrLeaderHashForBlank";
        /// <summary>Error: leader/05 not c, d or n.</summary>
        public const string LeaderRecordStatus = "LhrLeaderRecordStatus";
        /// <summary>Warning (decision 17, docs/design/data-sync.md): leader/05 = d in an LHR or delete-LHR file.</summary>
        public const string LeaderStatusDeleted = "LhrLeaderStatusDeleted";
        /// <summary>Error: leader/06 not x, y, v (or u).</summary>
        public const string LeaderTypeOfRecord = "LhrLeaderTypeOfRecord";
        /// <summary>Warning (decision 7, docs/design/data-sync.md): leader/06 = u.</summary>
        public const string LeaderTypeUnknown = "LhrLeaderTypeUnknown";
        /// <summary>Error: leader/17 not 1-5, m, u, z.</summary>
        public const string LeaderEncodingLevel = "LhrLeaderEncodingLevel";
        /// <summary>Warning (decision 8, docs/design/data-sync.md): leader/17 = 1 (OCLC wants level 2 or above).</summary>
        public const string LeaderEncodingLevel1 = "LhrLeaderEncodingLevel1";
        /// <summary>Error: leader/18 not i or n.</summary>
        public const string LeaderItemInformation = "LhrLeaderItemInformation";

        // ---- 007/008
        /// <summary>Warning (decision 15, docs/design/data-sync.md): no 007.</summary>
        public const string Missing007 = "Lhr007Missing";
        /// <summary>Warning (decision 15, docs/design/data-sync.md): no 008.</summary>
        public const string Missing008 = "Lhr008Missing";
        /// <summary>Error: 008 is not 32 characters.</summary>
        public const string Length008 = "Lhr008Length";
        /// <summary>Error: '#' written for a blank in 008.</summary>
        public const string HashForBlank008 = "Lhr008HashForBlank";
        /// <summary>Error: 008/00-05 date entered not yymmdd (yymm00 allowed).</summary>
        public const string DateEntered008 = "Lhr008DateEntered";
        /// <summary>Error: 008/06 not 0-6.</summary>
        public const string ReceiptStatus008 = "Lhr008ReceiptStatus";
        /// <summary>Warning (decision 13, docs/design/data-sync.md): 008/06 = 6 (external access, 2019).</summary>
        public const string ExternalAccess008 = "Lhr008ExternalAccess";
        /// <summary>Error: 008/07 method of acquisition.</summary>
        public const string AcquisitionMethod008 = "Lhr008AcquisitionMethod";
        /// <summary>Error: 008/08-11 expected end date: yymm, uuuu or 4 blanks.</summary>
        public const string ExpectedEndDate008 = "Lhr008ExpectedEndDate";
        /// <summary>Error: 008/12 general retention policy 0-8.</summary>
        public const string RetentionPolicy008 = "Lhr008RetentionPolicy";
        /// <summary>Error: 008/16 completeness 0-4.</summary>
        public const string Completeness008 = "Lhr008Completeness";
        /// <summary>Error: 008/20 lending policy a, b, c, l, u.</summary>
        public const string LendingPolicy008 = "Lhr008LendingPolicy";
        /// <summary>Error: 008/21 reproduction policy a, b, u.</summary>
        public const string ReproductionPolicy008 = "Lhr008ReproductionPolicy";
        /// <summary>Warning (decision 14, docs/design/data-sync.md): fill character in 008/20 or 008/21.</summary>
        public const string FillPolicy008 = "Lhr008FillPolicy";
        /// <summary>Error: 008/25 separate or composite copy report 0 or 1.</summary>
        public const string CopyReport008 = "Lhr008CopyReport";
        /// <summary>Error: 008/26-31 date of report not yymmdd.</summary>
        public const string ReportDate008 = "Lhr008ReportDate";

        // ---- 852
        /// <summary>Error: no 852.</summary>
        public const string Missing852 = "Lhr852Missing";
        /// <summary>Error: more than one 852 (copy-specific LHRs, 852 NR in the OCLC LHR format).</summary>
        public const string Repeated852 = "Lhr852Repeated";
        /// <summary>Error: 852 $a, $b, $c, $h or $t repeated.</summary>
        public const string SubfieldRepeated852 = "Lhr852SubfieldRepeated";
        /// <summary>Error: 852 first indicator not blank or 0-8.</summary>
        public const string Indicator852 = "Lhr852Indicator";
        /// <summary>Error: no 852 $a or $b to translate.</summary>
        public const string NoLocation852 = "Lhr852NoLocation";
        /// <summary>Error: the 852 $a/$b/$c combination matches no row of the holdings translation table.</summary>
        public const string NotTranslated852 = "Lhr852NotTranslated";

        // ---- MFHD fields
        /// <summary>Error: an indicator outside the code list of 014, 035, 853-855, 863-868.</summary>
        public const string Indicator = "LhrIndicator";
        /// <summary>Error: a non-repeatable subfield repeated in 014, 035, 853-855, 863-868.</summary>
        public const string SubfieldRepeated = "LhrSubfieldRepeated";
        /// <summary>Error: 853-855/863-865 without $8.</summary>
        public const string LinkMissing = "LhrLinkMissing";
        /// <summary>Error: $8 is not the first subfield.</summary>
        public const string LinkNotFirst = "LhrLinkNotFirst";
        /// <summary>Error: $8 not "linking" (853-855, 866-868) or "linking.sequence" (863-865) digits.</summary>
        public const string LinkSyntax = "LhrLinkSyntax";
        /// <summary>Warning (decision 16, docs/design/data-sync.md): 863-865 $8 without sequence number (e.g. $81).</summary>
        public const string LinkNoSequence = "LhrLinkNoSequence";
        /// <summary>Warning: fields of one linking number mix $8 with and without sequence.</summary>
        public const string LinkSequenceInconsistent = "LhrLinkSequenceInconsistent";
        /// <summary>Error: two 853/854/855 with the same linking number.</summary>
        public const string LinkDuplicatePattern = "LhrLinkDuplicatePattern";
        /// <summary>Warning: 863-865 whose linking number has no 853-855 (legal MFHD: captions not required).</summary>
        public const string LinkNoPattern = "LhrLinkNoPattern";
        /// <summary>Warning: a field OCLC's LHR format does not use; OCLC ignores it.</summary>
        public const string FieldNotUsed = "LhrFieldNotUsed";

        // ---- Exclusion
        /// <summary>Information: a leader/008 exclusion rule excludes the whole record.</summary>
        public const string RecordExcluded = "LhrRecordExcluded";
        /// <summary>Information: a field exclusion rule drops the field from the translated LHR.</summary>
        public const string FieldExcluded = "LhrFieldExcluded";

        // ---- Across the input
        /// <summary>Error: LHRs of one OCLC number (compared numerically) are in more than one file.</summary>
        public const string FileOcnSplit = "LhrFileOcnSplit";
        /// <summary>Error: records in one file take their OCN from different locations.</summary>
        public const string FileOcnLocationInconsistent = "LhrFileOcnLocationInconsistent";
        /// <summary>Error: more than 100,000 records in one file.</summary>
        public const string FileTooManyRecords = "LhrFileTooManyRecords";
        /// <summary>Warning: a file over 1 GB cannot go through My Files (use SFTP).</summary>
        public const string FileTooLarge = "LhrFileTooLarge";
        /// <summary>Warning: the same LHR (identical content) sent twice for one OCN.</summary>
        public const string FileDuplicateLhr = "LhrFileDuplicateLhr";
        /// <summary>Error: more than 10,000 LHRs for one OCN.</summary>
        public const string FileTooManyLhrsPerBib = "LhrFileTooManyLhrsPerBib";
        /// <summary>Warning (decision 18, docs/design/data-sync.md): delete-LHR records with the same OCN and translated 852 $b.</summary>
        public const string FileDeleteAmbiguousTarget = "LhrFileDeleteAmbiguousTarget";

        // ---- Translation table
        /// <summary>Error: a required column is missing.</summary>
        public const string TableColumnMissing = "TableColumnMissing";
        /// <summary>Error: Out852a is empty.</summary>
        public const string TableSymbol = "TableSymbol";
        /// <summary>Error: Out852b is not four characters of A-Z and 2-9.</summary>
        public const string TableHoldingCode = "TableHoldingCode";
        /// <summary>Error: Out852c longer than 150 characters or containing "&amp;" or "--".</summary>
        public const string TableShelvingLocation = "TableShelvingLocation";
        /// <summary>Error: Out008_20 not a, b, c, l, u (or empty).</summary>
        public const string TableLendingPolicy = "TableLendingPolicy";
        /// <summary>Error: Out008_21 not a, b, u (or empty).</summary>
        public const string TableReproductionPolicy = "TableReproductionPolicy";
        /// <summary>Warning: two rows with the same In852a/b/c; the first one wins.</summary>
        public const string TableDuplicateRow = "TableDuplicateRow";
    }
}
