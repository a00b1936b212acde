using System.Threading;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>Counters for the run summary. Thread-safe; read at any time.</summary>
    public sealed class WorldCatStatistics
    {
        private long _requests;
        private long _tokenRequests;
        private long _retries;
        private long _rateLimited;
        private long _unauthorizedRefreshes;

        /// <summary>HTTP requests sent to the Metadata API (every attempt, retries included).</summary>
        public long Requests => Interlocked.Read(ref _requests);

        /// <summary>Requests sent to the token endpoint.</summary>
        public long TokenRequests => Interlocked.Read(ref _tokenRequests);

        /// <summary>Attempts that repeated a failed one (API and token requests).</summary>
        public long Retries => Interlocked.Read(ref _retries);

        /// <summary>429 responses received.</summary>
        public long RateLimited => Interlocked.Read(ref _rateLimited);

        /// <summary>Tokens renewed because the API answered 401 to a token we believed valid.</summary>
        public long UnauthorizedRefreshes => Interlocked.Read(ref _unauthorizedRefreshes);

        internal void AddRequest() => Interlocked.Increment(ref _requests);
        internal void AddTokenRequest() => Interlocked.Increment(ref _tokenRequests);
        internal void AddRetry() => Interlocked.Increment(ref _retries);
        internal void AddRateLimited() => Interlocked.Increment(ref _rateLimited);
        internal void AddUnauthorizedRefresh() => Interlocked.Increment(ref _unauthorizedRefreshes);

        public override string ToString() =>
            "Requests=" + Requests + " TokenRequests=" + TokenRequests + " Retries=" + Retries + " RateLimited=" + RateLimited;
    }
}
