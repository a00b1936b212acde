using System.Text.RegularExpressions;
using OclcCataloging.Search.Keys;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>020: the ISBN in $a (characters, qualifier spacing, length, check digit) and a valid number in $z.</summary>
    internal static class IsbnCheck
    {
        // The number: optional non-digits, then 10 or 13 characters (9-12 digits and a digit or X), then a word break.
        private static readonly Regex Number = new Regex(@"^\D*(\d{9,12}[X\d])\b.*$", RegexOptions.ECMAScript | RegexOptions.Compiled);
        private static readonly Regex QualifierSpacing = new Regex(@"[X0-9] \(", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex CancelledLooksLikeIsbn = new Regex(@"^ISBN|^\d*-\d+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static void Check(ValidationContext c, DataField field, int occurrence)
        {
            string tag = field.Tag;
            foreach (Subfield s in field.Subfields)
            {
                if (s.Code != 'a' && s.Code != 'z') continue;
                string data = s.Value;
                string number = Extract(data);
                if (s.Code == 'z')
                {
                    if (CancelledLooksLikeIsbn.IsMatch(data) && number.Length == 10 && StandardNumbers.IsValidIsbn10(number))
                        c.Report(MarcRuleCatalog.IsbnCanceledValid, "020 $z (cancelled/invalid ISBN) holds " + data + ", whose check digit is right; if the ISBN is valid, move it to $a.", tag, occurrence, subfield: 'z');
                    continue;
                }
                if (!data.StartsWith(number, System.StringComparison.Ordinal))
                    c.Report(MarcRuleCatalog.IsbnCharacters, "020 $a '" + data + "' does not start with the ISBN alone (hyphens or other characters before it); write the digits without hyphens, then any qualifier.", tag, occurrence, subfield: 'a');
                if (data.IndexOf('(') >= 0 && !QualifierSpacing.IsMatch(data))
                    c.Report(MarcRuleCatalog.IsbnQualifierSpacing, "020 $a '" + data + "': put a blank between the ISBN and the parenthesised qualifier, or move the qualifier to $q.", tag, occurrence, subfield: 'a');
                if (!HasIsbnShape(number))
                {
                    c.Report(MarcRuleCatalog.IsbnLength, "020 $a '" + data + "' does not hold a 10- or 13-digit ISBN. Check the number; an invalid one belongs in $z.", tag, occurrence, subfield: 'a');
                }
                else if (number.Length == 10 ? !StandardNumbers.IsValidIsbn10(number) : !StandardNumbers.IsValidEan13(number))
                {
                    c.Report(MarcRuleCatalog.IsbnCheckDigit, "020 $a '" + data + "' has a wrong check digit. Check the number against the item; a number printed wrongly belongs in $z.", tag, occurrence, subfield: 'a');
                }
                else if (number.Length == 13 && !StandardNumbers.IsValidIsbn13(number))
                {
                    c.Report(MarcRuleCatalog.IsbnCheckDigit, "020 $a '" + data + "' is 13 digits but does not start with 978 or 979, so it is no ISBN-13 (an EAN or ISMN goes to 024).", tag, occurrence, subfield: 'a');
                }
            }
        }

        /// <summary>The candidate ISBN: hyphens removed, then the leading 10- or 13-character number (the whole text when there is none).</summary>
        internal static string Extract(string data)
        {
            string s = data.Replace("-", "");
            Match m = Number.Match(s);
            return m.Success ? m.Groups[1].Value : s;
        }

        private static bool HasIsbnShape(string n)
        {
            if (n.Length == 13) return StandardNumbers.AllDigits(n);
            if (n.Length != 10) return false;
            return StandardNumbers.AllDigits(n) || (StandardNumbers.AllDigits(n.Substring(0, 9)) && n[9] == 'X');
        }
    }
}
