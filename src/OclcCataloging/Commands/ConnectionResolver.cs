using System.Management.Automation;
using System.Security;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Finds a saved connection by name for a cmdlet's -Connection parameter, checks its kind and reads its secret.
    /// Call it on the pipeline thread (BeginProcessing or ProcessRecord): a SecretManagement secret is read through
    /// the current runspace.
    /// </summary>
    internal static class ConnectionResolver
    {
        /// <summary>
        /// The connection named <paramref name="name"/> (case-insensitive) of one of the <paramref name="accepted"/> kinds;
        /// stops the cmdlet with a terminating error when there is none (ConnectionNotFound), it is of another kind
        /// (ConnectionKindMismatch), its secret cannot be read (ConnectionSecretUnreadable) or the connections file
        /// cannot be read (ConnectionStoreUnreadable).
        /// </summary>
        internal static ResolvedConnection Resolve(PSCmdlet cmdlet, string name, params ConnectionKind[] accepted)
        {
            if (!TryResolve(cmdlet, name, accepted, out ResolvedConnection? resolved, out ErrorRecord? error))
                cmdlet.ThrowTerminatingError(error!);
            return resolved!;
        }

        /// <summary>As <see cref="Resolve"/> (an empty <paramref name="accepted"/> takes any kind), but returns the error record instead of throwing (for WriteError).</summary>
        internal static bool TryResolve(PSCmdlet cmdlet, string name, ConnectionKind[] accepted, out ResolvedConnection? resolved, out ErrorRecord? error)
        {
            resolved = null;
            error = null;
            ConnectionProfileStore store = ConnectionProfileStore.OpenDefault();
            ConnectionProfile? profile;
            try
            {
                profile = store.Find(name);
            }
            catch (ConnectionStoreException e)
            {
                error = ConnectionErrors.StoreUnreadable(e);
                return false;
            }
            if (profile == null)
            {
                error = ConnectionErrors.NotFound(name, store.Path);
                return false;
            }
            if (accepted.Length > 0 && System.Array.IndexOf(accepted, profile.Kind) < 0)
            {
                error = ConnectionErrors.KindMismatch(profile, accepted);
                return false;
            }

            SecureString? secret = null;
            if (profile.HasSecret)
            {
                try
                {
                    secret = SecretProtectors.ForRead(store, profile.SecretStore).Unprotect(profile.Name, profile.ProtectedSecret!);
                }
                catch (ConnectionSecretException e)
                {
                    error = ConnectionErrors.SecretUnreadable(profile, e);
                    return false;
                }
            }
            cmdlet.WriteVerbose("Using the saved " + profile.Kind + " connection '" + profile.Name + "' from " + store.Path +
                (profile.HasSecret ? " (secret kept with " + profile.SecretStore + ")." : " (no secret)."));
            resolved = new ResolvedConnection(profile, secret, store.Path);
            return true;
        }
    }
}
