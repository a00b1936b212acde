using System;

namespace OclcCataloging.Search
{
    /// <summary>The target cannot serve any more keys in this run (credentials refused, daily budget spent, ...).</summary>
    public sealed class SearchTargetUnavailableException : Exception
    {
        public SearchTargetUnavailableException(string reason, string message, DateTimeOffset? retryAfter = null, Exception? inner = null)
            : base(message, inner)
        {
            Reason = reason;
            RetryAfter = retryAfter;
        }

        /// <summary>Stable reason id: "AuthenticationFailed", "DailyBudgetExhausted", "RateLimited", "Unreachable".</summary>
        public string Reason { get; }

        /// <summary>When the target may be used again, if known (a rerun with -Resume after that time continues).</summary>
        public DateTimeOffset? RetryAfter { get; }
    }
}
