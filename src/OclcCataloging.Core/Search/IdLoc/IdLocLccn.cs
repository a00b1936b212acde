using System;
using System.Text;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>LC authority control numbers as id.loc.gov names its records: "n79021164", "sh85061704".</summary>
    internal static class IdLocLccn
    {
        /// <summary>
        /// Normalises an LCCN the LC way: drops spaces, and for "prefix yy-serial" pads the serial to six digits
        /// ("sh85-61704" → "sh85061704"). Returns null when the value is not prefix letters followed by digits.
        /// </summary>
        public static string? Normalize(string value)
        {
            if (value == null) return null;
            var compact = new StringBuilder();
            foreach (char c in value.Trim())
            {
                if (c != ' ') compact.Append(char.ToLowerInvariant(c));
            }
            string s = compact.ToString();
            int hyphen = s.IndexOf('-');
            if (hyphen >= 0)
            {
                string serial = s.Substring(hyphen + 1);
                if (serial.Length == 0 || serial.Length > 6 || serial.IndexOf('-') >= 0) return null;
                s = s.Substring(0, hyphen) + serial.PadLeft(6, '0');
            }
            int digitsAt = 0;
            while (digitsAt < s.Length && s[digitsAt] >= 'a' && s[digitsAt] <= 'z') digitsAt++;
            if (digitsAt == s.Length || digitsAt > 3) return null;
            for (int i = digitsAt; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return null;
            }
            return s;
        }

        /// <summary>Subject-type prefixes live in /authorities/subjects, all others in /authorities/names.</summary>
        public static bool IsSubjectNumber(string normalized) =>
            normalized.StartsWith("sh", StringComparison.Ordinal) || normalized.StartsWith("sj", StringComparison.Ordinal) || normalized.StartsWith("sp", StringComparison.Ordinal);
    }
}
