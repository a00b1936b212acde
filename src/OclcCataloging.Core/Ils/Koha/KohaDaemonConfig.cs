using System;
using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.Ils.Koha
{
    /// <summary>
    /// Reads the import settings from a connexion_import_daemon configuration: <c>name: value</c> lines, <c>#</c>
    /// starts a comment, no quotes. Keys other than the import settings (host, port, user, password, ...) are skipped.
    /// </summary>
    public static class KohaDaemonConfig
    {
        public static KohaImportSettings Parse(IEnumerable<string> lines)
        {
            if (lines == null) throw new ArgumentNullException(nameof(lines));
            var settings = new KohaImportSettings();
            int lineNumber = 0;
            foreach (string raw in lines)
            {
                lineNumber++;
                string line = raw ?? string.Empty;
                int hash = line.IndexOf('#');
                if (hash >= 0) line = line.Substring(0, hash);
                line = line.Trim();
                if (line.Length == 0) continue;
                int colon = line.IndexOf(':');
                if (colon <= 0) throw new FormatException("Line " + lineNumber.ToString(CultureInfo.InvariantCulture) + " is not 'name: value': '" + raw + "'.");
                string name = line.Substring(0, colon).Trim().ToLowerInvariant();
                string value = line.Substring(colon + 1).Trim();
                switch (name)
                {
                    case KohaSettingNames.Match: settings.Match = value; break;
                    case KohaSettingNames.OverlayAction: settings.OverlayAction = ParseValue<KohaOverlayAction>(name, value, lineNumber); break;
                    case KohaSettingNames.NomatchAction: settings.NomatchAction = ParseValue<KohaNomatchAction>(name, value, lineNumber); break;
                    case KohaSettingNames.ItemAction: settings.ItemAction = ParseValue<KohaItemAction>(name, value, lineNumber); break;
                    // import_bib commits only when the value, lower-cased, is "direct"; every other value stages.
                    case KohaSettingNames.ImportMode:
                        settings.ImportMode = string.Equals(value, "direct", StringComparison.OrdinalIgnoreCase) ? KohaImportMode.Direct : KohaImportMode.Stage;
                        break;
                }
            }
            return settings;
        }

        /// <summary>Parses a Koha value (create_new, add_only_for_matches) or the enum name (CreateNew).</summary>
        public static T ParseValue<T>(string setting, string value, int lineNumber = 0) where T : struct
        {
            string compact = (value ?? string.Empty).Replace("_", string.Empty).Trim();
            if (compact.Length > 0 && Enum.TryParse(compact, ignoreCase: true, out T parsed) && Enum.IsDefined(typeof(T), parsed)) return parsed;
            var allowed = new List<string>();
            foreach (Enum v in Enum.GetValues(typeof(T))) allowed.Add(KohaImportDecider.Name(v));
            throw new FormatException((lineNumber > 0 ? "Line " + lineNumber.ToString(CultureInfo.InvariantCulture) + ": " : string.Empty)
                + "'" + value + "' is not a value of " + setting + "; Koha accepts " + string.Join(", ", allowed) + ".");
        }
    }
}
