using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using OclcCataloging.Marc;
using OclcCataloging.Search;
using OclcCataloging.Search.Batch;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Search.WorldCat;
using OclcCataloging.Commands.Completion;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs Connexion-style batch search keys against WorldCat, an SRU server or LC authorities (id.loc.gov).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BatchSearch", HelpUri = HelpLinks.Folder + "Invoke-BatchSearch.md", DefaultParameterSetName = KeySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BatchSearchResult), typeof(MarcRecord))]
    public sealed class InvokeBatchSearchCommand : WorldCatClientCommand
    {
        private const string KeySet = "Key";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private ISearchTarget? _target;
        private BatchSearchOptions? _options;
        private BatchSearchSession? _session;
        private IList<string>? _keyFiles;
        private readonly List<string> _keyFilesRead = new List<string>();
        private List<KeyValuePair<string, string>>? _reportSettings;
        private int? _totalKeys;
        private volatile BatchSearchProgress? _lastProgress;
        private ProgressThrottle? _progress;
        private bool _halted;
        private bool _advisedOnRecordId;

        /// <summary>Search keys, one per item, written as in Connexion (e.g. '#123', '9780316769488', 'ti:moby dick', 'moza,magi').</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = KeySet)]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[] Key { get; set; } = Array.Empty<string>();

        /// <summary>Key files (one key per line, as Connexion imports them). Wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Key files, used exactly as written.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Where to search: WorldCat, Sru or IdLoc. Taken from -Connection when omitted.</summary>
        [Parameter]
        public SearchTargetKind? Target { get; set; }

        /// <summary>WorldCat: download records as MarcXml (default) or Marc21.</summary>
        [Parameter]
        public WorldCatRecordFormat? RecordFormat { get; set; }

        /// <summary>SRU: protocol version 1.1, 1.2 (default) or 2.0.</summary>
        [Parameter]
        [ValidateSet("1.1", "1.2", "2.0")]
        public string? SruVersion { get; set; }

        /// <summary>SRU: a preset (Koha, LibraryOfCongress, Zebra, Default) or an index map, e.g. @{ Isbn = 'bath.isbn'; OclcNumber = 'local.oclc' }. Keys are index names (OclcNumber, Isbn, Issn, Lccn, Title, Author, Subject, Keyword, Heading...).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(IndexMapPresetCompleter))]
        [ValidateNotNull]
        public object? IndexMap { get; set; }

        /// <summary>SRU: the record schema to ask for (default marcxml).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SruRecordSchemaCompleter))]
        public string? RecordSchema { get; set; }

        /// <summary>IdLoc: which authority file: Names (default), Subjects or All.</summary>
        [Parameter]
        public IdLocScheme? Scheme { get; set; }

        /// <summary>Records to download per key, 1 to 150 (default 1), like Connexion's "Maximum Number of Matches to Download".</summary>
        [Parameter]
        [ValidateRange(1, BatchSearchLimits.MaxRecordsCeiling)]
        public int MaxRecords { get; set; } = 1;

        /// <summary>A search with more hits than this is TooMany and downloads nothing (default 1,500, as in WorldCat).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TooManyThreshold { get; set; } = BatchSearchLimits.DefaultTooManyThreshold;

        /// <summary>Folder for the retained keys: notfound.txt, toomany.txt and error.txt, one key per line, readable by -Path.</summary>
        [Parameter]
        public string? RetainKeysPath { get; set; }

        /// <summary>CSV report path; an HTML summary is written beside it (same name, .html).</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        /// <summary>Where the run's progress is saved so -Resume can continue it. Default: beside -ReportPath, else beside the first key file.</summary>
        [Parameter]
        public string? StatePath { get; set; }

        /// <summary>Continue a run that stopped (Ctrl+C, daily limit): keys already done are skipped.</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        /// <summary>Output the downloaded records themselves instead of one result per key (for Export-MarcFile and Send-GatewayExport).</summary>
        [Parameter]
        public SwitchParameter AsRecord { get; set; }

        protected override void BeginProcessing()
        {
            var settings = BatchSearchTargetSettings.From(this);
            try
            {
                _target = BatchSearchTargetFactory.Create(settings, TimeoutSec, RetryCount);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.SearchTargetIncomplete, ErrorCategory.InvalidArgument, settings.Kind));
            }
            _options = new BatchSearchOptions
            {
                Limits = new BatchSearchLimits { MaxRecords = MaxRecords, TooManyThreshold = TooManyThreshold },
                RetainKeysDirectory = ResolveOutput(RetainKeysPath),
                ReportPath = ResolveOutput(ReportPath),
                Resume = Resume,
                IncludeRecordsInResults = true,
                ResumeAdvice = "Run the same command again with -Resume to continue.",
            };
            bool pathsBound = MyInvocation.BoundParameters.ContainsKey(nameof(Path)) || MyInvocation.BoundParameters.ContainsKey(nameof(LiteralPath));
            if (pathsBound && ParameterSetName != KeySet)
            {
                _keyFiles = ResolveKeyFiles();
                _totalKeys = KeyFile.CountLines(_keyFiles);
            }
            _options.StatePath = ResolveOutput(StatePath) ?? DefaultStatePath();
            // Before the pipeline binds anything: the options as typed. Keys and key files are listed by what was read.
            _reportSettings = ReportSettings.From(this).Where(s => s.Key != "-" + nameof(Key) && s.Key != "-" + nameof(Path) && s.Key != "-" + nameof(LiteralPath)).ToList();
            _progress = new ProgressThrottle();
        }

        protected override void ProcessRecord()
        {
            if (_halted) return;
            if (ParameterSetName == KeySet)
            {
                foreach (string key in Key) Search(key);
                return;
            }
            IList<string> files = _keyFiles ?? ResolveKeyFiles();
            _keyFiles = null;
            foreach (string file in files)
            {
                if (!_keyFilesRead.Contains(file)) _keyFilesRead.Add(file);
                foreach (string line in KeyFile.ReadLines(file))
                {
                    if (_halted) return;
                    Search(line);
                }
            }
        }

        private IList<string> ResolveKeyFiles()
        {
            var files = new List<string>();
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string p in literal ? LiteralPath : Path) files.AddRange(ProviderPaths.ResolveInputFiles(this, p, literal));
            return files;
        }

        protected override void EndProcessing()
        {
            if (_session == null)
            {
                _target?.Dispose();
                return;
            }
            BatchSearchSummary summary;
            try
            {
                _options!.ReportSettings = ReportRows();
                summary = _session.Complete();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, ReportPath));
                return;
            }
            finally
            {
                _target?.Dispose();
                if (_progress != null && _progress.HasReported)
                    WriteProgress(new ProgressRecord(1, "Invoke-BatchSearch", "Done") { RecordType = ProgressRecordType.Completed });
            }
            WriteVerbose(BatchSummaryText.Describe(summary));
            WriteInformation(new InformationRecord(summary, "Invoke-BatchSearch"));
        }

        protected override void StopProcessing() => _stop.Cancel();

        private void Search(string keyLine)
        {
            if (BatchSearchSession.IsBlank(keyLine)) return;
            if (!ShouldProcess(DescribeSearch(keyLine), "Search")) return;
            if (_session == null && !OpenSession()) return;
            BatchSearchResult? result;
            try
            {
                result = _session!.Search(keyLine, _stop.Token);
            }
            catch (BatchStateMismatchException e)
            {
                _halted = true;
                ThrowTerminatingError(StateInvalid(e));
                return;
            }
            catch (SearchTargetUnavailableException e)
            {
                _halted = true;
                WriteError(new ErrorRecord(
                    new InvalidOperationException(_target!.Name + " stopped the batch at key '" + keyLine + "': " + e.Message + TargetStopAdvice.For(e, canResume: true, string.Empty)),
                    ErrorIds.SearchTargetUnavailable, TargetStopAdvice.IsCredentialProblem(e) ? ErrorCategory.PermissionDenied : ErrorCategory.ResourceUnavailable, keyLine));
                return;
            }
            WriteBatchProgress();
            if (result == null) return;
            if (result.Status == KeySearchStatus.Error)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException("Key " + result.Sequence + " '" + result.Key + "' failed on " + result.Target + ": " + result.ErrorType + " " + result.ErrorDetail),
                    result.ErrorType == SearchErrorTypes.InvalidKey ? ErrorIds.SearchKeyInvalid : ErrorIds.SearchFailed,
                    result.ErrorType == SearchErrorTypes.InvalidKey ? ErrorCategory.InvalidArgument : ErrorCategory.ConnectionError,
                    result));
            }
            Advise(result);
            if (AsRecord)
            {
                foreach (MarcRecord record in result.Records) WriteObject(record);
            }
            else
            {
                WriteObject(result);
            }
        }

        // Once per run: the same cause would repeat on every OCLC-number key.
        private void Advise(BatchSearchResult result)
        {
            if (result.Advice != SearchAdvice.OclcNumberSearchedInRecordId || _advisedOnRecordId) return;
            _advisedOnRecordId = true;
            WriteWarning("Key " + result.Sequence + " '" + result.Key + "' (an OCLC number) was not found in rec.id, which on most SRU servers "
                + "is the record's own id (Koha's biblionumber, Zebra's 001), not the OCLC number. For a server that indexes OCLC numbers "
                + "(035), give its index: -IndexMap @{ OclcNumber = '<index>' }, or -IndexMap Zebra for a Zebra set up like the module's "
                + "test server. See Get-Help Invoke-BatchSearch -Parameter IndexMap.");
        }

        private bool OpenSession()
        {
            try
            {
                _session = new BatchSearchSession(_target!, _options!);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                _halted = true;
                ThrowTerminatingError(StateInvalid(e));
            }
            _session!.TotalKeys = _totalKeys;
            _session.Progress += OnProgress;
            return true;
        }

        private ErrorRecord StateInvalid(Exception e)
        {
            var record = new ErrorRecord(e, ErrorIds.BatchStateInvalid, ErrorCategory.InvalidData, _options!.StatePath);
            if (e is BatchStateMismatchException)
            {
                record.ErrorDetails = new ErrorDetails(e.Message)
                {
                    RecommendedAction = "Run without -Resume to start over, or run with the -Path/-Key list and target of the interrupted run.",
                };
            }
            return record;
        }

        private string DescribeSearch(string keyLine)
        {
            try
            {
                var key = SearchKeyParser.Parse(keyLine);
                return _target!.Name + ": " + _target.Translate(key);
            }
            catch (Exception e) when (e is SearchKeyFormatException || e is NotSupportedException)
            {
                return _target!.Name + ": '" + keyLine + "' (" + e.Message + ")";
            }
        }

        // The session raises Progress on whatever thread finished the search: keep it, and draw it from here.
        private void OnProgress(object? sender, BatchSearchProgress progress) => _lastProgress = progress;

        private void WriteBatchProgress()
        {
            var progress = _lastProgress;
            if (progress == null || !_progress!.IsDue()) return;
            var record = new ProgressRecord(1, "Invoke-BatchSearch", BatchSummaryText.DescribeProgress(progress));
            if (progress.PercentComplete >= 0) record.PercentComplete = progress.PercentComplete;
            if (progress.EstimatedRemaining.HasValue)
                record.SecondsRemaining = (int)progress.EstimatedRemaining.Value.TotalSeconds;
            WriteProgress(record);
        }

        // The "Run" table of the HTML report: the command, the key files read (or where the keys came from), the options.
        private List<KeyValuePair<string, string>> ReportRows()
        {
            var rows = new List<KeyValuePair<string, string>>(_reportSettings ?? new List<KeyValuePair<string, string>>());
            string keys = _keyFilesRead.Count > 0 ? string.Join("; ", _keyFilesRead) : "given with -Key or piped";
            rows.Insert(Math.Min(1, rows.Count), new KeyValuePair<string, string>(_keyFilesRead.Count == 1 ? "Key file" : _keyFilesRead.Count > 1 ? "Key files" : "Keys", keys));
            return rows;
        }

        private string? DefaultStatePath()
        {
            string? report = ResolveOutput(ReportPath);
            if (report != null) return report + ".state";
            return _keyFiles != null && _keyFiles.Count > 0 ? _keyFiles[0] + ".state" : null;
        }

        private string? ResolveOutput(string? path) =>
            string.IsNullOrEmpty(path) ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
