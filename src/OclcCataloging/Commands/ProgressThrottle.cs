using System.Diagnostics;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Says when it is time for the next progress update: at most one per interval (250 ms by default), the
    /// first one only after a full interval, so quick commands never draw a progress bar. Writing progress for
    /// every record would cost more than reading it, especially in Windows PowerShell 5.1.
    /// </summary>
    internal sealed class ProgressThrottle
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly long _intervalMs;
        private long _nextMs;

        internal ProgressThrottle(long intervalMs = 250)
        {
            _intervalMs = intervalMs;
            _nextMs = intervalMs;
        }

        /// <summary>True when at least one interval has passed since the last time it returned true.</summary>
        internal bool IsDue()
        {
            long now = _clock.ElapsedMilliseconds;
            if (now < _nextMs) return false;
            _nextMs = now + _intervalMs;
            return true;
        }

        /// <summary>True when <see cref="IsDue"/> has returned true at least once, i.e. a bar may be showing.</summary>
        internal bool HasReported => _nextMs != _intervalMs;
    }
}
