using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using OclcCataloging.Connections;
using OclcCataloging.Gateway.Koha;
using OclcCataloging.Ils.Koha;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>
    /// The parameters that say where Koha is and how records go into it, shared by Start-GatewayListener (its Koha sink)
    /// and Send-KohaSpool, and the one place they are combined with connexion_import_daemon.pl's configuration file:
    /// a parameter given on the command line wins over the file (docs/design/koha-receiver.md).
    /// </summary>
    public abstract class KohaSinkCommand : PSCmdlet
    {
        private KohaDaemonConfig? _config;
        private bool _configRead;

        /// <summary>Koha's staff interface, e.g. https://staff.example (the daemon's koha:).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Koha { get; set; }

        /// <summary>connexion_import_daemon.pl's configuration file; its keys fill every parameter not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? KohaConfigPath { get; set; }

        /// <summary>The Koha staff user and password records are loaded as (the daemon's user:/password:).</summary>
        [Parameter]
        [Credential]
        public PSCredential? KohaCredential { get; set; }

        /// <summary>A Gateway connection saved with Set-OclcConnection whose logon ID and secret are the Koha staff user and password.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GatewayConnectionNameCompleter))]
        public string? KohaConnection { get; set; }

        /// <summary>ImportBib (svc/import_bib, as the daemon) or Rest (/api/v1/biblios).</summary>
        [Parameter]
        public KohaImportApi KohaApi { get; set; } = KohaImportApi.ImportBib;

        /// <summary>Koha older than 24.05: log in through mainpage.pl instead of the CSRF login (svc/import_bib only).</summary>
        [Parameter]
        public SwitchParameter KohaLegacyLogin { get; set; }

        /// <summary>The Koha matching rule code, e.g. ISBN (match:).</summary>
        [Parameter]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(KohaSettingCompleter))]
        public string? Match { get; set; }

        /// <summary>replace, create_new or ignore (overlay_action:).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KohaSettingCompleter))]
        public string? OverlayAction { get; set; }

        /// <summary>create_new or ignore (nomatch_action:).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KohaSettingCompleter))]
        public string? NomatchAction { get; set; }

        /// <summary>always_add, add_only_for_matches, add_only_for_new, ignore or replace (item_action:).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KohaSettingCompleter))]
        public string? ItemAction { get; set; }

        /// <summary>stage or direct (import_mode:).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(KohaSettingCompleter))]
        public string? ImportMode { get; set; }

        /// <summary>The MARC framework code for new records (framework:).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Framework { get; set; }

        /// <summary>The MARC framework code for overlaid records (overlay_framework:).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? OverlayFramework { get; set; }

        /// <summary>True when any Koha parameter was given.</summary>
        protected bool KohaRequested => Koha != null || KohaConfigPath != null;

        /// <summary>Names of the Koha parameters that were given (for "needs -Koha" messages).</summary>
        protected IEnumerable<string> BoundKohaParameters()
        {
            foreach (string name in new[] { nameof(KohaCredential), nameof(KohaConnection), nameof(KohaApi), nameof(KohaLegacyLogin), nameof(Match),
                nameof(OverlayAction), nameof(NomatchAction), nameof(ItemAction), nameof(ImportMode), nameof(Framework), nameof(OverlayFramework) })
            {
                if (MyInvocation.BoundParameters.ContainsKey(name)) yield return name;
            }
        }

        /// <summary>The daemon configuration of -KohaConfigPath (read once), or null.</summary>
        protected KohaDaemonConfig? DaemonConfig()
        {
            if (_configRead) return _config;
            _configRead = true;
            if (KohaConfigPath == null) return null;
            string path = GetUnresolvedProviderPathFromPSPath(KohaConfigPath);
            try
            {
                _config = KohaDaemonConfig.Load(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is FormatException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.KohaConfigUnreadable,
                    e is FormatException ? ErrorCategory.InvalidData : ErrorCategory.ReadError, KohaConfigPath)
                {
                    ErrorDetails = new ErrorDetails("The Koha daemon configuration '" + path + "' cannot be used: " + e.Message)
                    {
                        RecommendedAction = "Fix the file (lines are 'name: value'), or leave out -KohaConfigPath and give -Koha and -KohaCredential.",
                    },
                });
            }
            foreach (var unknown in _config!.Unknown) WriteWarning("Line " + unknown.Value + " of " + path + ": '" + unknown.Key + "' is not a key of connexion_import_daemon.pl; it is ignored.");
            return _config;
        }

        /// <summary>Stops the cmdlet naming the parameter to use instead.</summary>
        protected void Conflict(string message, string recommended)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), ErrorIds.KohaParameterConflict, ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommended },
            });
        }

        /// <summary>
        /// Where Koha is, who to log in as and the import settings, from the parameters over the configuration file.
        /// Stops the cmdlet (KohaParameterConflict, KohaSettingsInvalid) when something is missing or wrong.
        /// </summary>
        protected KohaSinkSetup ResolveKoha()
        {
            if (KohaCredential != null && KohaConnection != null)
                Conflict("-KohaCredential and -KohaConnection both give the Koha staff login.", "Use -KohaCredential or -KohaConnection, not both.");
            if (KohaLegacyLogin && KohaApi == KohaImportApi.Rest)
                Conflict("-KohaLegacyLogin is the svc/import_bib login; -KohaApi Rest uses HTTP Basic authentication.", "Leave out -KohaLegacyLogin, or use -KohaApi ImportBib.");
            KohaDaemonConfig? config = DaemonConfig();

            string? url = Koha?.AbsoluteUri ?? config?.Koha;
            if (string.IsNullOrEmpty(url))
                Conflict("No Koha staff interface address: " + (config != null ? config.Source + " sets no koha: line." : "-Koha is missing."),
                    "Give -Koha https://staff.example (or a koha: line in the -KohaConfigPath file).");
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? staff) || (staff!.Scheme != Uri.UriSchemeHttp && staff.Scheme != Uri.UriSchemeHttps))
            {
                Invalid("The Koha address '" + url + "' is not an http or https URL.", "Give -Koha https://staff.example.");
                return null!;
            }

            NetworkCredential? login = null;
            if (KohaCredential != null && KohaCredential != PSCredential.Empty)
                login = new NetworkCredential(KohaCredential.UserName, KohaCredential.Password);
            else if (KohaConnection != null)
                login = ConnectionResolver.Resolve(this, KohaConnection, ConnectionKind.Gateway).Credential;
            else if (!string.IsNullOrEmpty(config?.User))
                login = new NetworkCredential(config!.User, config.Password ?? "");
            if (login == null || string.IsNullOrEmpty(login.UserName))
                Conflict("No Koha staff login: " + (config != null ? config.Source + " sets no user:/password:, and " : "") + "neither -KohaCredential nor -KohaConnection was given.",
                    "Give -KohaCredential (Get-Credential) or -KohaConnection <saved Gateway connection>.");

            var fields = new KohaImportFields();
            if (config != null)
            {
                try
                {
                    config.ToImportSettings(); // the file's values, checked against what Koha accepts
                }
                catch (FormatException e)
                {
                    Invalid(e.Message, "Correct the value in " + config.Source + ", or override it with the parameter of the same name (e.g. -OverlayAction).");
                }
                Copy(config.Fields, fields);
            }
            if (Match != null) fields.Match = Match.Trim();
            if (OverlayAction != null) fields.OverlayAction = Checked<KohaOverlayAction>(KohaSettingNames.OverlayAction, OverlayAction);
            if (NomatchAction != null) fields.NomatchAction = Checked<KohaNomatchAction>(KohaSettingNames.NomatchAction, NomatchAction);
            if (ItemAction != null) fields.ItemAction = Checked<KohaItemAction>(KohaSettingNames.ItemAction, ItemAction);
            if (ImportMode != null) fields.ImportMode = Checked<KohaImportMode>(KohaSettingNames.ImportMode, ImportMode);
            if (Framework != null) fields.Framework = Framework;
            if (OverlayFramework != null) fields.OverlayFramework = OverlayFramework;
            return new KohaSinkSetup(staff, login!, fields, KohaApi, !KohaLegacyLogin, config);
        }

        private string Checked<T>(string setting, string value) where T : struct
        {
            try
            {
                return KohaImportDecider.Name((Enum)(object)KohaDaemonConfig.ParseValue<T>(setting, value));
            }
            catch (FormatException e)
            {
                Invalid(e.Message, "Press Tab after the parameter name to see the values.");
                return value;
            }
        }

        private void Invalid(string message, string recommended)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), ErrorIds.KohaSettingsInvalid, ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommended },
            });
        }

        private static void Copy(KohaImportFields from, KohaImportFields to)
        {
            to.Match = from.Match;
            to.OverlayAction = from.OverlayAction;
            to.NomatchAction = from.NomatchAction;
            to.ItemAction = from.ItemAction;
            to.ImportMode = from.ImportMode;
            to.Framework = from.Framework;
            to.OverlayFramework = from.OverlayFramework;
            to.MarcModificationTemplateId = from.MarcModificationTemplateId;
        }
    }

    /// <summary>Where records go in Koha and how, once parameters and configuration file are combined.</summary>
    public sealed class KohaSinkSetup
    {
        internal KohaSinkSetup(Uri staff, NetworkCredential credential, KohaImportFields fields, KohaImportApi api, bool csrfLogin, KohaDaemonConfig? config)
        {
            StaffUrl = staff;
            Credential = credential;
            Fields = fields;
            Api = api;
            CsrfLogin = csrfLogin;
            Config = config;
        }

        public Uri StaffUrl { get; }

        internal NetworkCredential Credential { get; }

        public KohaImportFields Fields { get; }

        public KohaImportApi Api { get; }

        public bool CsrfLogin { get; }

        internal KohaDaemonConfig? Config { get; }

        internal IKohaImporter CreateImporter() => KohaImporters.Create(Api, new OclcCataloging.Gateway.Koha.KohaConnection(StaffUrl, Credential), Fields, CsrfLogin);

        /// <summary>One line for the log: where, as whom, which settings; never the password.</summary>
        public override string ToString()
        {
            var parts = new List<string>();
            void Add(string name, string value) { if (value.Length > 0) parts.Add(name + "=" + value); }
            Add(KohaSettingNames.Match, Fields.Match);
            Add(KohaSettingNames.OverlayAction, Fields.OverlayAction);
            Add(KohaSettingNames.NomatchAction, Fields.NomatchAction);
            Add(KohaSettingNames.ItemAction, Fields.ItemAction);
            Add(KohaSettingNames.ImportMode, Fields.ImportMode);
            Add("framework", Fields.Framework);
            Add("overlay_framework", Fields.OverlayFramework);
            return "Koha " + StaffUrl.AbsoluteUri + " as '" + Credential.UserName + "' through " + (Api == KohaImportApi.Rest ? "/api/v1/biblios" : "svc/import_bib" + (CsrfLogin ? "" : " (older login)"))
                + (parts.Count > 0 ? "; " + string.Join(", ", parts) : "; Koha's defaults (import_mode stage)");
        }
    }
}
