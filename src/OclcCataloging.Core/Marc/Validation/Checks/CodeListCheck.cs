using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>041 language codes and 043 geographic area codes against the MARC code lists.</summary>
    internal static class CodeListCheck
    {
        // 041 subfields that hold language codes; $2 (source), $3, $6, $8 do not.
        private const string LanguageSubfields = "abdefghijkmnpqrt";

        [MethodImpl(Iso2709Constants.HotPath)]
        public static void Check041(ValidationContext c, DataField field, int occurrence)
        {
            if (field.Indicator2 == '7') return; // codes from another list named in $2
            foreach (Subfield s in field.Subfields)
            {
                if (LanguageSubfields.IndexOf(s.Code) < 0) continue;
                string v = s.Value;
                if (v.Length % 3 != 0)
                {
                    c.Report(MarcRuleCatalog.LanguageCodeLength, "041 $" + s.Code + " '" + v + "' is not made of three-letter codes; give each language code in a subfield of its own.", field.Tag, occurrence, subfield: s.Code);
                    continue;
                }
                for (int i = 0; i < v.Length; i += 3)
                {
                    string code = v.Substring(i, 3);
                    CodeStatus st = MarcCodeLists.Default.Language(code);
                    if (st == CodeStatus.Obsolete)
                        c.Report(MarcRuleCatalog.LanguageCode, "041 $" + s.Code + " code '" + code + "' is obsolete in the MARC language list; use its current code.", field.Tag, occurrence, subfield: s.Code, severity: ValidationSeverity.Warning);
                    else if (st == CodeStatus.Unknown)
                        c.Report(MarcRuleCatalog.LanguageCode, "041 $" + s.Code + " code '" + code + "' is not in the MARC language list.", field.Tag, occurrence, subfield: s.Code);
                }
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        public static void Check043(ValidationContext c, DataField field, int occurrence)
        {
            foreach (Subfield s in field.Subfields)
            {
                if (s.Code != 'a') continue;
                string v = s.Value;
                if (v.Length != 7)
                {
                    c.Report(MarcRuleCatalog.GeographicCodeLength, "043 $a '" + v + "' has " + v.Length + " characters; geographic area codes have 7 (pad with hyphens: n-us---).", field.Tag, occurrence, subfield: 'a');
                    continue;
                }
                CodeStatus st = MarcCodeLists.Default.GeographicArea(v);
                if (st == CodeStatus.Obsolete)
                    c.Report(MarcRuleCatalog.GeographicCode, "043 $a '" + v + "' is obsolete in the MARC geographic area list; use its current code.", field.Tag, occurrence, subfield: 'a', severity: ValidationSeverity.Warning);
                else if (st == CodeStatus.Unknown)
                    c.Report(MarcRuleCatalog.GeographicCode, "043 $a '" + v + "' is not in the MARC geographic area list.", field.Tag, occurrence, subfield: 'a');
            }
        }
    }
}
