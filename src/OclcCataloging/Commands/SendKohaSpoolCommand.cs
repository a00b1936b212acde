using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using OclcCataloging.Commands.Gateway;
using OclcCataloging.Gateway.Koha;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends the records a Koha gateway listener kept in its spool (Koha was down) to Koha again, each once, and reports each record's outcome.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "KohaSpool", HelpUri = HelpLinks.Folder + "Send-KohaSpool.md", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KohaSpoolResendResult))]
    public sealed class SendKohaSpoolCommand : KohaSinkCommand
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The spool folder (the listener's -SpoolPath); wildcards allowed, resolving to one folder.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The spool folder, taken exactly as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [ValidateNotNullOrEmpty]
        [Alias("PSPath", "LP")]
        public string LiteralPath { get; set; } = string.Empty;

        protected override void EndProcessing()
        {
            string folder = ResolveFolder();
            if (!KohaRequested)
            {
                Conflict("Send-KohaSpool needs to know where Koha is.", "Give -Koha https://staff.example with -KohaCredential or -KohaConnection, or -KohaConfigPath (the listener's settings).");
                return;
            }
            KohaSinkSetup koha = ResolveKoha();
            WriteVerbose("Resending the spool " + folder + " to " + koha + ".");

            var spool = new KohaSpool(folder);
            using (var receiver = new KohaReceiver(koha.CreateImporter(), null, WriteVerbose))
            {
                var resender = new KohaSpoolResender(spool, receiver);
                int recovered = resender.Recover();
                if (recovered > 0)
                    WriteWarning(recovered + " record(s) were being sent when an earlier resend stopped; their outcome is unknown and they are kept in " + spool.StateFolder(KohaSpoolState.Unknown) + ", not sent again.");
                foreach (KohaSpoolResendResult unknown in resender.Unknown()) WriteObject(unknown);

                IReadOnlyList<KohaSpoolEntry> pending = resender.Pending();
                bool stopped = false;
                for (int i = 0; i < pending.Count; i++)
                {
                    KohaSpoolEntry entry = pending[i];
                    if (stopped)
                    {
                        WriteObject(KohaSpoolResender.NotSent(entry, "not sent: Koha was unreachable for an earlier record of this run"));
                        continue;
                    }
                    if (!ShouldProcess(entry.Path, "Send to " + koha.StaffUrl.AbsoluteUri))
                    {
                        continue;
                    }
                    WriteProgress(new ProgressRecord(1, "Send-KohaSpool", "Record " + (i + 1) + " of " + pending.Count + ": " + entry.Name) { PercentComplete = (int)(100L * i / pending.Count) });
                    KohaSpoolResendResult? result = resender.ResendOneAsync(entry, default).GetAwaiter().GetResult();
                    if (result == null) continue; // another resend took it
                    WriteObject(result);
                    switch (result.Kind)
                    {
                        case KohaImportOutcomeKind.Refused:
                            WriteError(new ErrorRecord(new InvalidOperationException(result.Detail), ErrorIds.KohaSpoolRecordRefused, ErrorCategory.InvalidData, result)
                            {
                                ErrorDetails = new ErrorDetails("Koha refused " + entry.Name + ": " + result.Detail + ". It was moved to " + spool.StateFolder(KohaSpoolState.Refused) + ".")
                                {
                                    RecommendedAction = "Check the record and Koha's import settings; move the file back to " + spool.StateFolder(KohaSpoolState.Pending) + " to send it again.",
                                },
                            });
                            break;
                        case KohaImportOutcomeKind.NotDelivered:
                            stopped = true;
                            WriteError(new ErrorRecord(new IOException(result.Detail), ErrorIds.KohaUnreachable, ErrorCategory.ConnectionError, koha.StaffUrl)
                            {
                                ErrorDetails = new ErrorDetails("Koha at " + koha.StaffUrl.AbsoluteUri + " did not take " + entry.Name + ": " + result.Detail + ". It and the records after it stay pending.")
                                {
                                    RecommendedAction = "Check that Koha is up and the staff login works, then run Send-KohaSpool again.",
                                },
                            });
                            break;
                    }
                }
                WriteProgress(new ProgressRecord(1, "Send-KohaSpool", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private string ResolveFolder()
        {
            string path;
            if (ParameterSetName == LiteralPathSet)
            {
                path = GetUnresolvedProviderPathFromPSPath(LiteralPath);
            }
            else
            {
                var found = new List<string>();
                try
                {
                    found.AddRange(GetResolvedProviderPathFromPSPath(Path, out _));
                }
                catch (ItemNotFoundException) { }
                if (found.Count > 1)
                    Fail("-Path '" + Path + "' matches " + found.Count + " folders; a spool is one folder.", Path);
                path = found.Count == 1 ? found[0] : GetUnresolvedProviderPathFromPSPath(Path);
            }
            if (!Directory.Exists(path))
                Fail("The spool folder '" + path + "' does not exist.", path);
            return path;
        }

        private void Fail(string message, object target)
        {
            ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException(message), ErrorIds.KohaSpoolNotFound, ErrorCategory.ObjectNotFound, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Give the folder used as Start-GatewayListener -SpoolPath." },
            });
        }
    }
}
