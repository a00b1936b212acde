using System;
using System.Collections.Generic;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>What each LHR rule checks, in one sentence, for summaries and reports (next to the rule id).</summary>
    public static class LhrRuleDescriptions
    {
        private static readonly Dictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
                { LhrRules.OcnMissing, "No OCLC number in the configured location (004, 014 $a with $b OCoLC, or 035 $a)." },
                { LhrRules.OcnInvalid, "The value in the configured location is not a valid OCLC number." },
                { LhrRules.OcnRepeated, "More than one OCN-bearing 004/014/035 with different numbers." },
                { LhrRules.OcnRepeatedSameNumber, "Two OCN-bearing fields with the same number." },
                { LhrRules.OcnOtherLocation, "An OCN in another location with a different number (competing). With the same number it is a warning." },
                { LhrRules.LeaderLength, "The leader as read was not 24 characters (the reader padded or cut it, warning InvalidLeader)." },
                { LhrRules.LeaderStructure, "Leader/10-11 must be 22 and 20-23 4500." },
                { LhrRules.LeaderHashForBlank, "'#' written for a blank in the leader." },
                { LhrRules.LeaderRecordStatus, "Leader/05 not c, d or n." },
                { LhrRules.LeaderStatusDeleted, "Leader/05 = d in an LHR or delete-LHR file." },
                { LhrRules.LeaderTypeOfRecord, "Leader/06 not x, y, v (or u)." },
                { LhrRules.LeaderTypeUnknown, "Leader/06 = u." },
                { LhrRules.LeaderEncodingLevel, "Leader/17 not 1-5, m, u, z." },
                { LhrRules.LeaderEncodingLevel1, "Leader/17 = 1 (OCLC wants level 2 or above)." },
                { LhrRules.LeaderItemInformation, "Leader/18 not i or n." },
                { LhrRules.Missing007, "No 007." },
                { LhrRules.Missing008, "No 008." },
                { LhrRules.Length008, "008 is not 32 characters." },
                { LhrRules.HashForBlank008, "'#' written for a blank in 008." },
                { LhrRules.DateEntered008, "008/00-05 date entered not yymmdd (yymm00 allowed)." },
                { LhrRules.ReceiptStatus008, "008/06 not 0-6." },
                { LhrRules.ExternalAccess008, "008/06 = 6 (external access, 2019)." },
                { LhrRules.AcquisitionMethod008, "008/07 method of acquisition." },
                { LhrRules.ExpectedEndDate008, "008/08-11 expected end date: yymm, uuuu or 4 blanks." },
                { LhrRules.RetentionPolicy008, "008/12 general retention policy 0-8." },
                { LhrRules.Completeness008, "008/16 completeness 0-4." },
                { LhrRules.LendingPolicy008, "008/20 lending policy a, b, c, l, u." },
                { LhrRules.ReproductionPolicy008, "008/21 reproduction policy a, b, u." },
                { LhrRules.FillPolicy008, "Fill character in 008/20 or 008/21." },
                { LhrRules.CopyReport008, "008/25 separate or composite copy report 0 or 1." },
                { LhrRules.ReportDate008, "008/26-31 date of report not yymmdd." },
                { LhrRules.Missing852, "No 852." },
                { LhrRules.Repeated852, "More than one 852 (copy-specific LHRs, 852 NR in the OCLC LHR format)." },
                { LhrRules.SubfieldRepeated852, "852 $a, $b, $c, $h or $t repeated." },
                { LhrRules.Indicator852, "852 first indicator not blank or 0-8." },
                { LhrRules.NoLocation852, "No 852 $a or $b to translate." },
                { LhrRules.NotTranslated852, "The 852 $a/$b/$c combination matches no row of the holdings translation table." },
                { LhrRules.Indicator, "An indicator outside the code list of 014, 035, 853-855, 863-868." },
                { LhrRules.SubfieldRepeated, "A non-repeatable subfield repeated in 014, 035, 853-855, 863-868." },
                { LhrRules.LinkMissing, "853-855/863-865 without $8." },
                { LhrRules.LinkNotFirst, "$8 is not the first subfield." },
                { LhrRules.LinkSyntax, "$8 not \"linking\" (853-855, 866-868) or \"linking.sequence\" (863-865) digits." },
                { LhrRules.LinkNoSequence, "863-865 $8 without sequence number (e.g. $81)." },
                { LhrRules.LinkSequenceInconsistent, "Fields of one linking number mix $8 with and without sequence." },
                { LhrRules.LinkDuplicatePattern, "Two 853/854/855 with the same linking number." },
                { LhrRules.LinkNoPattern, "863-865 whose linking number has no 853-855 (legal MFHD: captions not required)." },
                { LhrRules.FieldNotUsed, "A field OCLC's LHR format does not use; OCLC ignores it." },
                { LhrRules.RecordExcluded, "A leader/008 exclusion rule excludes the whole record." },
                { LhrRules.FieldExcluded, "A field exclusion rule drops the field from the translated LHR." },
                { LhrRules.FileOcnSplit, "LHRs of one OCLC number (compared numerically) are in more than one file." },
                { LhrRules.FileOcnLocationInconsistent, "Records in one file take their OCN from different locations." },
                { LhrRules.FileTooManyRecords, "More than 100,000 records in one file." },
                { LhrRules.FileTooLarge, "A file over 1 GB cannot go through My Files (use SFTP)." },
                { LhrRules.FileDuplicateLhr, "The same LHR (identical content) sent twice for one OCN." },
                { LhrRules.FileTooManyLhrsPerBib, "More than 10,000 LHRs for one OCN." },
                { LhrRules.FileDeleteAmbiguousTarget, "Delete-LHR records with the same OCN and translated 852 $b." },
                { LhrRules.TableColumnMissing, "A required column is missing." },
                { LhrRules.TableSymbol, "Out852a is empty." },
                { LhrRules.TableHoldingCode, "Out852b is not four characters of A-Z and 2-9." },
                { LhrRules.TableShelvingLocation, "Out852c longer than 150 characters or containing \"&\" or \"--\"." },
                { LhrRules.TableLendingPolicy, "Out008_20 not a, b, c, l, u (or empty)." },
                { LhrRules.TableReproductionPolicy, "Out008_21 not a, b, u (or empty)." },
                { LhrRules.TableDuplicateRow, "Two rows with the same In852a/b/c; the first one wins." },
        };

        /// <summary>The OCLC number form warnings (<see cref="Oclc.OclcNumberRules"/>) that LHR checks report.</summary>
        private static readonly Dictionary<string, string> OcnTexts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            { Oclc.OclcNumberRules.ShortOcm, "An ocm number with fewer than eight digits." },
            { Oclc.OclcNumberRules.PrefixDigitMismatch, "The ocm/ocn/on prefix does not fit the number of digits." },
            { Oclc.OclcNumberRules.Bare035Prefix, "An ocm/ocn/on number in 035 $a without (OCoLC)." },
            { Oclc.OclcNumberRules.TransactionDateIgnored, "A transaction date after the number was ignored." },
        };

        /// <summary>The description of <paramref name="ruleId"/>, or an empty string for a rule of another family (e.g. Ocn warnings).</summary>
        public static string Describe(string ruleId) => ruleId != null && (Texts.TryGetValue(ruleId, out string? text) || OcnTexts.TryGetValue(ruleId, out text)) ? text! : string.Empty;
    }
}
