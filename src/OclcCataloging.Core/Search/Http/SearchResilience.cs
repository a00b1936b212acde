using System;
using System.Net.Http;
using System.Net.Sockets;
using OclcCataloging.Resilience;

namespace OclcCataloging.Search.Http
{
    /// <summary>
    /// The one place where retry, timeout and rate-limit handling for search targets is configured. The module
    /// turns these settings into a Polly pipeline (OclcCataloging.Polly); tests may use any IRetryExecutor.
    /// </summary>
    public sealed class SearchResilienceOptions
    {
        /// <summary>Retries after the first attempt for a transient failure (default 3).</summary>
        public int MaxRetryAttempts { get; set; } = 3;

        /// <summary>First back-off delay when the server gives no Retry-After (doubles, jittered).</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Longest single wait. A Retry-After longer than this is not waited for: the target reports it
        /// (a daily limit that resets tomorrow should end the run, resumable, not hang it).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(120);

        /// <summary>Timeout of one HTTP attempt (default 30 s).</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        public bool UseJitter { get; set; } = true;
    }

    public static class SearchResilience
    {
        public static RetrySettings CreateRetrySettings(SearchResilienceOptions options, Action<int, Exception, TimeSpan>? onRetry = null)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            return new RetrySettings
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = options.UseJitter,
                AttemptTimeout = options.AttemptTimeout,
                ShouldRetry = ex => IsTransient(ex, options),
                DelayHint = ex => ex is SearchHttpException http ? http.RetryAfter : null,
                OnRetry = onRetry,
            };
        }

        /// <summary>Transient: connection failures, attempt timeouts, and HTTP errors marked transient whose
        /// Retry-After (if any) is within MaxDelay.</summary>
        public static bool IsTransient(Exception exception, SearchResilienceOptions options)
        {
            switch (exception)
            {
                case SearchHttpException http:
                    return http.IsTransient && (!http.RetryAfter.HasValue || http.RetryAfter.Value <= options.MaxDelay);
                case TimeoutException _:
                    return true;
                case HttpRequestException _:
                    return true;
                case SocketException _:
                    return true;
                case System.IO.IOException _:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether a status is worth retrying for an idempotent read.</summary>
        public static bool IsTransientStatus(int statusCode) =>
            statusCode == 429 || statusCode == 503 || statusCode == 500 || statusCode == 502 || statusCode == 504 || statusCode == 408;
    }
}
