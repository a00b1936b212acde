using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Batch;
using OclcCataloging.Search;
using OclcCataloging.Search.Batch;

namespace OclcCataloging.Actions
{
    /// <summary>
    /// Runs one action per input with Connexion's batch semantics: every input yields one result and one report
    /// row; at the end the CSV report, HTML summary and retained-input files cover the whole run. The work on
    /// each input is a pluggable operation. With a state file the run can stop (WorldCat unavailable, missing
    /// scope, cancellation, a crash) and be resumed; a write whose reply may be lost is noted as Unknown before
    /// it leaves, so it is never sent twice. See docs/design/worldcat-record-actions.md.
    /// </summary>
    public sealed class BatchActionSession : IDisposable
    {
        private readonly string _action;
        private readonly BatchActionOptions _options;
        private readonly BatchRunLedger<BatchActionResult> _ledger;
        private readonly Dictionary<ActionStatus, int> _counts = new Dictionary<ActionStatus, int>();
        private readonly Stopwatch _sessionClock = Stopwatch.StartNew();
        private int _sequence;
        private int _runThisSession;

        /// <param name="action">The action and its switches; a state file of another action is refused on resume.</param>
        /// <param name="options">State file, resume, report and retained-input folder.</param>
        /// <exception cref="BatchStateMismatchException">Resuming a state file of another action, or not a state file.</exception>
        public BatchActionSession(string action, BatchActionOptions options)
        {
            _action = action ?? throw new ArgumentNullException(nameof(action));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            foreach (ActionStatus s in Enum.GetValues(typeof(ActionStatus))) _counts[s] = 0;
            _ledger = new BatchRunLedger<BatchActionResult>(BatchActionRowFormat.Instance, options.StatePath, options.Resume, action);
            foreach (var row in _ledger.Previous.Values) _counts[row.Status]++;
        }

        public string Action => _action;

        /// <summary>Raised after each input run (not for inputs an earlier session did).</summary>
        public event EventHandler<BatchActionProgress>? Progress;

        /// <summary>Inputs in the whole run, when known: enables the estimated time left.</summary>
        public int? TotalInputs { get; set; }

        /// <summary>Runs the operation for one input.</summary>
        /// <returns>The result; null for an input an earlier session of a resumed run completed.</returns>
        /// <exception cref="BatchStateMismatchException">The input differs from the one the state file recorded at this position.</exception>
        /// <exception cref="SearchTargetUnavailableException">WorldCat cannot go on; the state is kept for a resumed run.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; the state is kept for a resumed run.</exception>
        public async Task<BatchActionResult?> RunAsync(string input, Func<ActionContext, CancellationToken, Task<ActionOutcome>> operation, CancellationToken cancellationToken)
        {
            var results = await RunGroupAsync(new[] { input ?? throw new ArgumentNullException(nameof(input)) },
                async (left, context, ct) => new[] { await operation(context, ct).ConfigureAwait(false) }, cancellationToken).ConfigureAwait(false);
            return results.Count == 0 ? null : results[0];
        }

        /// <summary>
        /// Runs one operation for several inputs (a request that takes a group, such as current holdings). Inputs an
        /// earlier session completed are left out; the operation gets the others and returns one outcome for each, in order.
        /// Every result of the group carries the group's attempts and elapsed time.
        /// </summary>
        public async Task<IReadOnlyList<BatchActionResult>> RunGroupAsync(IReadOnlyList<string> inputs,
            Func<IReadOnlyList<string>, ActionContext, CancellationToken, Task<IReadOnlyList<ActionOutcome>>> operation, CancellationToken cancellationToken)
        {
            if (inputs == null) throw new ArgumentNullException(nameof(inputs));
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            if (_ledger.IsCompleted) throw new InvalidOperationException("The batch action session is complete.");
            if (_ledger.StoppedReason != null) throw new InvalidOperationException("The batch stopped (" + _ledger.StoppedReason + "); resume it in a new session.");

            var left = new List<(int Sequence, string Input)>();
            int sequence = _sequence;
            foreach (var input in inputs)
            {
                sequence++;
                if (_ledger.TryGetPrevious(sequence, input, r => r.Input, "input", out _)) continue;
                left.Add((sequence, input));
            }
            if (left.Count == 0)
            {
                _sequence = sequence;
                return Array.Empty<BatchActionResult>();
            }

            var context = new ActionContext();
            var state = _ledger.State;
            bool provisional = false;
            context.Requests.WriteSending = () =>
            {
                if (provisional || state == null) return;
                provisional = true;
                foreach (var item in left) state.Append(Provisional(item.Sequence, item.Input));
            };
            var clock = Stopwatch.StartNew();
            IReadOnlyList<ActionOutcome> outcomes;
            try
            {
                outcomes = await operation(left.Select(l => l.Input).ToList(), context, cancellationToken).ConfigureAwait(false);
                if (outcomes.Count != left.Count) throw new InvalidOperationException("The operation returned " + outcomes.Count + " outcomes for " + left.Count + " inputs.");
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is SearchTargetUnavailableException)
            {
                _ledger.Stop(ex);
                if (context.Requests.WriteInFlight)
                {
                    // Stopped with a write on the wire: its outcome is unknown, and it stays recorded so it is not resent.
                    var lost = left.Select(item => Provisional(item.Sequence, item.Input)).ToList();
                    foreach (var row in lost) Record(row, clock.Elapsed, context.Attempts, appendToState: false);
                    _sequence = sequence;
                }
                else if (provisional)
                {
                    foreach (var item in left) state!.Remove(item.Sequence);
                }
                throw;
            }
            catch (Exception ex) when (!(ex is BatchStateMismatchException))
            {
                // A bug in an operation must not lose the inputs: each becomes an Error row.
                outcomes = left.Select(_ => new ActionOutcome { Status = ActionStatus.Error, Message = ex.GetType().Name + ": " + ex.Message }).ToList();
            }

            var results = new List<BatchActionResult>(left.Count);
            for (int i = 0; i < left.Count; i++)
            {
                var result = ToResult(left[i].Sequence, left[i].Input, outcomes[i]);
                Record(result, clock.Elapsed, context.Attempts, appendToState: true);
                results.Add(result);
            }
            _sequence = sequence;
            return results;
        }

        private BatchActionResult Provisional(int sequence, string input) => new BatchActionResult
        {
            Sequence = sequence,
            Input = input,
            Action = _action,
            Status = ActionStatus.Unknown,
            Message = "The run stopped while this action was on its way to WorldCat; it was not sent again. " + _options.UnknownAdvice,
        };

        private BatchActionResult ToResult(int sequence, string input, ActionOutcome outcome) => new BatchActionResult
        {
            Sequence = sequence,
            Input = input,
            Action = _action,
            OclcNumber = outcome.OclcNumber,
            CurrentOclcNumber = outcome.CurrentOclcNumber,
            ControlNumber = outcome.ControlNumber,
            InstitutionSymbol = outcome.InstitutionSymbol,
            IsHeld = outcome.IsHeld,
            Status = outcome.Status,
            Message = outcome.Message,
            HttpStatus = outcome.HttpStatus,
            Record = outcome.Record,
            ValidationIssues = outcome.ValidationIssues,
        };

        private void Record(BatchActionResult result, TimeSpan elapsed, int attempts, bool appendToState)
        {
            result.Elapsed = elapsed;
            result.Attempts = attempts;
            _ledger.Add(result, result.WithoutRecord(), appendToState);
            _runThisSession++;
            _counts[result.Status]++;
            OnProgress(result);
        }

        /// <summary>
        /// Writes the CSV report, HTML summary and retained-input files for the whole run (all through temporary
        /// files, renamed into place only after all were written), deletes the state file when the run finished,
        /// and returns the summary. Call it also after a stop, for the partial report.
        /// </summary>
        public BatchActionSummary Complete()
        {
            var rows = _ledger.AllRows(_sequence, "inputs");
            var summary = new BatchActionSummary
            {
                Action = _action,
                Total = rows.Count,
                Done = _counts[ActionStatus.Done],
                NoChange = _counts[ActionStatus.NoChange],
                NotFound = _counts[ActionStatus.NotFound],
                Refused = _counts[ActionStatus.Refused],
                Error = _counts[ActionStatus.Error],
                Unknown = _counts[ActionStatus.Unknown],
                ActionTime = TimeSpan.FromTicks(rows.Sum(r => r.Elapsed.Ticks)),
            };
            _ledger.Complete(summary, _options.ReportPath, files =>
            {
                if (_options.RetainDirectory == null) return;
                Directory.CreateDirectory(_options.RetainDirectory);
                summary.RetainedPaths = RetainedInputFiles.Add(files, _options.RetainDirectory, rows);
            }, () => BatchCsvReport.Format(BatchActionRowFormat.Instance, rows), () => BatchActionHtmlSummary.Format(summary, rows, _options.ResumeAdvice));
            return summary;
        }

        public void Dispose()
        {
            // Nothing is held open: the state file is appended and closed per input.
        }

        private void OnProgress(BatchActionResult result)
        {
            var handler = Progress;
            if (handler == null) return;
            int done = _counts.Values.Sum();
            TimeSpan elapsed = _sessionClock.Elapsed;
            TimeSpan? remaining = null;
            if (TotalInputs.HasValue && _runThisSession > 0)
                remaining = TimeSpan.FromTicks(elapsed.Ticks / _runThisSession * Math.Max(0, TotalInputs.Value - done));
            handler(this, new BatchActionProgress(result, done, TotalInputs, elapsed, remaining, done - _counts[ActionStatus.Done]));
        }
    }
}
