using System;
using System.Runtime.CompilerServices;
using System.Text;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Search.Keys
{
    /// <summary>Check digits and normal forms of ISBN, ISSN and LCCN as search keys use them.</summary>
    public static class StandardNumbers
    {
        /// <summary>Removes hyphens and blanks: "978-1-60945-078-6" → "9781609450786"; X is upper-cased.</summary>
        public static string Compact(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (c == '-' || c == ' ') continue;
                sb.Append(c == 'x' ? 'X' : c);
            }
            return sb.ToString();
        }

        /// <summary>True for a 10-character ISBN (digits, last may be X) or a 13-digit 978/979 ISBN with a correct check digit.</summary>
        public static bool IsValidIsbn(string compact) => IsValidIsbn10(compact) || IsValidIsbn13(compact);

        [MethodImpl(Iso2709Constants.HotPath)]
        public static bool IsValidIsbn10(string s)
        {
            if (s.Length != 10) return false;
            int sum = 0;
            for (int i = 0; i < 10; i++)
            {
                int d;
                if (s[i] >= '0' && s[i] <= '9') d = s[i] - '0';
                else if (i == 9 && (s[i] == 'X' || s[i] == 'x')) d = 10;
                else return false;
                sum += d * (10 - i);
            }
            return sum % 11 == 0;
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        public static bool IsValidIsbn13(string s)
        {
            if (!s.StartsWith("978", StringComparison.Ordinal) && !s.StartsWith("979", StringComparison.Ordinal)) return false;
            return IsValidEan13(s);
        }

        /// <summary>True for 13 digits with a correct EAN-13 check digit (ISBN-13s are EAN-13s starting 978 or 979).</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public static bool IsValidEan13(string s)
        {
            if (s.Length != 13 || !AllDigits(s)) return false;
            int sum = 0;
            for (int i = 0; i < 13; i++) sum += (s[i] - '0') * (i % 2 == 0 ? 1 : 3);
            return sum % 10 == 0;
        }

        /// <summary>True for "nnnn-nnnX" or "nnnnnnnX" with a correct ISSN check digit.</summary>
        public static bool IsValidIssn(string value)
        {
            string s = Compact(value);
            if (s.Length != 8) return false;
            int sum = 0;
            for (int i = 0; i < 7; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                sum += (s[i] - '0') * (8 - i);
            }
            int check = (11 - sum % 11) % 11;
            return check == 10 ? s[7] == 'X' : s[7] == (char)('0' + check);
        }

        /// <summary>The ISSN as "nnnn-nnnX" (the form ISSN indexes usually hold).</summary>
        public static string FormatIssn(string value)
        {
            string s = Compact(value);
            return s.Substring(0, 4) + "-" + s.Substring(4);
        }

        /// <summary>
        /// Normalises an LCCN the Library of Congress way (https://www.loc.gov/marc/lccn-namespace.html): blanks removed,
        /// anything from "/" on removed, and when there is a hyphen the serial after it is zero-padded to 6 digits and
        /// the hyphen dropped: "78-5201" → "78005201", "sh85-61704" → "sh85061704", "2001-12345" → "2001012345".
        /// Returns null when the result is not letters (prefix) followed by 8 or 10 digits, or digits alone.
        /// </summary>
        public static string? NormalizeLccn(string value)
        {
            string s = value.Replace(" ", "").Replace("\t", "");
            int slash = s.IndexOf('/');
            if (slash >= 0) s = s.Substring(0, slash);
            int hyphen = s.IndexOf('-');
            if (hyphen >= 0)
            {
                string serial = s.Substring(hyphen + 1);
                if (serial.Length == 0 || serial.Length > 6 || !AllDigits(serial)) return null;
                s = s.Substring(0, hyphen) + serial.PadLeft(6, '0');
            }
            s = s.ToLowerInvariant();
            int prefix = 0;
            while (prefix < s.Length && s[prefix] >= 'a' && s[prefix] <= 'z') prefix++;
            string digits = s.Substring(prefix);
            if (prefix > 3 || !AllDigits(digits)) return null;
            if (digits.Length == 8 || digits.Length == 10) return s;
            // Unhyphenated short forms ("ln:785201") are passed on as typed: only the hyphenated form says where the serial starts.
            return hyphen < 0 && digits.Length >= 1 && digits.Length < 8 ? s : null;
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        public static bool AllDigits(string s)
        {
            if (s.Length == 0) return false;
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
