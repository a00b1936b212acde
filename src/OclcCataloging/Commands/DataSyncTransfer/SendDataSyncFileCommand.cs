using System;
using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.DataSync.Export;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.DataSync.Transfer;
using OclcCataloging.Commands.Completion;

namespace OclcCataloging.Commands.DataSyncTransfer
{
    /// <summary>
    /// <para type="synopsis">Uploads data sync files to OCLC's SFTP server, into the folder for their kind of records.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "DataSyncFile", HelpUri = HelpLinks.Folder + "Send-DataSyncFile.md", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DataSyncUploadResult))]
    public sealed class SendDataSyncFileCommand : SftpCommandBase
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private ProgressThrottle? _progress;
        private int _uploaded, _nameInUse, _failed;

        /// <summary>The files to upload; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The files to upload, taken as written.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName")]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Bibliographic or LocalHoldings: decides the upload folder.</summary>
        [Parameter(Mandatory = true)]
        public DataSyncRecordKind RecordKind { get; set; }

        /// <summary>
        /// The server folder to upload to instead of OCLC's folder for the record kind (/xfer/metacoll/in/bib or
        /// /xfer/metacoll/in/lhr), for example a folder OCLC names for a special account.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DataSyncUploadFolderCompleter))]
        public string? RemoteFolder { get; set; }

        /// <summary>Replace a file of the same name on the server.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _progress = new ProgressThrottle();

        /// <summary>One summary line in the information stream, for a scheduled task's log.</summary>
        protected override void EndProcessing()
        {
            if (_uploaded + _nameInUse + _failed > 0)
                WriteInformation(new InformationRecord(_uploaded + " uploaded, " + _nameInUse + " not sent (name already on the server), " + _failed + " failed, to " + Connection + ".", "Send-DataSyncFile"));
            base.EndProcessing();
        }

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string given in literal ? LiteralPath : Path)
                foreach (string file in ProviderPaths.ResolveInputFiles(this, given, literal))
                    Upload(file);
        }

        private void Upload(string file)
        {
            try { DataSyncUploader.CheckName(file); }
            catch (DataSyncFileNameException e)
            {
                _failed++;
                WriteError(new ErrorRecord(e, ErrorIds.DataSyncNameInvalid, ErrorCategory.InvalidArgument, file));
                return;
            }
            string remote = DataSyncUploader.RemotePathFor(file, RecordKind, RemoteFolder);
            if (!ShouldProcess(file, "Upload to " + remote + " on " + Connection)) return;
            try
            {
                DataSyncUploadResult result = new DataSyncUploader(Sftp).Upload(file, RecordKind, Force, ShowProgress, RemoteFolder);
                if (result.Outcome == DataSyncUploadOutcome.NameInUse) _nameInUse++; else _uploaded++;
                if (result.Outcome == DataSyncUploadOutcome.NameInUse)
                    WriteWarning(result.RemotePath + " is already on the server (" + (result.ExistingIsFromToday ? "sent today: OCLC keeps only the last file of a name per day" : "from " + result.ExistingLastWriteTimeUtc?.ToString("u")) +
                        "); " + result.Name + " was not sent. Use -Force to replace it, or give the file a new name.");
                else if (result.Reconnects > 0 || result.ResumedFrom > 0)
                    WriteVerbose(result.Name + ": resumed (" + result.ResumedFrom + " bytes were on the server already, " + result.Reconnects + " reconnect(s)).");
                WriteObject(result);
            }
            catch (SftpTransferException e) { _failed++; Report(e, file); }
            finally { WriteProgress(new ProgressRecord(1, "Send-DataSyncFile", "Done") { RecordType = ProgressRecordType.Completed }); }
        }

        private void ShowProgress(TransferProgress p)
        {
            if (!_progress!.IsDue()) return;
            WriteProgress(new ProgressRecord(1, "Send-DataSyncFile", Describe(p)) { PercentComplete = p.PercentComplete, SecondsRemaining = SecondsRemaining(p) });
        }
    }
}
