using OclcCataloging.Oclc;

namespace OclcCataloging.Search.Keys
{
    /// <summary>Normalises the value of a labelled term for its index; returns null with a reason when the value cannot be searched there.</summary>
    internal static class TermValues
    {
        public static bool IsNumberIndex(SearchIndex index) =>
            index == SearchIndex.Isbn || index == SearchIndex.Issn || index == SearchIndex.Lccn || index == SearchIndex.OclcNumber || index == SearchIndex.AuthorityRecordNumber;

        public static string? Normalize(SearchIndex index, string value, out string? reason)
        {
            reason = null;
            switch (index)
            {
                case SearchIndex.Isbn:
                {
                    string s = StandardNumbers.Compact(value);
                    if ((s.Length == 10 || s.Length == 13) && StandardNumbers.AllDigits(s.TrimEnd('X'))) return s;
                    reason = "'" + value + "' is not an ISBN (10 or 13 digits, hyphens allowed)";
                    return null;
                }
                case SearchIndex.Issn:
                {
                    string s = StandardNumbers.Compact(value);
                    if (s.Length == 8 && StandardNumbers.AllDigits(s.Substring(0, 7)) && (char.IsDigit(s[7]) || s[7] == 'X')) return StandardNumbers.FormatIssn(s);
                    reason = "'" + value + "' is not an ISSN (nnnn-nnnX)";
                    return null;
                }
                case SearchIndex.Lccn:
                {
                    string? lccn = StandardNumbers.NormalizeLccn(value);
                    if (lccn == null) reason = "'" + value + "' is not an LCCN (e.g. 84-23765, sh85-61704, 2001-12345)";
                    return lccn;
                }
                case SearchIndex.OclcNumber:
                {
                    var info = OclcNumberParser.Parse(value);
                    if (info.IsValid) return info.OclcNumber;
                    reason = "'" + value + "' is not an OCLC number" + (info.Problem != null ? ": " + info.Problem : "");
                    return null;
                }
                case SearchIndex.AuthorityRecordNumber:
                {
                    string s = value.Replace(" ", "");
                    if (s.Length > 0) return s;
                    reason = "the authority record number is empty";
                    return null;
                }
                default:
                    return value;
            }
        }
    }
}
