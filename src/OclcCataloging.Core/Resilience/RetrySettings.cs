using System;

namespace OclcCataloging.Resilience
{
    /// <summary>How often and how patiently to retry, and which failures count as passing ones.</summary>
    public sealed class RetrySettings
    {
        /// <summary>Retries after the first attempt (0 = no retry).</summary>
        public int MaxRetryAttempts { get; set; } = 3;

        /// <summary>Delay before the first retry; later retries back off exponentially.</summary>
        public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(200);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        public bool UseJitter { get; set; } = true;

        /// <summary>Decides whether a failure is worth another attempt. Default: none is.</summary>
        public Func<Exception, bool> ShouldRetry { get; set; } = _ => false;

        /// <summary>A server-given delay for this failure (HTTP Retry-After); used instead of the back-off when present.</summary>
        public Func<Exception, TimeSpan?>? DelayHint { get; set; }

        /// <summary>Timeout of each attempt; an attempt that runs longer fails with <see cref="TimeoutException"/>. Null = none.</summary>
        public TimeSpan? AttemptTimeout { get; set; }

        /// <summary>Called before each retry with the attempt number (1-based), the failure and the delay.</summary>
        public Action<int, Exception, TimeSpan>? OnRetry { get; set; }
    }
}
