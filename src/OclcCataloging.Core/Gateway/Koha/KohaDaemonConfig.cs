using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// The settings of Koha's connexion_import_daemon.pl config file (<c>key: value</c> lines, <c>#</c> comments),
    /// so an administrator points the listener at the file they already have (docs/design/koha-receiver.md §2).
    /// Unknown keys are kept in <see cref="Unknown"/> and never stop the read.
    /// </summary>
    public sealed class KohaDaemonConfig
    {
        /// <summary>Keys the daemon's help documents.</summary>
        public static readonly IReadOnlyList<string> KnownKeys = new[]
        {
            "host", "port", "log", "koha", "user", "password", "connexion_user", "connexion_password",
            "import_mode", "match", "overlay_action", "nomatch_action", "item_action", "framework", "overlay_framework",
            "marc_modification_template_id", "debug",
        };

        public string? Host { get; set; }

        public int? Port { get; set; }

        public string? Log { get; set; }

        /// <summary>The staff interface base URL (<c>koha:</c>).</summary>
        public string? Koha { get; set; }

        public string? User { get; set; }

        /// <summary>Koha staff password (never logged, never shown by <see cref="ToString"/>).</summary>
        public string? Password { get; set; }

        public string? ConnexionUser { get; set; }

        public string? ConnexionPassword { get; set; }

        public KohaImportSettings Import { get; } = new KohaImportSettings();

        public bool Debug { get; set; }

        /// <summary>Keys not in <see cref="KnownKeys"/>, with their line numbers.</summary>
        public IDictionary<string, int> Unknown { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public static KohaDaemonConfig Load(string path)
        {
            using (var reader = new StreamReader(path, new UTF8Encoding(false, false), true))
                return Parse(reader, path);
        }

        /// <summary>Reads <paramref name="reader"/>; a malformed line throws <see cref="FormatException"/> naming the line.</summary>
        public static KohaDaemonConfig Parse(TextReader reader, string source = "config")
        {
            var config = new KohaDaemonConfig();
            string? line;
            int number = 0;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                string text = StripComment(line).Trim();
                if (text.Length == 0) continue;
                int colon = text.IndexOf(':');
                if (colon <= 0)
                    throw new FormatException(source + " line " + number + ": expected 'key: value', found '" + Shorten(text) + "'.");
                string key = text.Substring(0, colon).Trim().ToLowerInvariant();
                string value = text.Substring(colon + 1).Trim();
                config.Set(key, value, number, source);
            }
            return config;
        }

        private void Set(string key, string value, int line, string source)
        {
            switch (key)
            {
                case "host": Host = value; break;
                case "port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
                        throw new FormatException(source + " line " + line + ": port '" + Shorten(value) + "' is not a TCP port (1-65535).");
                    Port = port;
                    break;
                case "log": Log = value; break;
                case "koha": Koha = value; break;
                case "user": User = value; break;
                case "password": Password = value; break;
                case "connexion_user": ConnexionUser = value; break;
                case "connexion_password": ConnexionPassword = value; break;
                case "import_mode": Import.ImportMode = value; break;
                case "match": Import.Match = value; break;
                case "overlay_action": Import.OverlayAction = value; break;
                case "nomatch_action": Import.NomatchAction = value; break;
                case "item_action": Import.ItemAction = value; break;
                case "framework": Import.Framework = value; break;
                case "overlay_framework": Import.OverlayFramework = value; break;
                case "marc_modification_template_id": Import.MarcModificationTemplateId = value; break;
                case "debug": Debug = value.Length > 0 && value != "0"; break;
                default: Unknown[key] = line; break;
            }
        }

        // A '#' starts a comment only at the start or after blank space, so a password may contain '#'.
        private static string StripComment(string line)
        {
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line.Substring(0, i);
            }
            return line;
        }

        private static string Shorten(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;

        public override string ToString() => "Koha " + (Koha ?? "?") + " as " + (User ?? "?") + (Port.HasValue ? ", port " + Port.Value.ToString(CultureInfo.InvariantCulture) : "");
    }
}
