using System;
using System.Linq;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;

namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>How an input names the record an action is for.</summary>
    public static class ActionInputs
    {
        /// <summary>
        /// An OCLC number as a holdings list line gives it: Connexion's optional "no:", "#" or "*" mark, then any
        /// form <see cref="OclcNumberParser"/> accepts ((OCoLC)…, ocm/ocn/on, bare digits).
        /// </summary>
        public static OclcNumberInfo ParseOclcNumber(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var value = text.Trim();
            if (value.StartsWith("no:", StringComparison.OrdinalIgnoreCase)) value = value.Substring(3).TrimStart();
            else if (value.StartsWith("#", StringComparison.Ordinal) || value.StartsWith("*", StringComparison.Ordinal)) value = value.Substring(1).TrimStart();
            return OclcNumberParser.Parse(value);
        }

        /// <summary>The record's OCLC number the way Get-OclcNumber finds it (the primary one); else the first invalid candidate; null when there is none.</summary>
        public static OclcNumberInfo? FindOclcNumber(MarcRecord record)
        {
            var all = OclcNumberFinder.FindAll(record ?? throw new ArgumentNullException(nameof(record)), OclcNumberLocation.Auto);
            return all.FirstOrDefault(n => n.IsPrimary) ?? all.FirstOrDefault();
        }

        /// <summary>A local holdings record control number: digits only (leading and trailing blanks ignored).</summary>
        public static bool TryParseControlNumber(string? text, out string controlNumber)
        {
            controlNumber = (text ?? "").Trim();
            return controlNumber.Length > 0 && controlNumber.Length <= 19 && controlNumber.All(c => c >= '0' && c <= '9');
        }
    }
}
