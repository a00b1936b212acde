using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Conversion;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Converts MARC files (ISO 2709, MARCXML, MARC-in-JSON, MarcEdit .mrk/.mrk8) into one MARC file in another format or character coding, on several threads, all or nothing.</para>
    /// </summary>
    [Cmdlet(VerbsData.Convert, "MarcFile", HelpUri = HelpLinks.Folder + "Convert-MarcFile.md", DefaultParameterSetName = PathSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MarcConversionSummary))]
    public sealed class ConvertMarcFileCommand : PSCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const int ProgressActivityId = 0x4D43; // "MC"
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

        private readonly List<string> _inputs = new List<string>();
        private string[] _path = Array.Empty<string>();
        private bool _literal;
        private RejectFile? _rejects;
        private MarcFileConverter? _converter;

        /// <summary>Files to convert; wildcards are expanded. All go, in order, into the one -Destination file.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path
        {
            get => _path;
            set { _path = value; _literal = false; }
        }

        /// <summary>Files to convert, taken exactly as written (no wildcards). Binds to PSPath from Get-ChildItem.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath
        {
            get => _path;
            set { _path = value; _literal = true; }
        }

        /// <summary>The file to write, used exactly as written. It appears only when the conversion is complete.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("OutputPath")]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>
        /// The output format: Iso2709, MarcXml, Json, Mrk or Mrk8. Default: the one the -Destination name implies (.xml
        /// MarcXml, .json/.jsonl/.ndjson Json, .mrk Mrk, .mrk8 Mrk8), else Iso2709.
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcFormat.Iso2709), nameof(MarcFormat.MarcXml), nameof(MarcFormat.Json), nameof(MarcFormat.Mrk), nameof(MarcFormat.Mrk8), IgnoreCase = true)]
        public MarcFormat Format { get; set; } = MarcFormat.Auto;

        /// <summary>The input format: Auto (default: decided by each file's content), Iso2709, MarcXml, Json, Mrk or Mrk8.</summary>
        [Parameter]
        public MarcFormat InputFormat { get; set; } = MarcFormat.Auto;

        /// <summary>
        /// Utf8: convert MARC-8 records to UTF-8 (leader/09 'a'). Marc8: convert Unicode records to MARC-8 (leader/09
        /// blank; characters MARC-8 lacks become &amp;#xXXXX;). Default: each record is written in the coding its leader says.
        /// </summary>
        [Parameter]
        [Alias("CharacterSet")]
        [ValidateSet(nameof(MarcEncoding.Utf8), nameof(MarcEncoding.Marc8), IgnoreCase = true)]
        public MarcEncoding Encoding { get; set; } = MarcEncoding.Leader;

        /// <summary>
        /// How the input records' character coding is decided, as Import-MarcFile -Encoding: Leader (default), Auto,
        /// Utf8 or Marc8.
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcEncoding.Leader), nameof(MarcEncoding.Auto), nameof(MarcEncoding.Utf8), nameof(MarcEncoding.Marc8), IgnoreCase = true)]
        public MarcEncoding InputEncoding { get; set; } = MarcEncoding.Leader;

        /// <summary>A file that receives the raw bytes of every unreadable record and of stray bytes between or after records (appended; created on the first one).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RejectPath { get; set; }

        /// <summary>Unreadable chunks in a row after which the rest of a file is skipped with one error (default 100; 0: read to the end).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaxUnreadableInARow { get; set; } = MarcFileInput.DefaultMaxUnreadableInARow;

        /// <summary>Warnings about damaged records and stray bytes shown per file (default 100); the rest are only counted, in the file's summary warning. 0: show all.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaxWarnings { get; set; } = MarcFileReadTally.DefaultMaxWarnings;

        /// <summary>MARC-in-JSON: write one JSON array instead of one record per line (newline-delimited JSON, the default).</summary>
        [Parameter]
        public SwitchParameter JsonArray { get; set; }

        /// <summary>ISO 2709: what to do with a record over 99,999 bytes or a field over 9,999 bytes.</summary>
        [Parameter]
        public OversizePolicy OversizePolicy { get; set; } = OversizePolicy.Error;

        /// <summary>Refuse to replace an existing file.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replace a read-only file (it stays read-only).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Threads that convert and serialise records side by side (default: the processor count); 0 or 1: the writing thread does it itself. The output does not depend on it.</summary>
        [Parameter]
        [ValidateRange(0, MarcFileConverterOptions.MaxThreads)]
        public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

        /// <summary>Write a summary of the conversion (records in and out, rejected, warnings, bytes) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string p in _path)
            {
                foreach (string file in ProviderPaths.ResolveInputFiles(this, p, _literal))
                {
                    if (Stopping) return;
                    _inputs.Add(file);
                }
            }
        }

        protected override void EndProcessing()
        {
            if (_inputs.Count == 0) return; // each path that matched nothing has already been reported
            string path = ProviderPaths.ResolveWritableFile(this, Destination, literal: true, "-Destination", "records.xml");
            RefuseInputAs(path, ErrorIds.DestinationIsInput, "-Destination", "Write to another file, then replace the input with it if you want.");

            var existing = new FileInfo(path);
            if (existing.Exists && NoClobber)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException("The file '" + path + "' already exists and -NoClobber was given. Leave out -NoClobber to replace it."),
                    ErrorIds.FileExists, ErrorCategory.ResourceExists, path));
            }
            if (existing.Exists && existing.IsReadOnly && !Force)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new UnauthorizedAccessException("The file '" + path + "' is read-only. Use -Force to replace it; it stays read-only."),
                    ErrorIds.FileReadOnly, ErrorCategory.PermissionDenied, path));
            }

            MarcFileTarget target;
            try
            {
                target = MarcFileWriter.ChooseTarget(path, Format, append: false);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.ReadError, path));
                return;
            }
            string formatName = MarcFormatNames.Describe(target.Format);
            string files = _inputs.Count == 1 ? "'" + _inputs[0] + "'" : _inputs.Count.ToString(CultureInfo.CurrentCulture) + " files";
            string action = (existing.Exists ? "Replace with " : "Create ") + formatName + " records converted from " + files;
            if (!ShouldProcess(path, action)) return;

            if (RejectPath != null)
            {
                string rejectPath = ProviderPaths.ResolveWritableFile(this, RejectPath, literal: true, "-RejectPath", "rejects.mrc");
                RefuseInputAs(rejectPath, ErrorIds.RejectPathIsInput, "-RejectPath", "Give -RejectPath another file.");
                _rejects = new RejectFile(rejectPath, DeferredRetryExecutor.FileRetry);
            }

            try
            {
                _converter = new MarcFileConverter(_inputs, target, new MarcFileConverterOptions
                {
                    InputFormat = InputFormat,
                    InputEncoding = InputEncoding,
                    OutputEncoding = Encoding,
                    MaxUnreadableInARow = MaxUnreadableInARow,
                    Threads = ThrottleLimit,
                    Writer = new MarcFileWriterOptions { ReplaceReadOnly = Force, OversizePolicy = OversizePolicy, JsonArray = JsonArray },
                }, DeferredRetryExecutor.FileRetry);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, path));
                return;
            }

            WriteVerbose("Converting " + files + " to " + formatName + " records in '" + path + "'.");
            if (!Run(_converter)) return;

            try
            {
                _converter.Commit();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, path));
            }
            _rejects?.CommitAndReport(this);
            MarcConversionSummary summary = _converter.Summary;
            WriteVerbose("Wrote " + summary.RecordsOut.ToString("N0", CultureInfo.CurrentCulture) + " records to '" + path + "'"
                + (summary.RecordsIn > summary.RecordsOut ? "; " + (summary.RecordsIn - summary.RecordsOut).ToString("N0", CultureInfo.CurrentCulture) + " records could not be written." : "."));
            if (PassThru) WriteObject(summary);
        }

        /// <summary>Ctrl+C: every thread stops; <see cref="Dispose"/> removes the unfinished output.</summary>
        protected override void StopProcessing()
        {
            _converter?.Cancel();
        }

        /// <summary>Runs however the command ends: unless committed, the destination stays as it was; rejects found so far are kept.</summary>
        public void Dispose()
        {
            _converter?.Dispose();
            _converter = null;
            if (_rejects == null) return;
            _rejects.KeepAndDispose();
            _rejects = null;
        }

        /// <summary>Reports what the converter's threads found, in their order, until it completes; false when it did not.</summary>
        private bool Run(MarcFileConverter converter)
        {
            var input = new MarcFileInput(this, _rejects, offersRejectPath: true) { MaxWarnings = MaxWarnings };
            var throttle = new ProgressThrottle();
            ProgressRecord? progress = null;
            bool completed = false;
            converter.Start();
            while (!converter.IsFinished)
            {
                if (Stopping) return false;
                MarcConversionEvent? e = converter.Take(PollInterval);
                if (e != null) completed |= Report(e, input, converter);
                if (throttle.IsDue())
                {
                    progress ??= new ProgressRecord(ProgressActivityId, "Convert-MarcFile", "Converting");
                    long length = converter.CurrentLength, position = converter.CurrentPosition;
                    string? file = converter.CurrentFile;
                    progress.StatusDescription = "Converting " + (file != null ? System.IO.Path.GetFileName(file) + ": " : string.Empty)
                        + converter.RecordsRead.ToString("N0", CultureInfo.CurrentCulture) + " records read";
                    progress.PercentComplete = length > 0 ? (int)Math.Min(100, position * 100 / length) : 0;
                    WriteProgress(progress);
                }
            }
            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            return completed && !Stopping;
        }

        /// <summary>One event as Import-MarcFile | Export-MarcFile would report it; true for the last one of a complete conversion.</summary>
        private bool Report(MarcConversionEvent e, MarcFileInput input, MarcFileConverter converter)
        {
            switch (e.Kind)
            {
                case MarcConversionEventKind.FileOpened:
                    input.ReportOpened(e.File!, e.Length, e.Format, e.FormatDetected);
                    break;
                case MarcConversionEventKind.FileNotOpened:
                    input.ReportOpenFailure(e.File!, e.Exception!);
                    break;
                case MarcConversionEventKind.RecordReadWithWarnings:
                    input.ReportDamaged(e.Record!);
                    break;
                case MarcConversionEventKind.Unreadable:
                    input.ReportUnreadable(e.ReadError!);
                    break;
                case MarcConversionEventKind.StrayBytes:
                    input.ReportStray(e.StrayBytes!);
                    break;
                case MarcConversionEventKind.GaveUp:
                    input.ReportGaveUp(e.File!, e.Count, e.ReadError!);
                    break;
                case MarcConversionEventKind.ReadFailed:
                    input.ReportReadFailed(e.File!, e.Exception!);
                    break;
                case MarcConversionEventKind.FileFinished:
                    input.ReportFinished(e.FileStatistics!);
                    break;
                case MarcConversionEventKind.RecordNotWritten:
                    WriteError(MarcFileOutputReport.NotWritten(e.Record!, e.RecordNumber, converter.DestinationPath, e.Code!, e.Message!, e.Exception!));
                    break;
                case MarcConversionEventKind.RecordWrittenWithChange:
                    WriteWarning(MarcFileOutputReport.WrittenWithChange(e.Record!, e.RecordNumber, converter.DestinationPath, e.Diagnostic!));
                    break;
                case MarcConversionEventKind.WriteFailed:
                    ThrowTerminatingError(new ErrorRecord(e.Exception!, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, converter.DestinationPath));
                    break;
                case MarcConversionEventKind.Failed:
                    ExceptionDispatchInfo.Capture(e.Exception!).Throw();
                    break;
                case MarcConversionEventKind.Completed:
                    return true;
            }
            return false;
        }

        private void RefuseInputAs(string path, string errorId, string what, string fix)
        {
            foreach (string input in _inputs)
            {
                if (!ProviderPaths.SamePath(input, path)) continue;
                string message = "'" + path + "' is both an input file and the " + what + " file; nothing was converted.";
                ThrowTerminatingError(new ErrorRecord(new IOException(message), errorId, ErrorCategory.InvalidArgument, path)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = fix },
                });
            }
        }
    }
}
