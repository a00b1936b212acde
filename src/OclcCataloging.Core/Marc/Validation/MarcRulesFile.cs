using System;
using System.Globalization;
using System.IO;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// A rules file: one rule a line, <c>RuleId  Off|Error|Warning|Info</c>; <c>#</c> starts a comment
    /// (docs/design/marc-validation.md).
    /// </summary>
    public static class MarcRulesFile
    {
        /// <summary>Applies the file's lines to <paramref name="options"/>; an unknown rule or severity throws <see cref="FormatException"/> with the line number.</summary>
        public static void Apply(TextReader reader, string sourceName, MarcValidationOptions options)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            if (options == null) throw new ArgumentNullException(nameof(options));
            string? line;
            int number = 0;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                int hash = line.IndexOf('#');
                string text = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
                if (text.Length == 0) continue;
                string[] parts = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                string where = sourceName + " line " + number.ToString(CultureInfo.InvariantCulture);
                if (parts.Length != 2)
                    throw new FormatException(where + ": expected 'RuleId Off|Error|Warning|Info', found '" + text + "'.");
                if (MarcRuleCatalog.Find(parts[0]) == null)
                    throw new FormatException(where + ": there is no validation rule '" + parts[0] + "' (see the rule ids in the validation help).");
                options.SetSeverity(parts[0], ParseSeverity(parts[1], where));
            }
        }

        private static ValidationSeverity? ParseSeverity(string text, string where)
        {
            if (string.Equals(text, "Off", StringComparison.OrdinalIgnoreCase)) return null;
            if (Enum.TryParse(text, true, out ValidationSeverity s) && Enum.IsDefined(typeof(ValidationSeverity), s) && !char.IsDigit(text[0])) return s;
            throw new FormatException(where + ": '" + text + "' is not Off, Error, Warning or Info.");
        }
    }
}
