using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using OclcCataloging.Connections;
using OclcCataloging.Gateway;
using OclcCataloging.Search;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Saves a named connection (WorldCat key and secret, SRU server, id.loc.gov, gateway receiver and logon) for use by name.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OclcConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ConnectionProfile))]
    public sealed class SetOclcConnectionCommand : PSCmdlet
    {
        private static readonly char[] NotInNames = { '*', '?', '[', ']', '/', '\\' };

        // Which kinds each kind-specific parameter applies to.
        private static readonly Dictionary<string, ConnectionKind[]> KindsOf = new Dictionary<string, ConnectionKind[]>(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(Credential)] = new[] { ConnectionKind.WorldCat, ConnectionKind.Sru, ConnectionKind.Gateway },
            [nameof(BaseAddress)] = new[] { ConnectionKind.WorldCat, ConnectionKind.Sru, ConnectionKind.IdLoc },
            [nameof(TokenAddress)] = new[] { ConnectionKind.WorldCat },
            [nameof(Scope)] = new[] { ConnectionKind.WorldCat },
            [nameof(RecordFormat)] = new[] { ConnectionKind.WorldCat },
            [nameof(RequestsPerSecond)] = new[] { ConnectionKind.WorldCat },
            [nameof(DailyBudget)] = new[] { ConnectionKind.WorldCat },
            [nameof(SruVersion)] = new[] { ConnectionKind.Sru },
            [nameof(RecordSchema)] = new[] { ConnectionKind.Sru },
            [nameof(IndexMap)] = new[] { ConnectionKind.Sru },
            [nameof(Scheme)] = new[] { ConnectionKind.IdLoc },
            [nameof(ComputerName)] = new[] { ConnectionKind.Gateway },
            [nameof(Port)] = new[] { ConnectionKind.Gateway },
            [nameof(ReceiverType)] = new[] { ConnectionKind.Gateway },
            [nameof(UserId)] = new[] { ConnectionKind.Gateway },
        };

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public ConnectionKind Kind { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public Uri? BaseAddress { get; set; }

        [Parameter]
        public Uri? TokenAddress { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Scope { get; set; }

        [Parameter]
        [ValidateSet("MarcXml", "Marc21", IgnoreCase = true)]
        public string? RecordFormat { get; set; }

        [Parameter]
        [ValidateRange(0.01, 1000.0)]
        public double RequestsPerSecond { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int DailyBudget { get; set; }

        [Parameter]
        [ValidateSet("1.1", "1.2", "2.0")]
        public string? SruVersion { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RecordSchema { get; set; }

        [Parameter]
        public Hashtable? IndexMap { get; set; }

        [Parameter]
        [ValidateSet("Names", "Subjects", "All", IgnoreCase = true)]
        public string? Scheme { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ComputerName { get; set; }

        [Parameter]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        [Parameter]
        public GatewayReceiverType ReceiverType { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        public SecretStoreChoice SecretStore { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Vault { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            string name = Name.Trim();
            if (name.Length == 0 || name.Length > 100 || name.IndexOfAny(NotInNames) >= 0 || HasControlCharacter(name))
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.InvalidConnectionName,
                    "'" + Name + "' cannot be a connection name: use up to 100 characters without * ? [ ] / \\ or control characters.", Name));
            CheckParametersFitKind();
            if (Vault != null && SecretStore != SecretStoreChoice.Auto && SecretStore != SecretStoreChoice.SecretManagement)
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ParameterNotForKind, "-Vault is only used with -SecretStore SecretManagement.", Vault));

            ConnectionProfile profile = BuildProfile(name);
            ConnectionProfileStore store = ConnectionProfileStore.OpenDefault();
            ConnectionProfile? existing = null;
            try { existing = store.Find(name); }
            catch (ConnectionStoreException e) { ThrowTerminatingError(ConnectionErrors.StoreUnreadable(e)); }

            string action = existing == null ? "Save " + Kind + " connection" : "Replace " + existing.Kind + " connection with a " + Kind + " connection";
            if (!ShouldProcess("'" + name + "' in " + store.Path, action)) return;

            SecureString? password = Credential?.Password;
            if (password != null && password.Length > 0) ProtectSecret(store, profile, password);

            profile.Modified = DateTimeOffset.UtcNow;
            try { store.Save(profile); }
            catch (ConnectionStoreException e)
            {
                // The vault entry just written would be orphaned; remove it again.
                if (profile.SecretStore == SecretStoreKind.SecretManagement && existing?.ProtectedSecret != profile.ProtectedSecret) TryForget(store, profile);
                ThrowTerminatingError(ConnectionErrors.StoreWriteFailed(e));
            }
            if (existing != null && existing.HasSecret && existing.ProtectedSecret != profile.ProtectedSecret) TryForget(store, existing);

            WriteVerbose("Saved the " + Kind + " connection '" + name + "' in " + store.Path +
                (profile.HasSecret ? "; its secret is kept with " + profile.SecretStore + "." : " without a secret."));
            if (PassThru) WriteObject(profile);
        }

        private void CheckParametersFitKind()
        {
            foreach (string parameter in MyInvocation.BoundParameters.Keys)
            {
                if (KindsOf.TryGetValue(parameter, out ConnectionKind[]? kinds) && Array.IndexOf(kinds, Kind) < 0)
                    ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ParameterNotForKind,
                        "-" + parameter + " does not apply to " + Kind + " connections (only to " + string.Join(", ", kinds) + ").", parameter));
            }
            RequireFor(ConnectionKind.WorldCat, nameof(Credential), "the WorldCat client id (user name) and secret (password)");
            if (Kind == ConnectionKind.WorldCat && Credential != null && (Credential.Password == null || Credential.Password.Length == 0))
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ConnectionSettingMissing,
                    "Connections of kind WorldCat need the secret as the password of -Credential.", nameof(Credential)));
            RequireFor(ConnectionKind.Sru, nameof(BaseAddress), "the SRU server's address");
            RequireFor(ConnectionKind.Gateway, nameof(ComputerName), "the receiver's host name");
            RequireFor(ConnectionKind.Gateway, nameof(Port), "the receiver's port");
        }

        private void RequireFor(ConnectionKind kind, string parameter, string what)
        {
            if (Kind == kind && !MyInvocation.BoundParameters.ContainsKey(parameter))
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ConnectionSettingMissing,
                    "Connections of kind " + kind + " need -" + parameter + " (" + what + ").", parameter));
        }

        private ConnectionProfile BuildProfile(string name)
        {
            var p = new ConnectionProfile(name, Kind) { Description = string.IsNullOrEmpty(Description) ? null : Description };
            if (Credential != null && !string.IsNullOrEmpty(Credential.UserName)) p.UserName = Credential.UserName.TrimStart('\\');
            var s = p.Settings;
            if (BaseAddress != null) s[ConnectionSettingNames.BaseAddress] = RequireWebAddress(BaseAddress, nameof(BaseAddress));
            if (TokenAddress != null) s[ConnectionSettingNames.TokenAddress] = RequireWebAddress(TokenAddress, nameof(TokenAddress));
            if (Scope != null) s[ConnectionSettingNames.Scope] = Scope;
            if (RecordFormat != null) s[ConnectionSettingNames.RecordFormat] = RecordFormat;
            if (Bound(nameof(RequestsPerSecond))) s[ConnectionSettingNames.RequestsPerSecond] = RequestsPerSecond.ToString("R", CultureInfo.InvariantCulture);
            if (Bound(nameof(DailyBudget))) s[ConnectionSettingNames.DailyBudget] = DailyBudget.ToString(CultureInfo.InvariantCulture);
            if (SruVersion != null) s[ConnectionSettingNames.SruVersion] = SruVersion;
            if (RecordSchema != null) s[ConnectionSettingNames.RecordSchema] = RecordSchema;
            if (Scheme != null) s[ConnectionSettingNames.Scheme] = Canonical(Scheme, "Names", "Subjects", "All");
            if (ComputerName != null) s[ConnectionSettingNames.ComputerName] = ComputerName;
            if (Bound(nameof(Port))) s[ConnectionSettingNames.Port] = Port.ToString(CultureInfo.InvariantCulture);
            if (Bound(nameof(ReceiverType))) s[ConnectionSettingNames.ReceiverType] = ReceiverType.ToString();
            if (UserId != null) s[ConnectionSettingNames.UserId] = UserId;
            if (IndexMap != null) CopyIndexMap(p);
            return p;
        }

        private void CopyIndexMap(ConnectionProfile p)
        {
            foreach (DictionaryEntry entry in IndexMap!)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                if (!Enum.TryParse(key, true, out SearchIndex index) || !Enum.IsDefined(typeof(SearchIndex), index) || int.TryParse(key, out _))
                    ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.InvalidConnectionSetting,
                        "-IndexMap: '" + key + "' is not a search index; use " + string.Join(", ", Enum.GetNames(typeof(SearchIndex))) + ".", key));
                string? cql = entry.Value is PSObject o ? o.BaseObject?.ToString() : entry.Value?.ToString();
                if (string.IsNullOrWhiteSpace(cql))
                    ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.InvalidConnectionSetting, "-IndexMap: the CQL index for '" + key + "' is empty.", key));
                p.IndexMap[index.ToString()] = cql!.Trim();
            }
        }

        private string RequireWebAddress(Uri uri, string parameter)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.InvalidConnectionSetting,
                    "-" + parameter + " must be an absolute http or https address, e.g. https://sru.example.org/catalog.", uri.OriginalString));
            if (!string.IsNullOrEmpty(uri.UserInfo))
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.InvalidConnectionSetting,
                    "-" + parameter + " must not contain a user name or password; give them with -Credential so they are stored protected.", parameter));
            return uri.AbsoluteUri;
        }

        private void ProtectSecret(ConnectionProfileStore store, ConnectionProfile profile, SecureString password)
        {
            ISecretProtector protector;
            try { protector = SecretProtectors.ForSave(store, SecretStore, Vault); }
            catch (ConnectionSecretException e) { ThrowTerminatingError(ConnectionErrors.SecretStoreUnavailable(profile.Name, e)); return; }
            try { profile.SetProtectedSecret(protector.Kind, protector.Protect(profile.Name, password)); }
            catch (ConnectionSecretException e)
            {
                ThrowTerminatingError(protector.Kind == SecretStoreKind.SecretManagement && Vault == null
                    ? ConnectionErrors.SecretStoreUnavailable(profile.Name, e)
                    : ConnectionErrors.SecretNotSaved(profile.Name, e));
            }
        }

        private void TryForget(ConnectionProfileStore store, ConnectionProfile profile)
        {
            try { SecretProtectors.ForRead(store, profile.SecretStore).Forget(profile.ProtectedSecret!); }
            catch (ConnectionSecretException e)
            {
                WriteWarning("The old secret of connection '" + profile.Name + "' could not be removed from its vault: " + e.Message);
            }
        }

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        private static string Canonical(string value, params string[] names) =>
            Array.Find(names, n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) ?? value;

        private static bool HasControlCharacter(string s)
        {
            foreach (char c in s) if (char.IsControl(c)) return true;
            return false;
        }
    }
}
