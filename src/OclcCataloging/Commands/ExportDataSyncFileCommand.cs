using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using OclcCataloging.DataSync.Export;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes records into compliant WorldCat data sync upload files, keeping every LHR of one OCLC number in one file.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "DataSyncFile", HelpUri = HelpLinks.Folder + "Export-DataSyncFile.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DataSyncFileResult))]
    public sealed class ExportDataSyncFileCommand : ValidatingExportCommand, IDisposable
    {
        private DataSyncFileSplitter? _splitter;
        private ProgressThrottle? _progress;
        private long _received;
        private long _skipped;

        /// <summary>The records to write.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>The 7-digit data sync collection ID.</summary>
        [Parameter(Mandatory = true)]
        public string CollectionId { get; set; } = string.Empty;

        /// <summary>The OCLC institution symbol.</summary>
        [Parameter(Mandatory = true)]
        public string Symbol { get; set; } = string.Empty;

        /// <summary>The folder to write the files to.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Directory { get; set; } = string.Empty;

        /// <summary>Bibliographic or LocalHoldings.</summary>
        [Parameter(Mandatory = true)]
        public DataSyncRecordKind Kind { get; set; }

        /// <summary>LocalHoldings: where the OCLC number is (004, 014 or 035).</summary>
        [Parameter]
        [ValidateSet("004", "014", "035")]
        public string OclcNumberLocation { get; set; } = "004";

        /// <summary>A name element after the symbol (letters and digits).</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>The time written in the names instead of now.</summary>
        [Parameter]
        public DateTime? Date { get; set; }

        /// <summary>Records per file, at most 100,000.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int MaxRecordsPerFile { get; set; } = 100000;

        /// <summary>Bytes per file.</summary>
        [Parameter]
        [ValidateRange(1L, 1L << 30)]
        public long MaxFileSize { get; set; } = (1L << 30) - (1L << 20);

        protected override void BeginProcessing()
        {
            StartValidation();
            string folder;
            try
            {
                folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Directory, out ProviderInfo provider, out _);
                if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Directory '" + Directory + "' is not a file-system folder."), ErrorIds.NotFileSystemPath, ErrorCategory.InvalidArgument, Directory));
                }
            }
            catch (Exception e) when (e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is PSArgumentException || e is NotSupportedException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.DirectoryNotFound, ErrorCategory.ObjectNotFound, Directory));
                return;
            }
            if (!ShouldProcess(folder, "Write " + Kind + " data sync files for collection " + CollectionId)) return;
            try
            {
                // A missing folder is created, as for every output path (docs/design/output-files.md).
                System.IO.Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException("Cannot create the folder '" + folder + "': " + e.Message, e), ErrorIds.FileWriteFailed, ErrorCategory.WriteError, folder));
            }
            try
            {
                _splitter = new DataSyncFileSplitter(new DataSyncExportOptions
                {
                    CollectionId = CollectionId,
                    Symbol = Symbol,
                    Directory = folder,
                    Kind = Kind,
                    OclcNumberLocation = OclcNumberLocationNames.Parse(OclcNumberLocation),
                    Description = Description,
                    Timestamp = Date,
                    MaxRecordsPerFile = MaxRecordsPerFile,
                    MaxFileBytes = MaxFileSize,
                }, DeferredRetryExecutor.FileRetry);
            }
            catch (DataSyncFileNameException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.RuleId, ErrorCategory.InvalidArgument, CollectionId + "." + Symbol));
            }
            _progress = new ProgressThrottle();
        }

        protected override void ProcessRecord()
        {
            var splitter = _splitter;
            if (splitter == null) return;
            foreach (MarcRecord record in InputObject)
            {
                if (record == null) continue;
                _received++;
                if (Refuse(record, _received) is { } invalid)
                {
                    _skipped++;
                    WriteError(ExportValidation.NotWritten(invalid, MarcRecordText.Numbered(_received, record.ControlNumber) + " was", record, "the data sync files"));
                    continue;
                }
                try
                {
                    splitter.Add(record);
                }
                catch (DataSyncExportException e)
                {
                    _skipped++;
                    WriteError(new ErrorRecord(new InvalidDataException(MarcRecordText.Numbered(_received, record.ControlNumber) + " not written: " + e.Message, e),
                        e.Code, ErrorCategory.InvalidData, record));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, Directory));
                }
                if (_progress!.IsDue())
                    WriteProgress(new ProgressRecord(2, "Export-DataSyncFile", "Taken " + _received.ToString("N0", CultureInfo.CurrentCulture) + " records"));
            }
        }

        protected override void EndProcessing()
        {
            var splitter = _splitter;
            if (splitter == null) return;
            try
            {
                foreach (var file in splitter.Complete()) WriteObject(file);
            }
            catch (DataSyncExportException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.Code, ErrorCategory.LimitsExceeded, Directory));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, Directory));
            }
            if (_progress != null && _progress.HasReported)
                WriteProgress(new ProgressRecord(2, "Export-DataSyncFile", "Done") { RecordType = ProgressRecordType.Completed });
            if (_skipped > 0) WriteVerbose(_skipped.ToString(CultureInfo.InvariantCulture) + " records were not written.");
        }

        /// <summary>Unless the files were completed, nothing is left in the folder.</summary>
        public void Dispose()
        {
            _splitter?.Dispose();
            _splitter = null;
        }
    }
}
