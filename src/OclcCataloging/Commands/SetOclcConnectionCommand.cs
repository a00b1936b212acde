using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using OclcCataloging.Connections;
using OclcCataloging.DataSync.Transfer;
using OclcCataloging.Gateway;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Search.WorldCat;
using OclcCataloging.Commands.Completion;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Saves a named connection (WorldCat key and secret, SRU server, id.loc.gov, gateway receiver and logon) for use by name.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OclcConnection", HelpUri = HelpLinks.Folder + "Set-OclcConnection.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ConnectionProfile))]
    public sealed class SetOclcConnectionCommand : PSCmdlet
    {
        private static readonly char[] NotInNames = { '*', '?', '[', ']', '/', '\\' };

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
        [ArgumentCompleter(typeof(WorldCatScopeCompleter))]
        public string? Scope { get; set; }

        [Parameter]
        public WorldCatRecordFormat? RecordFormat { get; set; }

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
        [ArgumentCompleter(typeof(SruRecordSchemaCompleter))]
        public string? RecordSchema { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(IndexMapPresetCompleter))]
        [ValidateNotNull]
        public object? IndexMap { get; set; }

        [Parameter]
        public IdLocScheme? Scheme { get; set; }

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

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HostKeyFingerprint { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PrivateKeyPath { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        public SecretStoreChoice SecretStore { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SecretVaultCompleter))]
        public string? Vault { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>A WorldCat scope without the record-action scopes is valid for searching; say what it will not allow.</summary>
        private void WarnAboutScope()
        {
            if (Kind != ConnectionKind.WorldCat || Scope == null) return;
            string[] missing = OclcCataloging.Actions.WorldCat.WorldCatScopes.NotCovered(Scope);
            if (missing.Length == 0) return;
            WriteWarning("The scope '" + Scope + "' does not include " + string.Join(", ", missing)
                + ": the WorldCat record-action cmdlets that need them (holdings, local holdings records, validation) will refuse this connection. "
                + "WorldCatMetadataAPI covers them all.");
        }

        protected override void ProcessRecord()
        {
            string name = Name.Trim();
            if (name.Length == 0 || name.Length > 100 || name.IndexOfAny(NotInNames) >= 0 || HasControlCharacter(name))
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.InvalidConnectionName,
                    "'" + Name + "' cannot be a connection name: use up to 100 characters without * ? [ ] / \\ or control characters.", Name));
            CheckParametersFitKind();
            if (Vault != null && SecretStore != SecretStoreChoice.Auto && SecretStore != SecretStoreChoice.SecretManagement)
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ParameterNotForKind, "-Vault is only used with -SecretStore SecretManagement.", Vault));

            WarnAboutScope();
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
            ConnectionSettingRule? misplaced = ConnectionKindSettings.FirstNotFor(Kind, MyInvocation.BoundParameters.Keys);
            if (misplaced != null)
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ParameterNotForKind,
                    "-" + misplaced.Name + " does not apply to " + Kind + " connections (only to " + string.Join(", ", misplaced.Kinds) + ").", misplaced.Name));
            ConnectionSettingRule? missing = ConnectionKindSettings.FirstMissing(Kind, Bound);
            if (missing != null)
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ConnectionSettingMissing,
                    "Connections of kind " + Kind + " need -" + missing.Name + " (" + missing.Description + ").", missing.Name));
            if (ConnectionKindSettings.NeedsSecret(Kind) && Credential != null && (Credential.Password == null || Credential.Password.Length == 0))
                ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.ConnectionSettingMissing,
                    "Connections of kind " + Kind + " need the secret as the password of -Credential.", nameof(Credential)));
        }

        private ConnectionProfile BuildProfile(string name)
        {
            var p = new ConnectionProfile(name, Kind) { Description = string.IsNullOrEmpty(Description) ? null : Description };
            if (Credential != null && !string.IsNullOrEmpty(Credential.UserName)) p.UserName = Credential.UserName.TrimStart('\\');
            var s = p.Settings;
            if (BaseAddress != null) s[ConnectionSettingNames.BaseAddress] = RequireWebAddress(BaseAddress, nameof(BaseAddress));
            if (TokenAddress != null) s[ConnectionSettingNames.TokenAddress] = RequireWebAddress(TokenAddress, nameof(TokenAddress));
            if (Scope != null) s[ConnectionSettingNames.Scope] = Scope;
            if (RecordFormat.HasValue) s[ConnectionSettingNames.RecordFormat] = RecordFormat.Value.ToString();
            if (Bound(nameof(RequestsPerSecond))) s[ConnectionSettingNames.RequestsPerSecond] = RequestsPerSecond.ToString("R", CultureInfo.InvariantCulture);
            if (Bound(nameof(DailyBudget))) s[ConnectionSettingNames.DailyBudget] = DailyBudget.ToString(CultureInfo.InvariantCulture);
            if (SruVersion != null) s[ConnectionSettingNames.SruVersion] = SruVersion;
            if (RecordSchema != null) s[ConnectionSettingNames.RecordSchema] = RecordSchema;
            if (Scheme.HasValue) s[ConnectionSettingNames.Scheme] = Scheme.Value.ToString();
            if (ComputerName != null) s[ConnectionSettingNames.ComputerName] = ComputerName;
            if (Bound(nameof(Port))) s[ConnectionSettingNames.Port] = Port.ToString(CultureInfo.InvariantCulture);
            if (Bound(nameof(ReceiverType))) s[ConnectionSettingNames.ReceiverType] = ReceiverType.ToString();
            if (UserId != null) s[ConnectionSettingNames.UserId] = UserId;
            if (HostKeyFingerprint != null) s[ConnectionSettingNames.HostKeyFingerprint] = SftpHostKeys.Normalize(HostKeyFingerprint)!;
            if (PrivateKeyPath != null) s[ConnectionSettingNames.PrivateKeyPath] = SessionState.Path.GetUnresolvedProviderPathFromPSPath(PrivateKeyPath);
            if (IndexMap != null) CopyIndexMap(p);
            return p;
        }

        private void CopyIndexMap(ConnectionProfile p)
        {
            IDictionary<string, string>? entries = null;
            try { entries = IndexMapArgument.ToEntries(IndexMap); }
            catch (ArgumentException e) { ThrowTerminatingError(ConnectionErrors.Invalid(ErrorIds.InvalidConnectionSetting, e.Message, IndexMap!)); }
            foreach (var entry in entries!) p.IndexMap[entry.Key] = entry.Value;
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

        private static bool HasControlCharacter(string s)
        {
            foreach (char c in s) if (char.IsControl(c)) return true;
            return false;
        }
    }
}
