using System.Management.Automation;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes saved connections, with their secrets.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OclcConnection", HelpUri = HelpLinks.Folder + "Remove-OclcConnection.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveOclcConnectionCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            ConnectionProfileStore store = ConnectionProfileStore.OpenDefault();
            foreach (string name in Name)
            {
                ConnectionProfile? profile;
                try { profile = store.Find(name); }
                catch (ConnectionStoreException e) { ThrowTerminatingError(ConnectionErrors.StoreUnreadable(e)); return; }
                if (profile == null)
                {
                    WriteError(ConnectionErrors.NotFound(name, store.Path));
                    continue;
                }
                if (!ShouldProcess("'" + profile.Name + "' (" + profile.Kind + ") in " + store.Path, "Remove connection")) continue;
                try { store.Remove(profile.Name); }
                catch (ConnectionStoreException e) { ThrowTerminatingError(ConnectionErrors.StoreWriteFailed(e)); return; }
                if (profile.SecretStore == SecretStoreKind.SecretManagement) Forget(store, profile);
                WriteVerbose("Removed the " + profile.Kind + " connection '" + profile.Name + "' from " + store.Path + ".");
            }
        }

        private void Forget(ConnectionProfileStore store, ConnectionProfile profile)
        {
            try { SecretProtectors.ForRead(store, profile.SecretStore).Forget(profile.ProtectedSecret!); }
            catch (ConnectionSecretException e)
            {
                WriteError(new ErrorRecord(e, ErrorIds.ConnectionSecretNotRemoved, ErrorCategory.ResourceUnavailable, profile.Name));
            }
        }
    }
}
