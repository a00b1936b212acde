using System;
using System.Management.Automation;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>The error records of saved connections. None of them ever carries a secret.</summary>
    internal static class ConnectionErrors
    {
        internal static ErrorRecord NotFound(string name, string storePath) =>
            Record(new ItemNotFoundException("No saved connection is named '" + name + "' (connections file: " + storePath + ")."),
                ErrorIds.ConnectionNotFound, ErrorCategory.ObjectNotFound, name,
                "Run Get-OclcConnection to list the saved connections, or save this one with Set-OclcConnection.");

        internal static ErrorRecord KindMismatch(ConnectionProfile profile, ConnectionKind[] accepted)
        {
            string kinds = string.Join(" or ", accepted);
            return Record(new ArgumentException("The connection '" + profile.Name + "' is of kind " + profile.Kind + "; this command needs a connection of kind " + kinds + "."),
                ErrorIds.ConnectionKindMismatch, ErrorCategory.InvalidArgument, profile.Name,
                "Run Get-OclcConnection -Kind " + accepted[0] + " to list the " + accepted[0] + " connections.");
        }

        internal static ErrorRecord SecretUnreadable(ConnectionProfile profile, ConnectionSecretException e) =>
            Record(e, ErrorIds.ConnectionSecretUnreadable, ErrorCategory.SecurityError, profile.Name,
                "Save the connection again as the account that uses it: Set-OclcConnection -Name '" + profile.Name + "' -Kind " + profile.Kind + " -Credential (Get-Credential) ...");

        internal static ErrorRecord SecretNotSaved(string name, ConnectionSecretException e) =>
            Record(e, ErrorIds.ConnectionSecretNotSaved, ErrorCategory.SecurityError, name, null);

        internal static ErrorRecord SecretStoreUnavailable(string name, ConnectionSecretException e) =>
            Record(e, ErrorIds.SecretStoreUnavailable, ErrorCategory.NotInstalled, name,
                "Use -SecretStore KeyFile, or install Microsoft.PowerShell.SecretManagement with a vault and register it with Register-SecretVault -DefaultVault.");

        internal static ErrorRecord StoreUnreadable(ConnectionStoreException e) =>
            Record(e, ErrorIds.ConnectionStoreUnreadable, ErrorCategory.ReadError, e.Path, null);

        internal static ErrorRecord StoreWriteFailed(ConnectionStoreException e) =>
            Record(e, ErrorIds.ConnectionStoreWriteFailed, ErrorCategory.WriteError, e.Path, null);

        internal static ErrorRecord Invalid(string id, string message, object target) =>
            Record(new ArgumentException(message), id, ErrorCategory.InvalidArgument, target, null);

        private static ErrorRecord Record(Exception e, string id, ErrorCategory category, object target, string? recommendedAction)
        {
            var record = new ErrorRecord(e, id, category, target);
            if (recommendedAction != null) record.ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = recommendedAction };
            return record;
        }
    }
}
