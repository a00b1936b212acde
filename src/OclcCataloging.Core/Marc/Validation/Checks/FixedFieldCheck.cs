using System.Globalization;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>008: presence, length per format, date entered, and the coded positions each format defines.</summary>
    internal static class FixedFieldCheck
    {
        [MethodImpl(Iso2709Constants.HotPath)]
        public static void Check(ValidationContext c)
        {
            if (c.Table == null) return;
            int expected = c.Kind == RecordKind.Holdings ? 32 : 40;
            ControlField? f = null;
            foreach (MarcField field in c.Record.Fields)
            {
                if (field.Tag == "008" && field is ControlField cf)
                {
                    f = cf;
                    break;
                }
            }
            if (f == null)
            {
                c.Report(MarcRuleCatalog.FixedFieldMissing, "The record has no 008 (fixed-length data elements); " + FormatText.Name(c.Kind) + " records need one of " + expected + " characters.", "008");
                return;
            }
            string v = f.Value;
            if (v.Length != expected)
            {
                c.Report(MarcRuleCatalog.FixedFieldLength, "008 has " + v.Length + " characters; " + FormatText.Name(c.Kind) + " records need exactly " + expected + ". Fix the positions before the first wrong one.", "008", 1);
                return;
            }
            if (c.IsOn(MarcRuleCatalog.FixedFieldDate) && !AllDigits(v, 0, 6))
                c.Report(MarcRuleCatalog.FixedFieldDate, "008/00-05 (date entered on file) is '" + v.Substring(0, 6) + "'; it must be six digits, yymmdd.", "008", 1, 0);
            if (!c.IsOn(MarcRuleCatalog.FixedFieldValue) && !c.IsOn(MarcRuleCatalog.FixedFieldLanguage)) return;
            switch (c.Kind)
            {
                case RecordKind.Bibliographic:
                    Position(c, v, 6, "bcdeikmnpqrstu|", "type of date/publication status");
                    Position(c, v, 38, " dorsx|", "modified record");
                    Position(c, v, 39, " cdu|", "cataloging source");
                    Language(c, v.Substring(35, 3));
                    break;
                case RecordKind.Authority:
                    Position(c, v, 9, "abcdefg", "kind of record");
                    Position(c, v, 10, "abcdnz|", "descriptive cataloging rules");
                    break;
                case RecordKind.Holdings:
                    Position(c, v, 6, "012345|", "receipt, acquisition, or access status");
                    Position(c, v, 7, "cdeglmnpquz|", "method of acquisition");
                    break;
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private static void Language(ValidationContext c, string code)
        {
            if (code == "   " || code == "|||" || code == "###") return;
            if (MarcCodeLists.Default.Language(code) == CodeStatus.Valid) return;
            c.Report(MarcRuleCatalog.FixedFieldLanguage, "008/35-37 (language) is '" + code + "', which is not a code of the MARC language list" +
                (MarcCodeLists.Default.Language(code) == CodeStatus.Obsolete ? " (it is an obsolete code)." : "."), "008", 1, 35);
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private static void Position(ValidationContext c, string v, int position, string allowed, string name)
        {
            if (allowed.IndexOf(v[position]) >= 0) return;
            c.Report(MarcRuleCatalog.FixedFieldValue, "008/" + position.ToString("00", CultureInfo.InvariantCulture) + " (" + name + ") is " + ValueText.Quote(v[position])
                + "; " + FormatText.Name(c.Kind) + " records allow " + ValueText.List(allowed) + ".", "008", 1, position);
        }

        private static bool AllDigits(string s, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
            }
            return true;
        }
    }
}
