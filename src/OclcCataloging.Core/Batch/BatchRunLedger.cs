using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OclcCataloging.Search;
using OclcCataloging.Search.Batch;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// The bookkeeping a batch engine shares with the others: the state file (new, or loaded for a resumed run),
    /// the rows of earlier sessions, this session's rows, the stop reason, and the end of the run (reports written
    /// all-or-nothing, state deleted when finished). The engine supplies what one item is and how it runs.
    /// </summary>
    internal sealed class BatchRunLedger<TRow>
    {
        private readonly IBatchRowFormat<TRow> _format;
        private readonly List<TRow> _results = new List<TRow>();

        /// <exception cref="BatchStateMismatchException">Resuming a state file of another target, or not a state file.</exception>
        public BatchRunLedger(IBatchRowFormat<TRow> format, string? statePath, bool resume, string target)
        {
            _format = format;
            Started = DateTimeOffset.Now;
            if (statePath == null) return;
            if (resume && File.Exists(statePath))
            {
                State = BatchRunState<TRow>.Load(format, statePath);
                if (State.Target != target)
                    throw new BatchStateMismatchException(State.Path, "it was written for '" + State.Target + "', not '" + target + "'.");
                Started = State.Started;
                foreach (var row in State.Rows) Previous.Add(row.Key, row.Value);
            }
            else
            {
                State = BatchRunState<TRow>.StartNew(format, statePath, target, Started);
            }
        }

        public DateTimeOffset Started { get; }

        public BatchRunState<TRow>? State { get; }

        /// <summary>The rows of earlier sessions, by sequence.</summary>
        public SortedDictionary<int, TRow> Previous { get; } = new SortedDictionary<int, TRow>();

        public string? StoppedReason { get; private set; }

        public DateTimeOffset? RetryAfter { get; private set; }

        public bool IsCompleted { get; private set; }

        /// <summary>The row an earlier session recorded at this sequence, after checking it is for the same item text.</summary>
        /// <exception cref="BatchStateMismatchException">Another item was recorded there.</exception>
        public bool TryGetPrevious(int sequence, string text, Func<TRow, string> textOf, string noun, out TRow row)
        {
            if (!Previous.TryGetValue(sequence, out row!)) return false;
            if (textOf(row) != text)
                throw new BatchStateMismatchException(State!.Path, noun + " " + sequence + " was '" + textOf(row) + "' in the interrupted run but is '" + text + "' now.");
            return true;
        }

        /// <summary>Keeps a finished item's row (without bulky content) and, when asked, appends it to the state file.</summary>
        public void Add(TRow fullRow, TRow keptRow, bool appendToState = true)
        {
            if (appendToState) State?.Append(fullRow);
            _results.Add(keptRow);
        }

        /// <summary>Notes why the run stops: cancellation, or the target's stated reason.</summary>
        public void Stop(Exception reason)
        {
            StoppedReason = reason is SearchTargetUnavailableException unavailable ? unavailable.Reason : "Cancelled";
            RetryAfter = (reason as SearchTargetUnavailableException)?.RetryAfter;
        }

        /// <summary>The rows of the whole run, in sequence order; checks that a finished run covered every recorded item.</summary>
        /// <exception cref="BatchStateMismatchException">The interrupted run had more items than this one.</exception>
        public List<TRow> AllRows(int lastSequence, string nouns)
        {
            if (IsCompleted) throw new InvalidOperationException("Complete was already called.");
            if (StoppedReason == null && Previous.Count > 0 && Previous.Keys.Max() > lastSequence)
                throw new BatchStateMismatchException(State!.Path, "the interrupted run had " + Previous.Keys.Max() + " " + nouns + ", this list only " + lastSequence + ".");
            return Previous.Values.Concat(_results).OrderBy(_format.SequenceOf).ToList();
        }

        /// <summary>
        /// Fills the summary's times and stop, writes the files <paramref name="addFiles"/> adds plus the CSV report and
        /// HTML page (temporary files first, renamed into place only when all were written), then deletes the state
        /// when the run finished or names it in the summary when it did not.
        /// </summary>
        public void Complete(BatchRunSummary summary, string? reportPath, Action<BatchOutputFiles> addFiles, Func<string> csv, Func<string> html)
        {
            summary.Started = Started;
            summary.Ended = DateTimeOffset.Now;
            summary.StoppedReason = StoppedReason;
            summary.RetryAfter = RetryAfter;
            using (var files = new BatchOutputFiles())
            {
                addFiles(files);
                if (reportPath != null)
                {
                    summary.ReportPath = Path.GetFullPath(reportPath);
                    summary.HtmlReportPath = Path.ChangeExtension(summary.ReportPath, ".html");
                    files.Add(summary.ReportPath, csv(), byteOrderMark: true);
                    files.Add(summary.HtmlReportPath, html(), byteOrderMark: false);
                }
                files.CommitAll();
            }
            if (State != null)
            {
                if (summary.Finished) State.Delete();
                else summary.StatePath = State.Path;
            }
            IsCompleted = true;
        }
    }
}
