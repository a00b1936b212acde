using System;
using System.Management.Automation;
using OclcCataloging.Connections;
using OclcCataloging.DataSync.Transfer;
using OclcCataloging.Module;

namespace OclcCataloging.Commands.DataSyncTransfer
{
    /// <summary>
    /// The saved Sftp connection the data sync transfer cmdlets share: resolves it, pins the host key and turns
    /// <see cref="SftpTransferException"/>s into error records (a run-dooming one stops the command once).
    /// </summary>
    public abstract class SftpCommandBase : PSCmdlet
    {
        private SftpConnection? _connection;

        /// <summary>An Sftp connection saved with Set-OclcConnection.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SftpConnectionNameCompleter))]
        public string Connection { get; set; } = string.Empty;

        /// <summary>The host key fingerprint to trust instead of the one saved in the connection.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HostKeyFingerprint { get; set; }

        /// <summary>
        /// The connection, opened on first use. With no host key pinned the user is asked to trust the presented one
        /// (see <see cref="SftpHostKeyPinning"/>); a trusted key, or a -HostKeyFingerprint that matched, is saved in the
        /// connection when it had none.
        /// </summary>
        internal SftpConnection Sftp
        {
            get
            {
                if (_connection != null) return _connection;
                ISftpSessionFactory factory = ModuleServices.CreateSftpSessionFactory();
                SftpEndpoint endpoint = ResolveEndpoint(out string profileName, out bool pinned);
                WriteDebug("Connecting to " + endpoint + " (connection " + profileName + ", " + SignInOf(endpoint) + "), host key " + (endpoint.HostKeyFingerprint ?? "not pinned") + ".");
                var connection = new SftpConnection(factory, endpoint);
                try { _ = connection.Session; }
                catch (SftpTransferException e) when (e.Failure == SftpFailure.HostKeyNotPinned && e.OfferedHostKeyFingerprint != null)
                {
                    connection.Dispose();
                    string? notPinned = SftpHostKeyPinning.Ask(this, profileName, endpoint, e.OfferedHostKeyFingerprint);
                    if (notPinned != null) throw new SftpTransferException(e.Failure, e.Message + " " + notPinned, e.InnerException, e.OfferedHostKeyFingerprint);
                    endpoint.HostKeyFingerprint = e.OfferedHostKeyFingerprint;
                    connection = new SftpConnection(factory, endpoint);
                    _ = connection.Session; // a key different from the one just trusted is refused as changed
                }
                if (!pinned) SftpHostKeyPinning.Save(this, profileName, endpoint.HostKeyFingerprint!);
                WriteDebug("Connected to " + endpoint + "; the server's host key is " + endpoint.HostKeyFingerprint + ".");
                return _connection = connection;
            }
        }

        /// <summary>How the connection signs in, for the debug stream: the kind of secret, never the secret.</summary>
        private static string SignInOf(SftpEndpoint endpoint)
        {
            if (endpoint.PrivateKeyPath != null) return "key file " + endpoint.PrivateKeyPath + (endpoint.PrivateKeyPassphrase != null ? " with its passphrase" : " without a passphrase");
            return endpoint.Password != null ? "password" : "no password or key";
        }

        private SftpEndpoint ResolveEndpoint(out string profileName, out bool pinned)
        {
            ResolvedConnection resolved = ConnectionResolver.Resolve(this, Connection, ConnectionKind.Sftp);
            ConnectionProfile profile = resolved.Profile;
            profileName = profile.Name;
            pinned = profile.GetSetting(ConnectionSettingNames.HostKeyFingerprint) != null;
            var endpoint = new SftpEndpoint(
                profile.GetSetting(ConnectionSettingNames.ComputerName) ?? string.Empty,
                profile.GetInt32Setting(ConnectionSettingNames.Port) ?? 22,
                profile.UserName ?? string.Empty)
            {
                HostKeyFingerprint = HostKeyFingerprint ?? profile.GetSetting(ConnectionSettingNames.HostKeyFingerprint),
                PrivateKeyPath = profile.GetSetting(ConnectionSettingNames.PrivateKeyPath),
            };
            // With a key file the saved secret is the key's passphrase (OCLC sets up key pairs instead of passwords),
            // so it is never offered to the server as a password.
            System.Security.SecureString? secret = resolved.Credential?.SecurePassword;
            if (secret != null && secret.Length > 0)
            {
                if (endpoint.PrivateKeyPath != null) endpoint.PrivateKeyPassphrase = secret;
                else endpoint.Password = secret;
            }
            return endpoint;
        }

        /// <summary>The error record for an SFTP failure; the id is "Sftp" + the failure (SftpAuthenticationFailed ...).</summary>
        internal static ErrorRecord ErrorFor(SftpTransferException e, object target)
        {
            var record = new ErrorRecord(e, ErrorIds.SftpPrefix + e.Failure, CategoryFor(e.Failure), target);
            string? advice = AdviceFor(e);
            if (advice != null) record.ErrorDetails = new ErrorDetails(e.Message + " " + advice) { RecommendedAction = advice };
            return record;
        }

        // Core states the facts; the parameter to type is worded here.
        private static string? AdviceFor(SftpTransferException e)
        {
            switch (e.Failure)
            {
                case SftpFailure.HostKeyNotPinned: return "Once OCLC has confirmed it, pin it: give -HostKeyFingerprint '" + e.OfferedHostKeyFingerprint +
                    "' (saved in the connection on the first connection that matches; Set-OclcConnection -HostKeyFingerprint saves it too), or run the command once in an interactive session and answer Yes.";
                case SftpFailure.HostKeyChanged: return "Pin the new key with -HostKeyFingerprint '" + e.OfferedHostKeyFingerprint + "' once OCLC has confirmed it.";
                default: return null;
            }
        }

        /// <summary>Writes the failure; stops the command when no later file can succeed.</summary>
        internal void Report(SftpTransferException e, object target)
        {
            if (e.DoomsRun) ThrowTerminatingError(ErrorFor(e, target));
            WriteError(ErrorFor(e, target));
        }

        private static ErrorCategory CategoryFor(SftpFailure failure)
        {
            switch (failure)
            {
                case SftpFailure.AuthenticationFailed: return ErrorCategory.AuthenticationError;
                case SftpFailure.HostKeyChanged:
                case SftpFailure.HostKeyNotPinned: return ErrorCategory.SecurityError;
                case SftpFailure.PermissionDenied: return ErrorCategory.PermissionDenied;
                case SftpFailure.NotFound: return ErrorCategory.ObjectNotFound;
                case SftpFailure.ConnectionLost: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.WriteError;
            }
        }

        internal static string Describe(TransferProgress p)
        {
            string rate = p.BytesPerSecond > 0 ? (p.BytesPerSecond / 1048576).ToString("0.0") + " MB/s" : "starting";
            return p.Name + ": " + p.Bytes + " of " + p.Total + " bytes, " + rate;
        }

        internal static int SecondsRemaining(TransferProgress p) =>
            p.Remaining is TimeSpan left ? (int)Math.Min(int.MaxValue, Math.Ceiling(left.TotalSeconds)) : -1;

        protected override void EndProcessing() => DisposeConnection();

        protected override void StopProcessing() => DisposeConnection();

        private void DisposeConnection()
        {
            _connection?.Dispose();
            _connection = null;
        }
    }
}
