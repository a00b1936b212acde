using System;
using System.Management.Automation;
using OclcCataloging.DataSync.Transfer;
using OclcCataloging.Commands.Completion;

namespace OclcCataloging.Commands.DataSyncTransfer
{
    /// <summary>
    /// <para type="synopsis">Lists OCLC's data sync output files and reports on its SFTP server.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DataSyncRemoteFile", HelpUri = HelpLinks.Folder + "Get-DataSyncRemoteFile.md")]
    [OutputType(typeof(DataSyncRemoteFile))]
    public sealed class GetDataSyncRemoteFileCommand : SftpCommandBase
    {
        /// <summary>All, Records, New, Updates, Deletes or Reports.</summary>
        [Parameter(Position = 0)]
        public DataSyncRemoteKind Kind { get; set; }

        /// <summary>Only files for this data sync collection ID.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CollectionId { get; set; }

        /// <summary>The first day, by the date in the file name.</summary>
        [Parameter]
        public DateTime? From { get; set; }

        /// <summary>The last day, by the date in the file name.</summary>
        [Parameter]
        public DateTime? To { get; set; }

        /// <summary>Only files the state file does not record as downloaded.</summary>
        [Parameter]
        public SwitchParameter NotDownloaded { get; set; }

        /// <summary>The download state file Receive-DataSyncFile keeps.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        /// <summary>Server folders to search instead of OCLC's data sync folders.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DataSyncDownloadFolderCompleter))]
        public string[]? RemoteFolder { get; set; }

        protected override void EndProcessing()
        {
            if (NotDownloaded && StatePath == null)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-NotDownloaded needs -StatePath, the file Receive-DataSyncFile -StatePath keeps."),
                    "StatePathMissing", ErrorCategory.InvalidArgument, null));
            var filter = new DataSyncRemoteFilter { Kind = Kind, CollectionId = CollectionId, From = From, To = To, NotDownloadedOnly = NotDownloaded };
            DataSyncDownloadState? state = StatePath == null ? null : DataSyncDownloadState.Load(SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath));
            try
            {
                foreach (DataSyncRemoteFile file in new DataSyncDownloader(Sftp).List(filter, state, RemoteFolder))
                    WriteObject(file);
            }
            catch (SftpTransferException e) { Report(e, Connection); }
            finally { base.EndProcessing(); }
        }
    }
}
