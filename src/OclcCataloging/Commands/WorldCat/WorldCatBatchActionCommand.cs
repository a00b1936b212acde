using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Actions;
using OclcCataloging.Search;
using OclcCataloging.Search.Batch;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// The batch semantics of the WorldCat record-action cmdlets (docs/design/worldcat-record-actions.md): one result
    /// per input, -ReportPath CSV + HTML, -RetainPath files, progress, Ctrl+C keeps the state and -Resume continues,
    /// a run-stopping problem reported once.
    /// </summary>
    public abstract class WorldCatBatchActionCommand : WorldCatActionCommand
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private BatchActionSession? _session;
        private BatchActionOptions? _options;
        private ProgressThrottle? _progress;
        private volatile BatchActionProgress? _lastProgress;

        /// <summary>CSV report path; an HTML summary is written beside it (same name, .html).</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        /// <summary>Folder for notfound.txt, refused.txt, error.txt and unknown.txt: the inputs to look at again, one per line.</summary>
        [Parameter]
        public string? RetainPath { get; set; }

        /// <summary>Where the run's progress is saved so -Resume can continue it. Default: beside -ReportPath.</summary>
        [Parameter]
        public string? StatePath { get; set; }

        /// <summary>Continue a run that stopped (Ctrl+C, missing scope, daily limit): inputs already done are skipped, never sent again.</summary>
        [Parameter]
        public SwitchParameter Resume { get; set; }

        /// <summary>The action and its switches, as recorded in the state file.</summary>
        private protected abstract string ActionName { get; }

        /// <summary>Set when the run stopped: later inputs are not run.</summary>
        private protected bool Halted { get; private set; }

        /// <summary>Call from BeginProcessing after the cmdlet's own checks.</summary>
        private protected void BeginBatch(string unknownAdvice)
        {
            OpenClient();
            string? report = ResolveOutput(ReportPath);
            _options = new BatchActionOptions
            {
                ReportPath = report,
                RetainDirectory = ResolveOutput(RetainPath),
                StatePath = ResolveOutput(StatePath) ?? (report == null ? null : report + ".state"),
                Resume = Resume,
                UnknownAdvice = unknownAdvice,
                ResumeAdvice = "Run the same command again with -Resume to continue.",
            };
            if (Resume && _options.StatePath == null)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Resume needs the state of the stopped run: give the same -ReportPath or -StatePath as that run."),
                    ErrorIds.BatchStateInvalid, ErrorCategory.InvalidArgument, null));
            _progress = new ProgressThrottle();
        }

        /// <summary>Runs one input (after ShouldProcess, for cmdlets that change WorldCat) and writes its result.</summary>
        private protected void Run(string input, Func<ActionContext, CancellationToken, Task<ActionOutcome>> operation)
        {
            if (Halted || !OpenSession()) return;
            BatchActionResult? result = Guard<BatchActionResult>(input, () => _session!.RunAsync(input, operation, _stop.Token).GetAwaiter().GetResult());
            if (result != null) Emit(result);
        }

        /// <summary>Runs several inputs through one request (current holdings) and writes one result each.</summary>
        private protected void RunGroup(IReadOnlyList<string> inputs, Func<IReadOnlyList<string>, ActionContext, CancellationToken, Task<IReadOnlyList<ActionOutcome>>> operation)
        {
            if (Halted || inputs.Count == 0 || !OpenSession()) return;
            var results = Guard(inputs[0], () => _session!.RunGroupAsync(inputs, operation, _stop.Token).GetAwaiter().GetResult());
            if (results == null) return;
            foreach (var result in results) Emit(result);
        }

        /// <summary>Writes a result: the object (or what <see cref="Output"/> makes of it) and, for failures, an error record.</summary>
        private void Emit(BatchActionResult result)
        {
            WriteActionProgress();
            switch (result.Status)
            {
                case ActionStatus.Error:
                    WriteError(new ErrorRecord(new InvalidOperationException(Describe(result)), ErrorIds.WorldCatActionFailed, ErrorCategory.InvalidResult, result));
                    break;
                case ActionStatus.Unknown:
                    WriteError(new ErrorRecord(new InvalidOperationException(Describe(result)), ErrorIds.WorldCatActionOutcomeUnknown, ErrorCategory.OperationTimeout, result));
                    break;
                case ActionStatus.Refused when RefusalIsError:
                    WriteError(new ErrorRecord(new InvalidOperationException(Describe(result)), ErrorIds.WorldCatActionRefused, ErrorCategory.InvalidArgument, result));
                    break;
            }
            if (result.IsMerged) WriteWarning(Describe(result));
            Output(result);
        }

        /// <summary>Whether a Refused input also gets an error record (not for validation, whose findings are the answer).</summary>
        private protected virtual bool RefusalIsError => true;

        /// <summary>Writes the result to the pipeline; cmdlets with -PassThru or record output override it.</summary>
        private protected virtual void Output(BatchActionResult result) => WriteObject(result);

        private static string Describe(BatchActionResult r) =>
            "Input " + r.Sequence.ToString(CultureInfo.InvariantCulture) + " '" + r.Input + "' (" + r.Action + "): " + r.Status + ". " + r.Message;

        private T? Guard<T>(string input, Func<T?> run) where T : class
        {
            try
            {
                return run();
            }
            catch (BatchStateMismatchException e)
            {
                Halted = true;
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.BatchStateInvalid, ErrorCategory.InvalidData, _options!.StatePath));
            }
            catch (SearchTargetUnavailableException e)
            {
                Halted = true;
                string resume = TargetStopAdvice.For(e, canResume: _options!.StatePath != null, " Give -ReportPath or -StatePath to be able to resume.");
                WriteError(new ErrorRecord(new InvalidOperationException("WorldCat stopped the run at input '" + input + "': " + e.Message + resume),
                    ErrorIds.WorldCatActionStopped, e.Reason == "MissingScope" || e.Reason == "AuthenticationFailed" ? ErrorCategory.PermissionDenied : ErrorCategory.ResourceUnavailable, input));
            }
            catch (OperationCanceledException)
            {
                Halted = true;
            }
            return null;
        }

        private bool OpenSession()
        {
            if (_session != null) return true;
            try
            {
                _session = new BatchActionSession(ActionName, _options!);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                Halted = true;
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.BatchStateInvalid, ErrorCategory.InvalidData, _options!.StatePath));
            }
            _session!.Progress += (s, p) => _lastProgress = p;
            return true;
        }

        private void WriteActionProgress()
        {
            var p = _lastProgress;
            if (p == null || !_progress!.IsDue()) return;
            var record = new ProgressRecord(1, MyInvocation.MyCommand.Name,
                p.InputsDone.ToString("N0", CultureInfo.CurrentCulture) + " done; " + p.NotDone.ToString("N0", CultureInfo.CurrentCulture) + " not Done; last: " + p.Current.Input + " " + p.Current.Status);
            if (p.PercentComplete >= 0) record.PercentComplete = p.PercentComplete;
            WriteProgress(record);
        }

        protected override void EndProcessing()
        {
            try
            {
                if (_session == null) return;
                BatchActionSummary summary;
                try
                {
                    summary = _session.Complete();
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, ReportPath));
                    return;
                }
                catch (BatchStateMismatchException e)
                {
                    WriteError(new ErrorRecord(e, ErrorIds.BatchStateInvalid, ErrorCategory.InvalidData, _options!.StatePath));
                    return;
                }
                WriteVerbose(summary.Action + ": " + summary.Total + " inputs (done " + summary.Done + ", no change " + summary.NoChange + ", not found " + summary.NotFound
                    + ", refused " + summary.Refused + ", errors " + summary.Error + ", unknown " + summary.Unknown + ")."
                    + (summary.Finished ? "" : " Stopped: " + summary.StoppedReason + "; rerun with -Resume to continue.")
                    + (summary.ReportPath == null ? "" : " Report: " + summary.ReportPath + ", " + summary.HtmlReportPath));
                WriteInformation(new InformationRecord(summary, MyInvocation.MyCommand.Name));
            }
            finally
            {
                _session?.Dispose();
                CloseClient();
                if (_progress != null && _progress.HasReported)
                    WriteProgress(new ProgressRecord(1, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        private protected string? ResolveOutput(string? path) =>
            string.IsNullOrEmpty(path) ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
