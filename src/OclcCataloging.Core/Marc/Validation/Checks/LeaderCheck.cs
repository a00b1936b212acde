using System.Runtime.CompilerServices;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>Leader positions per format: status, type, level, coding scheme, fixed structure, encoding level.</summary>
    internal static class LeaderCheck
    {
        [MethodImpl(Iso2709Constants.HotPath)]
        public static void Check(ValidationContext c)
        {
            Leader l = c.Record.Leader;
            switch (c.Kind)
            {
                case RecordKind.Bibliographic:
                    Position(c, l, 5, "acdnp", MarcRuleCatalog.LeaderStatus, "record status");
                    Position(c, l, 6, "acdefgijkmoprt", MarcRuleCatalog.LeaderType, "type of record");
                    Position(c, l, 7, "abcdims", MarcRuleCatalog.LeaderBibLevel, "bibliographic level");
                    // MARC 21 levels, and OCLC's (I K L M J; 3 4 7 8 are shared)
                    Position(c, l, 17, " 1234578uzIKLMJ", MarcRuleCatalog.LeaderEncodingLevel, "encoding level");
                    break;
                case RecordKind.Authority:
                    Position(c, l, 5, "acdnosx", MarcRuleCatalog.LeaderStatus, "record status");
                    Position(c, l, 6, "z", MarcRuleCatalog.LeaderType, "type of record");
                    Position(c, l, 17, "no", MarcRuleCatalog.LeaderEncodingLevel, "encoding level");
                    break;
                case RecordKind.Holdings:
                    Position(c, l, 5, "cdn", MarcRuleCatalog.LeaderStatus, "record status");
                    Position(c, l, 6, "uvxy", MarcRuleCatalog.LeaderType, "type of record");
                    Position(c, l, 17, "12345muz", MarcRuleCatalog.LeaderEncodingLevel, "encoding level");
                    break;
                default:
                    c.Report(MarcRuleCatalog.LeaderType, "Leader/06 '" + l[6] + "' is not a bibliographic, authority or holdings type of record; only those formats are validated. Correct leader/06 or pass the format explicitly.", "LDR", position: 6);
                    break;
            }
            Position(c, l, 9, " a", MarcRuleCatalog.LeaderCodingScheme, "character coding scheme (blank = MARC-8, a = Unicode)");
            if (l[10] != '2' || l[11] != '2')
                c.Report(MarcRuleCatalog.LeaderStructure, "Leader/10-11 are '" + l.Substring(10, 2) + "'; MARC 21 records have '22' (two indicators, two-character subfield codes).", "LDR", position: 10);
            if (l.Substring(20, 4) != "4500")
                c.Report(MarcRuleCatalog.LeaderStructure, "Leader/20-23 are '" + l.Substring(20, 4) + "'; MARC 21 records have '4500'.", "LDR", position: 20);
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private static void Position(ValidationContext c, Leader l, int position, string allowed, string ruleId, string name)
        {
            char v = l[position];
            if (allowed.IndexOf(v) >= 0) return;
            c.Report(ruleId, "Leader/" + position.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + " (" + name + ") is "
                + ValueText.Quote(v) + "; " + FormatText.Name(c.Kind) + " records allow " + ValueText.List(allowed) + ".", "LDR", position: position);
        }
    }
}
