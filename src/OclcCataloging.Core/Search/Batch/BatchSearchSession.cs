using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Batch;
using OclcCataloging.Marc;

namespace OclcCataloging.Search.Batch
{
    /// <summary>
    /// Runs a batch of search keys against one target with Connexion's semantics: every key yields exactly one
    /// result and one report row; at the end, the CSV report, HTML summary and retained-key files cover the whole
    /// run. With a state file the run can stop (target unavailable, cancellation, a crash) and be resumed.
    /// A session holds nothing open (the state file is appended and closed per key), so there is nothing to
    /// dispose and a crashed session leaves a resumable state.
    /// </summary>
    /// <remarks>
    /// Key lines: one key per line, as Connexion imports them. Blank lines are skipped and take no sequence
    /// number. There is no comment syntax: a line starting with '#' is an OCLC number key (#1299).
    /// </remarks>
    public sealed class BatchSearchSession
    {
        private readonly ISearchTarget _target;
        private readonly BatchSearchOptions _options;
        private readonly BatchRunLedger<BatchSearchResult> _ledger;
        private readonly Stopwatch _sessionClock = Stopwatch.StartNew();
        private int _sequence;
        private int _searchedThisSession;
        private int _found, _notFound, _tooMany, _error;
        private long _hits;

        /// <exception cref="BatchStateMismatchException">Resuming a state file of another target, or not a state file.</exception>
        public BatchSearchSession(ISearchTarget target, BatchSearchOptions options)
        {
            _target = target ?? throw new ArgumentNullException(nameof(target));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.Limits == null) throw new ArgumentException("Limits are required.", nameof(options));
            _ledger = new BatchRunLedger<BatchSearchResult>(BatchReportColumns.Instance, options.StatePath, options.Resume, target.Name);
            foreach (var row in _ledger.Previous.Values) Count(row);
        }

        /// <summary>Raised after each key searched (not for keys skipped because an earlier session did them).</summary>
        public event EventHandler<BatchSearchProgress>? Progress;

        /// <summary>Number of keys in the whole run, when known: enables the estimated time left.</summary>
        public int? TotalKeys { get; set; }

        /// <summary>A blank key line is skipped: no search, no sequence number, no report row.</summary>
        public static bool IsBlank(string? keyLine) => keyLine == null || keyLine.Trim().Length == 0;

        /// <summary>Searches one key line.</summary>
        /// <returns>The result; null for a blank line and for a key an earlier session of a resumed run completed.</returns>
        /// <exception cref="BatchStateMismatchException">The key differs from the one the state file recorded at this position.</exception>
        /// <exception cref="SearchTargetUnavailableException">The target cannot go on; the state is kept for a resumed run.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; the state is kept for a resumed run.</exception>
        public BatchSearchResult? Search(string keyLine, CancellationToken cancellationToken) =>
            SearchAsync(keyLine, cancellationToken).GetAwaiter().GetResult();

        /// <inheritdoc cref="Search"/>
        public async Task<BatchSearchResult?> SearchAsync(string keyLine, CancellationToken cancellationToken)
        {
            if (keyLine == null) throw new ArgumentNullException(nameof(keyLine));
            if (_ledger.IsCompleted) throw new InvalidOperationException("The batch search session is complete.");
            if (_ledger.StoppedReason != null) throw new InvalidOperationException("The batch search stopped (" + _ledger.StoppedReason + "); resume it in a new session.");
            string text = keyLine.TrimEnd('\r', '\n');
            if (IsBlank(text)) return null;

            int sequence = _sequence + 1;
            if (_ledger.TryGetPrevious(sequence, text, r => r.Key, "key", out _))
            {
                _sequence = sequence;
                return null;
            }

            BatchSearchResult result = await RunAsync(sequence, text, cancellationToken).ConfigureAwait(false);
            _sequence = sequence;
            _ledger.Add(result, result.WithoutRecords());
            _searchedThisSession++;
            Count(result);
            OnProgress(result);
            return result;
        }

        /// <summary>
        /// Writes the CSV report, HTML summary and retained-key files for the whole run (each through a temporary
        /// file; all are renamed into place only after all were written), deletes the state file when the run
        /// finished, and returns the summary. Call it also after a stop, for the partial report.
        /// </summary>
        public BatchSearchSummary Complete()
        {
            var rows = _ledger.AllRows(_sequence, "keys");
            var summary = new BatchSearchSummary
            {
                Target = _target.Name,
                KeysTotal = rows.Count,
                Found = _found,
                NotFound = _notFound,
                TooMany = _tooMany,
                Error = _error,
                RecordsDownloaded = rows.Sum(r => (long)r.RecordsDownloaded),
                SearchTime = TimeSpan.FromTicks(rows.Sum(r => r.Elapsed.Ticks)),
            };
            _ledger.Complete(summary, _options.ReportPath, files =>
            {
                if (_options.RetainKeysDirectory == null) return;
                Directory.CreateDirectory(_options.RetainKeysDirectory);
                RetainedKeyFiles.Add(files, _options.RetainKeysDirectory, rows, out string nf, out string tm, out string er);
                summary.NotFoundKeysPath = nf;
                summary.TooManyKeysPath = tm;
                summary.ErrorKeysPath = er;
            }, () => BatchCsvReport.Format(rows), () => BatchHtmlSummary.Format(summary, rows, _options.ResumeAdvice, _options.ReportSettings));
            return summary;
        }

        private async Task<BatchSearchResult> RunAsync(int sequence, string text, CancellationToken ct)
        {
            var result = new BatchSearchResult { Sequence = sequence, Key = text, Target = _target.Name };
            SearchKey key;
            try
            {
                if (text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0)
                    throw new SearchKeyFormatException(text, "a key is one line; it contains a line break");
                key = SearchKeyParser.Parse(text);
            }
            catch (SearchKeyFormatException ex)
            {
                result.Status = KeySearchStatus.Error;
                result.ErrorType = SearchErrorTypes.InvalidKey;
                result.ErrorDetail = ex.Message;
                return result;
            }

            result.KeyType = key.Type;
            result.Translated = key.IsDerived;
            var clock = Stopwatch.StartNew();
            KeySearchOutcome outcome;
            try
            {
                outcome = await _target.SearchAsync(key, _options.Limits, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is SearchTargetUnavailableException)
            {
                _ledger.Stop(ex);
                throw;
            }
            catch (Exception ex)
            {
                // A target bug must not lose the key: it becomes an Error row.
                result.Elapsed = clock.Elapsed;
                result.Status = KeySearchStatus.Error;
                result.ErrorType = ex.GetType().Name;
                result.ErrorDetail = ex.Message;
                return result;
            }
            result.Elapsed = clock.Elapsed;
            Fill(result, outcome);
            return result;
        }

        private void Fill(BatchSearchResult result, KeySearchOutcome outcome)
        {
            result.Status = outcome.Status;
            result.QuerySent = outcome.QuerySent ?? "";
            result.HitCount = outcome.HitCount;
            result.RecordsDownloaded = outcome.Records.Count;
            result.OclcNumbers = string.Join("; ", outcome.OclcNumbers.Select(m => m.ToString()));
            result.FirstTitle = outcome.Records.Count > 0 ? TitleOf(outcome.Records[0]) : null;
            result.ErrorType = outcome.ErrorType;
            result.ErrorDetail = outcome.ErrorDetail;
            result.HttpStatus = outcome.HttpStatus;
            result.Advice = outcome.Advice;
            result.Attempts = outcome.Attempts;
            result.Records = _options.IncludeRecordsInResults ? outcome.Records.ToArray() : Array.Empty<MarcRecord>();
        }

        /// <summary>245 for bibliographic records; the 1XX heading for authority records, which have no 245.</summary>
        private static string? TitleOf(MarcRecord record) =>
            record.Title ?? record.GetDataFields("1..").FirstOrDefault()?.Text;

        private void Count(BatchSearchResult result)
        {
            _hits += result.HitCount ?? 0;
            switch (result.Status)
            {
                case KeySearchStatus.Found: _found++; break;
                case KeySearchStatus.NotFound: _notFound++; break;
                case KeySearchStatus.TooMany: _tooMany++; break;
                default: _error++; break;
            }
        }

        private void OnProgress(BatchSearchResult result)
        {
            var handler = Progress;
            if (handler == null) return;
            int done = _found + _notFound + _tooMany + _error;
            TimeSpan elapsed = _sessionClock.Elapsed;
            TimeSpan? remaining = null;
            if (TotalKeys.HasValue && _searchedThisSession > 0)
            {
                int left = Math.Max(0, TotalKeys.Value - done);
                remaining = TimeSpan.FromTicks(elapsed.Ticks / _searchedThisSession * left);
            }
            handler(this, new BatchSearchProgress(result, done, TotalKeys, _hits, _found, _notFound, _tooMany, _error, elapsed, remaining));
        }
    }
}
