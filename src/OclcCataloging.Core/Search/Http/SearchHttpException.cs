using System;

namespace OclcCataloging.Search.Http
{
    /// <summary>An HTTP response a search target could not use. Carries what retry decisions need.</summary>
    public sealed class SearchHttpException : Exception
    {
        public SearchHttpException(int statusCode, string message, string? errorType = null, TimeSpan? retryAfter = null, bool isTransient = false)
            : base(message)
        {
            StatusCode = statusCode;
            ErrorType = errorType;
            RetryAfter = retryAfter;
            IsTransient = isTransient;
        }

        public int StatusCode { get; }

        /// <summary>The error code from the body, e.g. "NOT_FOUND", "INVALID_QUERY_PARAMETER_VALUE".</summary>
        public string? ErrorType { get; }

        /// <summary>The server's Retry-After, as a delay from when the response arrived.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>Worth another attempt: 429, 503, and 500/502/504 on reads.</summary>
        public bool IsTransient { get; }
    }
}
