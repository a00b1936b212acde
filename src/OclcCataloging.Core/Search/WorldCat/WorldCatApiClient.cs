using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// GET requests to the Metadata API with everything around them: daily budget, pacing, bearer token (renewed once
    /// on a 401), retries of transient statuses through the <see cref="IRetryExecutor"/>, and the stop conditions
    /// (credentials refused, Retry-After beyond MaxDelay, budget spent) as <see cref="SearchTargetUnavailableException"/>.
    /// Returns the final response (success or a non-transient error status) for the caller to interpret.
    /// </summary>
    internal sealed class WorldCatApiClient
    {
        private readonly HttpClient _http;
        private readonly WorldCatTargetOptions _options;
        private readonly IRetryExecutor _retry;
        private readonly WorldCatTokenProvider _tokens;
        private readonly RequestPacer _pacer;
        private readonly DailyRequestBudget _budget;
        private readonly WorldCatStatistics _statistics;
        private readonly string _base;

        public WorldCatApiClient(HttpClient http, WorldCatTargetOptions options, IRetryExecutor retry, WorldCatTokenProvider tokens,
            RequestPacer pacer, DailyRequestBudget budget, WorldCatStatistics statistics)
        {
            _http = http;
            _options = options;
            _retry = retry;
            _tokens = tokens;
            _pacer = pacer;
            _budget = budget;
            _statistics = statistics;
            _base = options.ApiBaseAddress.AbsoluteUri.TrimEnd('/') + "/";
        }

        /// <summary>Counts the HTTP attempts made for one key.</summary>
        internal sealed class AttemptCounter
        {
            public int Count;
        }

        public Task<WorldCatResponse> GetAsync(string relative, string accept, AttemptCounter attempts, CancellationToken cancellationToken)
        {
            var uri = new Uri(_base + relative);
            bool renewed = false;
            int calls = 0;
            return _retry.ExecuteAsync(async ct =>
            {
                if (++calls > 1) _statistics.AddRetry();
                var token = await _tokens.GetTokenAsync(ct).ConfigureAwait(false);
                var response = await SendAsync(uri, accept, token, attempts, ct).ConfigureAwait(false);
                if (response.Status == 401 && !renewed)
                {
                    // The token may have been revoked or expired early by the server's clock: renew once, try again.
                    renewed = true;
                    _statistics.AddUnauthorizedRefresh();
                    token = await _tokens.RenewAsync(token, ct).ConfigureAwait(false);
                    response = await SendAsync(uri, accept, token, attempts, ct).ConfigureAwait(false);
                }
                return Check(response, uri);
            }, cancellationToken);
        }

        private async Task<WorldCatResponse> SendAsync(Uri uri, string accept, string token, AttemptCounter attempts, CancellationToken ct)
        {
            if (!_budget.TryConsume(_options.Clock(), out var availableAt))
                throw new SearchTargetUnavailableException("DailyBudgetExhausted",
                    "The daily budget of " + _budget.Limit.ToString(CultureInfo.InvariantCulture) + " WorldCat requests (rolling 24 hours) is spent; more are possible after "
                    + availableAt.ToString("u", CultureInfo.InvariantCulture) + ".", availableAt);
            await _pacer.WaitAsync(ct).ConfigureAwait(false);
            Interlocked.Increment(ref attempts.Count);
            _statistics.AddRequest();
            using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                return await WorldCatHttp.SendAsync(_http, request, _options.Resilience.AttemptTimeout, _options.Clock, ct).ConfigureAwait(false);
            }
        }

        private WorldCatResponse Check(WorldCatResponse response, Uri uri)
        {
            int status = response.Status;
            if (status == 429) _statistics.AddRateLimited();
            if (status == 401 || status == 403)
            {
                var body = WorldCatErrorBody.Parse(response.Text);
                throw new SearchTargetUnavailableException("AuthenticationFailed", _tokens.Redact(
                    "WorldCat refused the access token for " + uri.AbsolutePath + " (HTTP " + status + (status == 403 ? ": the key may lack the scope for this request" : ": a renewed token was refused too")
                    + (body.Describe() is string said ? "; server: " + said : "") + ")."));
            }
            if (!SearchResilience.IsTransientStatus(status)) return response;
            var error = WorldCatErrorBody.Parse(response.Text);
            if ((status == 429 || status == 503) && response.RetryAfter.HasValue && response.RetryAfter.Value > _options.Resilience.MaxDelay)
            {
                var until = _options.Clock() + response.RetryAfter.Value;
                throw new SearchTargetUnavailableException("RateLimited",
                    "WorldCat asked to wait " + Math.Ceiling(response.RetryAfter.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s (HTTP " + status
                    + "), longer than the longest wait allowed (" + _options.Resilience.MaxDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s); resume after "
                    + until.ToString("u", CultureInfo.InvariantCulture) + ".", until);
            }
            throw new SearchHttpException(status, "HTTP " + status + " from " + uri.AbsolutePath + (error.Describe() is string d ? ": " + d : "."),
                error.Type, response.RetryAfter, isTransient: true);
        }
    }
}
