using System;
using System.IO;
using System.Management.Automation;
using OclcCataloging.DataSync.Transfer;

namespace OclcCataloging.Commands.DataSyncTransfer
{
    /// <summary>
    /// <para type="synopsis">Downloads OCLC's data sync output files and reports listed by Get-DataSyncRemoteFile.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "DataSyncFile", HelpUri = HelpLinks.Folder + "Receive-DataSyncFile.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DataSyncDownloadResult))]
    public sealed class ReceiveDataSyncFileCommand : SftpCommandBase
    {
        private ProgressThrottle? _progress;
        private DataSyncDownloadState? _state;
        private string _destination = string.Empty;

        /// <summary>The server files, from Get-DataSyncRemoteFile.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public DataSyncRemoteFile[] InputObject { get; set; } = Array.Empty<DataSyncRemoteFile>();

        /// <summary>The local folder to download into (created when missing).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Unpack .zip files beside the downloaded file.</summary>
        [Parameter]
        public SwitchParameter Expand { get; set; }

        /// <summary>The download state file to record each downloaded file in.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        protected override void BeginProcessing()
        {
            _progress = new ProgressThrottle();
            _destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
            if (StatePath != null) _state = DataSyncDownloadState.Load(SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath));
        }

        protected override void ProcessRecord()
        {
            foreach (DataSyncRemoteFile file in InputObject)
            {
                if (file == null) continue;
                if (!ShouldProcess(file.RemotePath, "Download to " + Path.Combine(_destination, file.Name))) continue;
                try { WriteObject(new DataSyncDownloader(Sftp).Download(file, _destination, Expand, _state, ShowProgress)); }
                catch (SftpTransferException e) { Report(e, file); }
                catch (IOException e) { WriteError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, file)); }
                catch (InvalidDataException e) { WriteError(new ErrorRecord(e, "ZipUnreadable", ErrorCategory.InvalidData, file)); }
            }
        }

        private void ShowProgress(TransferProgress p)
        {
            if (!_progress!.IsDue()) return;
            WriteProgress(new ProgressRecord(2, "Receive-DataSyncFile", Describe(p)) { PercentComplete = p.PercentComplete, SecondsRemaining = SecondsRemaining(p) });
        }
    }
}
