using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>The fields each format requires, and the number of 1XX fields.</summary>
    internal static class RequiredFieldCheck
    {
        [MethodImpl(Iso2709Constants.HotPath)]
        public static void Check(ValidationContext c)
        {
            int mainEntries = 0;
            bool has245 = false, has852 = false, has004 = false;
            foreach (MarcField f in c.Record.Fields)
            {
                string t = f.Tag;
                if (t.Length == 3 && t[0] == '1' && char.IsDigit(t[1]) && char.IsDigit(t[2])) mainEntries++;
                else if (t == "245") has245 = true;
                else if (t == "852") has852 = true;
                else if (t == "004") has004 = true;
            }
            switch (c.Kind)
            {
                case RecordKind.Bibliographic:
                    if (!has245) c.Report(MarcRuleCatalog.RequiredField, "The record has no 245 (title statement); every bibliographic record needs one.", "245");
                    break;
                case RecordKind.Authority:
                    if (mainEntries == 0) c.Report(MarcRuleCatalog.RequiredField, "The record has no 1XX heading; every authority record needs exactly one.", "1XX");
                    break;
                case RecordKind.Holdings:
                    if (!has852) c.Report(MarcRuleCatalog.RequiredField, "The record has no 852 (location); holdings records need one to say where the item is.", "852");
                    if (!has004) c.Report(MarcRuleCatalog.RequiredField, "The record has no 004 (control number of the related bibliographic record).", "004", severity: ValidationSeverity.Warning);
                    break;
            }
            if (mainEntries > 1)
                c.Report(MarcRuleCatalog.MainEntryCount, "The record has " + mainEntries + " 1XX fields; only one is allowed. Keep one as the main entry and move the others to 7XX.", "1XX");
        }
    }
}
