using System;
using System.IO;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads MARC 21 records from ISO 2709 (.mrc), MARCXML, MARC-in-JSON and MarcEdit (.mrk, .mrk8) files, one record at a time.</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "MarcFile", HelpUri = HelpLinks.Folder + "Import-MarcFile.md", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(MarcRecord))]
    public sealed class ImportMarcFileCommand : PSCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const int ProgressActivityId = 0x4D52; // "MR"

        private RejectFile? _rejects;
        private MarcPipelineLink? _link;
        private volatile MarcFileInput? _input;
        private string[] _path = Array.Empty<string>();
        private bool _literal;

        /// <summary>Files to read; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path
        {
            get => _path;
            set { _path = value; _literal = false; }
        }

        /// <summary>Files to read, taken exactly as written (no wildcards). Binds to PSPath from Get-ChildItem.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath
        {
            get => _path;
            set { _path = value; _literal = true; }
        }

        /// <summary>Auto (default: decided by the file's content), Iso2709, MarcXml, Json, Mrk or Mrk8.</summary>
        [Parameter]
        public MarcFormat Format { get; set; } = MarcFormat.Auto;

        /// <summary>
        /// How the records' character coding is decided. Leader (default): leader/09, checked against the bytes.
        /// Auto: detected per record (a warning says what was decided when it differs from leader/09). Utf8 or Marc8:
        /// forced, overriding leader/09.
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcEncoding.Leader), nameof(MarcEncoding.Auto), nameof(MarcEncoding.Utf8), nameof(MarcEncoding.Marc8), IgnoreCase = true)]
        public MarcEncoding Encoding { get; set; } = MarcEncoding.Leader;

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

        protected override void BeginProcessing()
        {
            _link = MarcPipelineLink.Offer(this, () => _input?.ReadsAhead == true);
            if (RejectPath == null) return;
            string path = ProviderPaths.ResolveWritableFile(this, RejectPath, literal: true, "-RejectPath", "rejects.mrc");
            _rejects = new RejectFile(path, DeferredRetryExecutor.FileRetry);
        }

        protected override void ProcessRecord()
        {
            foreach (string p in _path)
            {
                _link?.BeforeReport();
                foreach (string file in ProviderPaths.ResolveInputFiles(this, p, _literal))
                {
                    if (Stopping) return;
                    ReadFile(file);
                }
            }
            _link?.BeforeReport();
        }

        protected override void EndProcessing()
        {
            _link?.BeforeReport();
            _rejects?.CommitAndReport(this);
        }

        /// <summary>Ctrl+C: stops reading ahead (the pipeline thread then stops at its next record).</summary>
        protected override void StopProcessing()
        {
            _input?.Stop();
        }

        /// <summary>Also runs when the pipeline is stopped or a terminating error ends it: rejects found so far are kept.</summary>
        public void Dispose()
        {
            if (_rejects == null) return;
            _rejects.KeepAndDispose();
            _rejects = null;
        }

        private void ReadFile(string file)
        {
            if (_rejects != null && ProviderPaths.SamePath(file, _rejects.Path))
            {
                _link?.BeforeReport();
                WriteError(new ErrorRecord(
                    new IOException("'" + file + "' is both an input file and the -RejectPath file; it was not read."),
                    ErrorIds.RejectPathIsInput, ErrorCategory.InvalidArgument, file));
                return;
            }

            var input = new MarcFileInput(this, _rejects, offersRejectPath: true, "Import-MarcFile", ProgressActivityId)
            {
                MaxUnreadableInARow = MaxUnreadableInARow,
                MaxWarnings = MaxWarnings,
                BeforeReport = _link != null ? _link.BeforeReport : (Action?)null,
            };
            _input = input;
            try
            {
                input.Read(file, Format, Encoding, _link != null ? _link.Pass : (Action<MarcRecord>)WriteObject);
            }
            finally
            {
                _input = null;
            }
        }
    }
}
