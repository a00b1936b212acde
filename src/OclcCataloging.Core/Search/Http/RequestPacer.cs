using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Search.Http
{
    /// <summary>
    /// Spaces requests evenly: at most <c>requestsPerSecond</c> start per second, shared by all callers (thread-safe).
    /// Each caller reserves the next free slot, then waits for it, so concurrent callers queue fairly.
    /// </summary>
    public sealed class RequestPacer
    {
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly long _intervalTicks;
        private long _nextSlotTicks;

        /// <param name="requestsPerSecond">0 (or less) = unpaced.</param>
        public RequestPacer(double requestsPerSecond)
        {
            if (double.IsNaN(requestsPerSecond) || double.IsInfinity(requestsPerSecond)) throw new ArgumentOutOfRangeException(nameof(requestsPerSecond));
            RequestsPerSecond = requestsPerSecond;
            _intervalTicks = requestsPerSecond > 0 ? (long)(TimeSpan.TicksPerSecond / requestsPerSecond) : 0;
        }

        public double RequestsPerSecond { get; }

        public TimeSpan Interval => TimeSpan.FromTicks(_intervalTicks);

        /// <summary>Waits until this caller may send its request.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            if (_intervalTicks == 0) return Task.CompletedTask;
            long delayTicks;
            lock (_gate)
            {
                long now = _clock.Elapsed.Ticks;
                long slot = Math.Max(now, _nextSlotTicks);
                _nextSlotTicks = slot + _intervalTicks;
                delayTicks = slot - now;
            }
            return delayTicks <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromTicks(delayTicks), cancellationToken);
        }
    }
}
