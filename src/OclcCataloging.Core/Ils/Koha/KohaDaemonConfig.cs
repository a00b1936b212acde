using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace OclcCataloging.Ils.Koha
{
    /// <summary>
    /// Koha's connexion_import_daemon.pl configuration file, read the way the daemon reads it (docs/design/koha-receiver.md §2):
    /// <c>name: value</c> lines; a <c>#</c> anywhere starts a comment (the daemon strips from the first <c>#</c>, so a value
    /// cannot contain one); no quotes; an empty value is allowed (<c>overlay_framework:</c>). Unknown keys are kept in
    /// <see cref="Unknown"/> and never stop the read; <see cref="Problems"/> lists what the daemon would refuse to start with.
    /// </summary>
    public sealed class KohaDaemonConfig
    {
        private readonly Dictionary<string, int> _lines = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Keys the daemon's help documents.</summary>
        public static readonly IReadOnlyList<string> KnownKeys = new[]
        {
            "host", "port", "log", "debug", "koha", "user", "password", "connexion_user", "connexion_password",
            KohaSettingNames.ImportMode, KohaSettingNames.Match, KohaSettingNames.OverlayAction, KohaSettingNames.NomatchAction,
            KohaSettingNames.ItemAction, "framework", "overlay_framework", "marc_modification_template_id",
        };

        /// <summary>Where the configuration came from (a path), for messages.</summary>
        public string Source { get; private set; } = "config";

        /// <summary>Address to listen on; null means every IPv4 address (the daemon's 0.0.0.0).</summary>
        public string? Host { get; set; }

        public int? Port { get; set; }

        /// <summary>The daemon's log file; null means standard error.</summary>
        public string? Log { get; set; }

        /// <summary>The daemon's debug switch (it then logged passwords; this reader only records it).</summary>
        public bool Debug { get; set; }

        /// <summary>The staff interface base URL (<c>koha:</c>).</summary>
        public string? Koha { get; set; }

        /// <summary>The Koha staff user the daemon logs in as.</summary>
        public string? User { get; set; }

        /// <summary>That user's password (never logged, never shown by <see cref="ToString"/>).</summary>
        public string? Password { get; set; }

        /// <summary>The logon a Connexion client must send; null means none is checked.</summary>
        public string? ConnexionUser { get; set; }

        public string? ConnexionPassword { get; set; }

        /// <summary>The import settings exactly as written.</summary>
        public KohaImportFields Fields { get; } = new KohaImportFields();

        /// <summary>Keys not in <see cref="KnownKeys"/>, with their line numbers.</summary>
        public IDictionary<string, int> Unknown { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public static KohaDaemonConfig Load(string path)
        {
            using (var reader = new StreamReader(path, new UTF8Encoding(false, false), true))
                return Read(reader, path);
        }

        /// <summary>Reads <paramref name="reader"/>; a line that is not <c>name: value</c> throws <see cref="FormatException"/> naming it.</summary>
        public static KohaDaemonConfig Read(TextReader reader, string? source = null)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            var config = new KohaDaemonConfig { Source = source ?? "config" };
            string? line;
            int number = 0;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                int hash = line.IndexOf('#');
                string text = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
                if (text.Length == 0) continue;
                int colon = text.IndexOf(':');
                if (colon <= 0 || HasBlank(text, colon))
                    throw new FormatException(config.At(number) + "expected 'name: value', found '" + Shorten(text) + "'.");
                string key = text.Substring(0, colon).ToLowerInvariant();
                config.Set(key, text.Substring(colon + 1).Trim(), number);
            }
            return config;
        }

        /// <summary>The typed import settings of <paramref name="lines"/> (other keys are read and ignored).</summary>
        public static KohaImportSettings Parse(IEnumerable<string> lines)
        {
            if (lines == null) throw new ArgumentNullException(nameof(lines));
            return Read(new StringReader(string.Join("\n", lines))).ToImportSettings();
        }

        /// <summary>
        /// The import settings as <see cref="KohaImportDecider"/> needs them; an empty or missing action is null (the
        /// database default applies). A value Koha does not know throws <see cref="FormatException"/> naming its line.
        /// </summary>
        public KohaImportSettings ToImportSettings()
        {
            var settings = new KohaImportSettings { Match = Fields.Match.Length > 0 ? Fields.Match : null };
            settings.OverlayAction = Typed<KohaOverlayAction>(KohaSettingNames.OverlayAction, Fields.OverlayAction);
            settings.NomatchAction = Typed<KohaNomatchAction>(KohaSettingNames.NomatchAction, Fields.NomatchAction);
            settings.ItemAction = Typed<KohaItemAction>(KohaSettingNames.ItemAction, Fields.ItemAction);
            // import_bib commits only when the value, lower-cased, is "direct"; every other value stages.
            if (_lines.ContainsKey(KohaSettingNames.ImportMode)) settings.ImportMode = Fields.IsDirect ? KohaImportMode.Direct : KohaImportMode.Stage;
            return settings;
        }

        /// <summary>What the daemon would refuse to start with (no port, no Koha URL, ...); empty when none.</summary>
        public IReadOnlyList<string> Problems()
        {
            var problems = new List<string>();
            if (Port == null) problems.Add(Source + " sets no port (port: 5500).");
            if (string.IsNullOrEmpty(Koha)) problems.Add(Source + " sets no Koha staff interface URL (koha: https://staff.example).");
            else if (!Uri.TryCreate(Koha, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                problems.Add(Source + " line " + Line("koha") + ": koha '" + Shorten(Koha!) + "' is not an http or https URL.");
            if (string.IsNullOrEmpty(User)) problems.Add(Source + " sets no Koha staff user (user:).");
            if (string.IsNullOrEmpty(Password)) problems.Add(Source + " sets no password for the Koha staff user (password:).");
            if (string.IsNullOrEmpty(ConnexionUser) != string.IsNullOrEmpty(ConnexionPassword))
                problems.Add(Source + " sets only one of connexion_user and connexion_password; set both or neither.");
            return problems;
        }

        /// <summary>The line a key was read from, or 0.</summary>
        public int Line(string key) => _lines.TryGetValue(key, out int n) ? n : 0;

        private void Set(string key, string value, int line)
        {
            _lines[key] = line;
            switch (key)
            {
                case "host": Host = value.Length > 0 ? value : null; break;
                case "port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
                        throw new FormatException(At(line) + "port '" + Shorten(value) + "' is not a TCP port (1-65535).");
                    Port = port;
                    break;
                case "log": Log = value.Length > 0 ? value : null; break;
                case "debug": Debug = value.Length > 0 && value != "0"; break;
                case "koha": Koha = value.TrimEnd('/'); break;
                case "user": User = value; break;
                case "password": Password = value; break;
                case "connexion_user": ConnexionUser = value; break;
                case "connexion_password": ConnexionPassword = value; break;
                case KohaSettingNames.ImportMode: Fields.ImportMode = value; break;
                case KohaSettingNames.Match: Fields.Match = value; break;
                case KohaSettingNames.OverlayAction: Fields.OverlayAction = value; break;
                case KohaSettingNames.NomatchAction: Fields.NomatchAction = value; break;
                case KohaSettingNames.ItemAction: Fields.ItemAction = value; break;
                case "framework": Fields.Framework = value; break;
                case "overlay_framework": Fields.OverlayFramework = value; break;
                case "marc_modification_template_id": Fields.MarcModificationTemplateId = value; break;
                default: Unknown[key] = line; break;
            }
        }

        private T? Typed<T>(string key, string value) where T : struct =>
            value.Length == 0 ? (T?)null : ParseValue<T>(key, value, Line(key), Source == "config" ? null : Source);

        /// <summary>Parses a Koha value (create_new, add_only_for_matches) or the enum name (CreateNew).</summary>
        public static T ParseValue<T>(string setting, string value, int lineNumber = 0, string? source = null) where T : struct
        {
            string compact = (value ?? string.Empty).Replace("_", string.Empty).Trim();
            if (compact.Length > 0 && Enum.TryParse(compact, ignoreCase: true, out T parsed) && Enum.IsDefined(typeof(T), parsed)) return parsed;
            var allowed = new List<string>();
            foreach (Enum v in Enum.GetValues(typeof(T))) allowed.Add(KohaImportDecider.Name(v));
            string where = lineNumber > 0 ? "Line " + lineNumber.ToString(CultureInfo.InvariantCulture) + (source != null ? " of " + source : string.Empty) + ": " : string.Empty;
            throw new FormatException(where + "'" + value + "' is not a value of " + setting + "; Koha accepts " + string.Join(", ", allowed) + ".");
        }

        // The daemon's key is a run of non-blank characters before the first colon.
        private static bool HasBlank(string text, int colon)
        {
            for (int i = 0; i < colon; i++) if (char.IsWhiteSpace(text[i])) return true;
            return false;
        }

        private string At(int line) => "Line " + line.ToString(CultureInfo.InvariantCulture) + (Source == "config" ? "" : " of " + Source) + ": ";

        private static string Shorten(string s) => s.Length > 40 ? s.Substring(0, 40) + "..." : s;

        public override string ToString() => "Koha " + (Koha ?? "?") + " as " + (User ?? "?") + (Port.HasValue ? ", port " + Port.Value.ToString(CultureInfo.InvariantCulture) : "");
    }
}
