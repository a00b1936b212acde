using System;
using System.Collections.Generic;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>Every validation rule, with its stable id (docs/design/marc-validation.md lists what each checks).</summary>
    public static class MarcRuleCatalog
    {
        public const string ReaderDiagnostic = "ReaderDiagnostic";
        public const string LeaderStatus = "LeaderStatus";
        public const string LeaderType = "LeaderType";
        public const string LeaderBibLevel = "LeaderBibLevel";
        public const string LeaderCodingScheme = "LeaderCodingScheme";
        public const string LeaderStructure = "LeaderStructure";
        public const string LeaderEncodingLevel = "LeaderEncodingLevel";
        public const string FixedFieldMissing = "FixedFieldMissing";
        public const string FixedFieldLength = "FixedFieldLength";
        public const string FixedFieldDate = "FixedFieldDate";
        public const string FixedFieldValue = "FixedFieldValue";
        public const string FixedFieldLanguage = "FixedFieldLanguage";
        public const string RequiredField = "RequiredField";
        public const string MainEntryCount = "MainEntryCount";
        public const string FieldNotRepeatable = "FieldNotRepeatable";
        public const string ControlCharacter = "ControlCharacter";
        public const string EncodingMismatch = "EncodingMismatch";
        public const string LoneCombiningMark = "LoneCombiningMark";
        public const string TagUndefined = "TagUndefined";
        public const string TagObsolete = "TagObsolete";
        public const string Linkage880 = "Linkage880";
        public const string IndicatorInvalid = "IndicatorInvalid";
        public const string SubfieldUndefined = "SubfieldUndefined";
        public const string SubfieldNotRepeatable = "SubfieldNotRepeatable";
        public const string IsbnCharacters = "IsbnCharacters";
        public const string IsbnQualifierSpacing = "IsbnQualifierSpacing";
        public const string IsbnLength = "IsbnLength";
        public const string IsbnCheckDigit = "IsbnCheckDigit";
        public const string IsbnCanceledValid = "IsbnCanceledValid";
        public const string LanguageCodeLength = "LanguageCodeLength";
        public const string LanguageCode = "LanguageCode";
        public const string GeographicCodeLength = "GeographicCodeLength";
        public const string GeographicCode = "GeographicCode";
        public const string TitleSubfieldA = "TitleSubfieldA";
        public const string TitleEndPunctuation = "TitleEndPunctuation";
        public const string TitlePunctuation = "TitlePunctuation";
        public const string TitleInitialsSpacing = "TitleInitialsSpacing";
        public const string NonfilingIndicator = "NonfilingIndicator";
        public const string HoldingsLocation = "HoldingsLocation";

        private static readonly MarcRule[] AllRules =
        {
            new MarcRule(ReaderDiagnostic, ValidationLevel.Basic, ValidationSeverity.Warning, "A problem the reader reported and recovered from (its code is in the message)."),
            new MarcRule(LeaderStatus, ValidationLevel.Basic, ValidationSeverity.Error, "Leader/05 is a record status the format defines."),
            new MarcRule(LeaderType, ValidationLevel.Basic, ValidationSeverity.Error, "Leader/06 is a type of record of the format."),
            new MarcRule(LeaderBibLevel, ValidationLevel.Basic, ValidationSeverity.Error, "Bibliographic leader/07 is a bibliographic level (a b c d i m s)."),
            new MarcRule(LeaderCodingScheme, ValidationLevel.Basic, ValidationSeverity.Error, "Leader/09 is blank (MARC-8) or a (UCS/Unicode)."),
            new MarcRule(LeaderStructure, ValidationLevel.Basic, ValidationSeverity.Error, "Leader/10-11 are 22 and leader/20-23 are 4500."),
            new MarcRule(LeaderEncodingLevel, ValidationLevel.Basic, ValidationSeverity.Warning, "Leader/17 is an encoding level of the format."),
            new MarcRule(FixedFieldMissing, ValidationLevel.Basic, ValidationSeverity.Error, "The record has an 008."),
            new MarcRule(FixedFieldLength, ValidationLevel.Basic, ValidationSeverity.Error, "008 has the length of its format (40; holdings 32)."),
            new MarcRule(FixedFieldDate, ValidationLevel.Full, ValidationSeverity.Warning, "008/00-05 (date entered on file) is six digits."),
            new MarcRule(FixedFieldValue, ValidationLevel.Full, ValidationSeverity.Warning, "Coded 008 positions hold values the format defines."),
            new MarcRule(FixedFieldLanguage, ValidationLevel.Full, ValidationSeverity.Warning, "Bibliographic 008/35-37 is a code of the MARC language list."),
            new MarcRule(RequiredField, ValidationLevel.Basic, ValidationSeverity.Error, "The fields the format requires are present (bibliographic 245, authority 1XX, holdings 852)."),
            new MarcRule(MainEntryCount, ValidationLevel.Basic, ValidationSeverity.Error, "At most one 1XX field."),
            new MarcRule(FieldNotRepeatable, ValidationLevel.Basic, ValidationSeverity.Error, "A non-repeatable field occurs once (an 880 counts for the field its $6 names)."),
            new MarcRule(ControlCharacter, ValidationLevel.Basic, ValidationSeverity.Error, "No tab, CR or LF in a subfield; no subfield delimiter in a control field."),
            new MarcRule(EncodingMismatch, ValidationLevel.Basic, ValidationSeverity.Error, "Leader/09 agrees with the characters of the record."),
            new MarcRule(LoneCombiningMark, ValidationLevel.Basic, ValidationSeverity.Warning, "Every combining mark has a base character."),
            new MarcRule(TagUndefined, ValidationLevel.Full, ValidationSeverity.Warning, "The tag is defined in the format (local 9XX, X9X, 59X excepted)."),
            new MarcRule(TagObsolete, ValidationLevel.Full, ValidationSeverity.Warning, "The tag is not obsolete."),
            new MarcRule(Linkage880, ValidationLevel.Full, ValidationSeverity.Error, "An 880 has subfield $6."),
            new MarcRule(IndicatorInvalid, ValidationLevel.Full, ValidationSeverity.Error, "The indicators are values the field defines."),
            new MarcRule(SubfieldUndefined, ValidationLevel.Full, ValidationSeverity.Error, "Each subfield code is defined for the field."),
            new MarcRule(SubfieldNotRepeatable, ValidationLevel.Full, ValidationSeverity.Error, "A non-repeatable subfield occurs once in a field."),
            new MarcRule(IsbnCharacters, ValidationLevel.Full, ValidationSeverity.Warning, "020 $a starts with the ISBN."),
            new MarcRule(IsbnQualifierSpacing, ValidationLevel.Full, ValidationSeverity.Warning, "020 $a: a blank precedes a parenthesised qualifier."),
            new MarcRule(IsbnLength, ValidationLevel.Full, ValidationSeverity.Error, "020 $a holds 10 or 13 digits."),
            new MarcRule(IsbnCheckDigit, ValidationLevel.Full, ValidationSeverity.Error, "020 $a has a correct check digit."),
            new MarcRule(IsbnCanceledValid, ValidationLevel.Full, ValidationSeverity.Info, "020 $z (cancelled/invalid ISBN) does not hold a valid ISBN-10."),
            new MarcRule(LanguageCodeLength, ValidationLevel.Full, ValidationSeverity.Error, "041 subfields are multiples of three characters (unless ind2 is 7)."),
            new MarcRule(LanguageCode, ValidationLevel.Full, ValidationSeverity.Error, "041 codes are in the MARC language list (obsolete codes: Warning)."),
            new MarcRule(GeographicCodeLength, ValidationLevel.Full, ValidationSeverity.Error, "043 $a is seven characters."),
            new MarcRule(GeographicCode, ValidationLevel.Full, ValidationSeverity.Error, "043 $a is in the MARC geographic area list (obsolete codes: Warning)."),
            new MarcRule(TitleSubfieldA, ValidationLevel.Full, ValidationSeverity.Error, "245 has $a, first (after $6)."),
            new MarcRule(TitleEndPunctuation, ValidationLevel.Full, ValidationSeverity.Warning, "245 ends with a period."),
            new MarcRule(TitlePunctuation, ValidationLevel.Full, ValidationSeverity.Warning, "245 $b, $c, $h, $n, $p are preceded by the punctuation ISBD prescribes."),
            new MarcRule(TitleInitialsSpacing, ValidationLevel.Full, ValidationSeverity.Info, "245 $c initials are not separated by blanks."),
            new MarcRule(NonfilingIndicator, ValidationLevel.Full, ValidationSeverity.Warning, "The non-filing characters indicator agrees with a leading article."),
            new MarcRule(HoldingsLocation, ValidationLevel.Full, ValidationSeverity.Warning, "Holdings 852 has $b (location)."),
        };

        private static readonly Dictionary<string, MarcRule> ById = Index();

        /// <summary>All rules, in the order of the design note.</summary>
        public static IReadOnlyList<MarcRule> Rules => AllRules;

        /// <summary>The rule with this id (case-insensitive), or null.</summary>
        public static MarcRule? Find(string id)
        {
            if (id == null) throw new ArgumentNullException(nameof(id));
            return ById.TryGetValue(id, out MarcRule? rule) ? rule : null;
        }

        /// <summary>The rule with this id; throws when there is none (a programming error in a check).</summary>
        internal static MarcRule Get(string id) => ById[id];

        private static Dictionary<string, MarcRule> Index()
        {
            var d = new Dictionary<string, MarcRule>(StringComparer.OrdinalIgnoreCase);
            foreach (MarcRule r in AllRules) d.Add(r.Id, r);
            return d;
        }
    }
}
