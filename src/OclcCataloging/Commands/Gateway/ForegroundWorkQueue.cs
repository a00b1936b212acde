using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Gateway;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>One thing a -Wait listener's connection threads hand to the pipeline thread.</summary>
    internal sealed class ForegroundWork
    {
        /// <summary>A record for the -ScriptBlock handler; the connection waits on <see cref="Verdict"/>.</summary>
        internal GatewayReceivedRecord? HandlerRecord { get; set; }

        internal TaskCompletionSource<GatewayListenerVerdict>? Verdict { get; set; }

        /// <summary>A record accepted and saved: written to the pipeline.</summary>
        internal GatewayReceivedRecord? Output { get; set; }

        /// <summary>A connection problem: written as verbose output.</summary>
        internal string? LogLine { get; set; }
    }

    /// <summary>
    /// Start-GatewayListener -Wait: connection threads never touch PowerShell. They queue their work here, and the
    /// pipeline thread (the only one that may run the caller's script block and write output) takes it.
    /// </summary>
    internal sealed class ForegroundWorkQueue
    {
        private readonly BlockingCollection<ForegroundWork> _items = new BlockingCollection<ForegroundWork>();

        /// <summary>The verdict for a record the pipeline thread will not handle because the listener stops.</summary>
        private static GatewayListenerVerdict Stopping() => GatewayListenerVerdict.Reject("the listener is stopping");

        /// <summary>The handler a connection thread calls: queues the record and waits for the pipeline thread's verdict.</summary>
        internal Task<GatewayListenerVerdict> HandleAsync(GatewayReceivedRecord record, CancellationToken cancellationToken)
        {
            var verdict = new TaskCompletionSource<GatewayListenerVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
            // Once the listener stops, a record still waiting for the pipeline thread is refused (and not saved).
            // The registration is released with the verdict, so a long-running listener does not collect them.
            CancellationTokenRegistration stopping = cancellationToken.Register(() => verdict.TrySetResult(Stopping()));
            verdict.Task.ContinueWith(_ => stopping.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (!_items.IsAddingCompleted)
            {
                try { _items.Add(new ForegroundWork { HandlerRecord = record, Verdict = verdict }); }
                catch (System.InvalidOperationException) { verdict.TrySetResult(Stopping()); }
            }
            else verdict.TrySetResult(Stopping());
            return verdict.Task;
        }

        internal void AddOutput(GatewayReceivedRecord record) => TryAdd(new ForegroundWork { Output = record });

        internal void AddLog(string line) => TryAdd(new ForegroundWork { LogLine = line });

        private void TryAdd(ForegroundWork work)
        {
            try { _items.TryAdd(work); }
            catch (System.InvalidOperationException) { } // completed: the pipeline has stopped
        }

        internal bool TryTake(out ForegroundWork? work, int millisecondsTimeout, CancellationToken cancellationToken)
        {
            bool taken = _items.TryTake(out ForegroundWork? w, millisecondsTimeout, cancellationToken);
            work = w;
            return taken;
        }

        /// <summary>No more work is accepted; handler requests still queued are refused.</summary>
        internal void Complete()
        {
            _items.CompleteAdding();
            while (_items.TryTake(out ForegroundWork? w))
                w.Verdict?.TrySetResult(Stopping());
        }
    }
}
