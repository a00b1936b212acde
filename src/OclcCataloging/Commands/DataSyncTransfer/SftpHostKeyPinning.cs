using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using OclcCataloging.Connections;
using OclcCataloging.DataSync.Transfer;

namespace OclcCataloging.Commands.DataSyncTransfer
{
    /// <summary>
    /// First use of a server whose host key is not pinned (docs/design/data-sync-transfer.md, "Host keys"): an
    /// interactive session is asked, showing the presented fingerprint, with No as the default; an unattended one
    /// (a -NonInteractive host, or -Confirm:$false) is not asked and gets the error with the fingerprint to pin.
    /// A trusted key is saved in the connection.
    /// </summary>
    internal static class SftpHostKeyPinning
    {
        /// <summary>Null when the user trusts <paramref name="fingerprint"/>; otherwise why it was not pinned.</summary>
        internal static string? Ask(PSCmdlet cmdlet, string connectionName, SftpEndpoint endpoint, string fingerprint)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm) && confirm is SwitchParameter s && !s.IsPresent)
                return "It was not pinned: -Confirm:$false asks nothing.";
            var choices = new Collection<ChoiceDescription>
            {
                new ChoiceDescription("&Yes", "Trust this key and pin it in the connection '" + connectionName + "'."),
                new ChoiceDescription("&No", "Do not connect."),
            };
            string message = "The SFTP server " + endpoint.Host + ":" + endpoint.Port + " presented the host key\n    " + fingerprint +
                "\nNo key is pinned in the connection '" + connectionName + "' yet. Compare it with the fingerprint OCLC (or the server's administrator) gave you." +
                "\nTrust this key and pin it in the connection?";
            try
            {
                return cmdlet.Host.UI.PromptForChoice("Unknown SFTP host key", message, choices, 1) == 0 ? null : "It was not pinned: the answer was No.";
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is HostException || e is NotImplementedException)
            {
                return "It was not pinned: this session cannot ask (non-interactive).";
            }
            catch (Exception e) when (!(e is PipelineStoppedException))
            {
                // e.g. a host whose input ended: no answer is not a Yes
                return "It was not pinned: the question could not be answered (" + e.GetType().Name + ").";
            }
        }

        /// <summary>Saves <paramref name="fingerprint"/> in the connection; a failure to save is a warning (this run goes on).</summary>
        internal static void Save(PSCmdlet cmdlet, string connectionName, string fingerprint)
        {
            string pin = SftpHostKeys.Normalize(fingerprint)!;
            ConnectionProfileStore store = ConnectionProfileStore.OpenDefault();
            try
            {
                ConnectionProfile? profile = store.Find(connectionName);
                if (profile == null || profile.Kind != ConnectionKind.Sftp) return;
                profile.Settings[ConnectionSettingNames.HostKeyFingerprint] = pin;
                profile.Modified = DateTimeOffset.UtcNow;
                store.Save(profile);
                cmdlet.WriteVerbose("Pinned the host key " + pin + " in the connection '" + connectionName + "' (" + store.Path + ").");
            }
            catch (ConnectionStoreException e)
            {
                cmdlet.WriteWarning("The host key " + pin + " could not be saved in the connection '" + connectionName + "': " + e.Message +
                    " Save it with Set-OclcConnection -Name '" + connectionName + "' -Kind Sftp -HostKeyFingerprint '" + pin + "' (with the connection's other settings).");
            }
        }
    }
}
