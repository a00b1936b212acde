using System;
using System.Collections.Generic;

namespace OclcCataloging.Oclc
{
    /// <summary>
    /// Reads one OCLC number from text, accepting every documented form (docs/design/oclc-numbers.md): (OCoLC),
    /// (OCoLC)ocm/ocn/on/ocl7, ocm/ocn/on/ocl7 alone, bare digits where the location allows it, leading zeros, a
    /// trailing blank. Rejects non-numeric values and other institutions' prefixes such as (OCoLC-M).
    /// </summary>
    public static class OclcNumberParser
    {
        private const string OclcPrefix = "(OCoLC)";

        /// <summary>
        /// Parses a plain value (any documented form, bare digits allowed), including the search-key forms
        /// <c>#123</c> and <c>*123</c> (Connexion's OCLC number marks, see <see cref="KeyMark"/>).
        /// </summary>
        public static OclcNumberInfo Parse(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            char? mark = KeyMark(value);
            if (mark == null) return Parse(value, OclcNumberSource.Value, bareDigitsAllowed: true);
            string digits = value.Trim().Substring(1).Trim();
            if (!AllDigits(digits))
                return Invalid(value, OclcNumberSource.Value, OclcNumberRules.NotNumeric, "'" + mark + "' must be followed by the digits of an OCLC number.");
            OclcNumberInfo parsed = Parse(digits, OclcNumberSource.Value, bareDigitsAllowed: true);
            return parsed.IsValid ? new OclcNumberInfo(parsed.OclcNumber, OclcNumberSource.Value, value, null, null, parsed.Warnings)
                : new OclcNumberInfo(null, OclcNumberSource.Value, value, parsed.ProblemRule, parsed.Problem, null);
        }

        /// <summary>
        /// The mark a search key puts before an OCLC number: '#' (<c>#123</c>), or '*' followed by a digit
        /// (<c>*123</c>); null when <paramref name="text"/> has neither. The one place that decides it, for key files
        /// and for plain values alike.
        /// </summary>
        public static char? KeyMark(string text)
        {
            string t = (text ?? string.Empty).TrimStart();
            if (t.Length == 0) return null;
            if (t[0] == '#') return '#';
            if (t[0] == '*' && t.Length > 1 && t[1] >= '0' && t[1] <= '9') return '*';
            return null;
        }

        /// <summary>
        /// Parses <paramref name="raw"/> found at <paramref name="source"/>. <paramref name="bareDigitsAllowed"/> says
        /// whether digits without any prefix count as an OCN there (004, 014 with $b OCoLC, 019, 001 with 003 OCoLC).
        /// </summary>
        public static OclcNumberInfo Parse(string raw, OclcNumberSource source, bool bareDigitsAllowed)
        {
            if (raw == null) throw new ArgumentNullException(nameof(raw));
            List<string>? warnings = null;
            string text = raw.Trim();

            if (source == OclcNumberSource.Field035z)
                return Invalid(raw, source, OclcNumberRules.CancelledNumber, "035 $z holds a cancelled or invalid number; it is never used as the record's OCLC number.");

            bool hasOclcPrefix = false;
            if (text.StartsWith("(", StringComparison.Ordinal))
            {
                if (text.StartsWith(OclcPrefix, StringComparison.Ordinal))
                {
                    hasOclcPrefix = true;
                    text = text.Substring(OclcPrefix.Length).TrimStart();
                }
                else
                {
                    int close = text.IndexOf(')');
                    string prefix = close > 0 ? text.Substring(0, close + 1) : text;
                    return Invalid(raw, source, OclcNumberRules.OtherInstitutionPrefix,
                        "The prefix " + prefix + " is not (OCoLC): the number belongs to another institution or system, not OCLC.");
                }
            }

            string letters = string.Empty;
            if (text.StartsWith("ocl7", StringComparison.OrdinalIgnoreCase)) letters = "ocl7";
            else if (text.StartsWith("ocm", StringComparison.OrdinalIgnoreCase)) letters = "ocm";
            else if (text.StartsWith("ocn", StringComparison.OrdinalIgnoreCase)) letters = "ocn";
            else if (text.StartsWith("on", StringComparison.OrdinalIgnoreCase)) letters = "on";
            text = text.Substring(letters.Length);

            // Historical 001: "ocm0012345 800630" (number, blank, transaction date) (see docs/design/oclc-numbers.md, "Forms accepted").
            int blank = text.IndexOf(' ');
            if (blank > 0 && source != OclcNumberSource.Field035 && letters.Length > 0)
            {
                string rest = text.Substring(blank + 1).Trim();
                if (rest.Length == 6 && AllDigits(rest))
                {
                    text = text.Substring(0, blank);
                    Add(ref warnings, OclcNumberRules.TransactionDateIgnored, "the transaction date '" + rest + "' after the number was ignored.");
                }
            }

            if (text.Length == 0 || !AllDigits(text))
            {
                return Invalid(raw, source, OclcNumberRules.NotNumeric,
                    text.Length == 0 ? "No digits follow the prefix." : "'" + raw.Trim() + "' is not numeric after its prefix; OCLC numbers are digits only.");
            }

            if (!hasOclcPrefix && letters.Length == 0 && !bareDigitsAllowed)
            {
                string where = source == OclcNumberSource.Field001 ? "001 without 003 OCoLC" : OclcNumberInfo.SourceName(source);
                return Invalid(raw, source, OclcNumberRules.PrefixRequired,
                    "Bare digits in " + where + " are not taken as an OCLC number; they need the (OCoLC) or ocm/ocn/on prefix.");
            }

            string digits = text.TrimStart('0');
            if (digits.Length == 0) return Invalid(raw, source, OclcNumberRules.Zero, "The number is zero; OCLC numbers start at 1.");
            if (digits.Length > 18) return Invalid(raw, source, OclcNumberRules.TooLong, "The number has " + digits.Length + " digits; no OCLC number is that long.");

            if (letters.Length > 0)
            {
                if (source == OclcNumberSource.Field035 && !hasOclcPrefix)
                    Add(ref warnings, OclcNumberRules.Bare035Prefix, "035 $a '" + raw.Trim() + "' has no (OCoLC) prefix; OCLC expects (OCoLC)" + digits + ".");
                CheckDigitCount(letters, text.Length, digits, ref warnings);
            }
            return new OclcNumberInfo(digits, source, raw, null, null, warnings);
        }

        private static void CheckDigitCount(string letters, int written, string digits, ref List<string>? warnings)
        {
            string expected = digits.Length <= 8 ? "ocm" : digits.Length == 9 ? "ocn" : "on";
            switch (letters.ToLowerInvariant())
            {
                case "ocm":
                case "ocl7":
                    if (digits.Length > 8)
                        Add(ref warnings, OclcNumberRules.PrefixDigitMismatch, letters + " is for numbers up to 99999999; " + digits + " takes " + expected + ".");
                    else if (written < 8)
                        Add(ref warnings, OclcNumberRules.ShortOcm, letters + " numbers have 8 digits, zero-padded; this one has " + written + ".");
                    break;
                case "ocn":
                    if (digits.Length != 9 || written != 9)
                        Add(ref warnings, OclcNumberRules.PrefixDigitMismatch, "ocn is for 9-digit numbers (100000000-999999999); " + digits + " takes " + expected + ".");
                    break;
                case "on":
                    if (digits.Length < 10)
                        Add(ref warnings, OclcNumberRules.PrefixDigitMismatch, "on is for numbers of 10 or more digits; " + digits + " takes " + expected + ".");
                    break;
            }
        }

        private static OclcNumberInfo Invalid(string raw, OclcNumberSource source, string rule, string message)
            => new OclcNumberInfo(null, source, raw, rule, message, null);

        private static void Add(ref List<string>? warnings, string rule, string message)
        {
            (warnings ??= new List<string>(1)).Add(rule + ": " + message);
        }

        private static bool AllDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return s.Length > 0;
        }
    }
}
