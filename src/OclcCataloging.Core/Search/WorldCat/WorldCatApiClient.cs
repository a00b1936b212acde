using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// Requests to the Metadata API with everything around them: daily budget, pacing, bearer token (renewed once
    /// on a 401), retries of transient statuses through the <see cref="IRetryExecutor"/>, and the stop conditions
    /// (credentials refused, missing scope, Retry-After beyond MaxDelay, budget spent) as <see cref="SearchTargetUnavailableException"/>.
    /// Returns the final response (success or a non-transient error status) for the caller to interpret.
    /// Writes are never repeated once their reply may have been lost (<see cref="WorldCatRequest.IsWrite"/>).
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

        public Task<WorldCatResponse> GetAsync(string relative, string accept, RequestAttempts attempts, CancellationToken cancellationToken) =>
            SendAsync(new WorldCatRequest(HttpMethod.Get, relative, accept), attempts, cancellationToken);

        public Task<WorldCatResponse> SendAsync(WorldCatRequest request, RequestAttempts attempts, CancellationToken cancellationToken)
        {
            var uri = new Uri(_base + request.Relative);
            bool renewed = false;
            int calls = 0;
            return _retry.ExecuteAsync(async ct =>
            {
                if (++calls > 1) _statistics.AddRetry();
                var token = await _tokens.GetTokenAsync(ct).ConfigureAwait(false);
                var response = await SendOnceAsync(request, uri, token, attempts, ct).ConfigureAwait(false);
                if (response.Status == 401 && !renewed)
                {
                    // The token may have been revoked or expired early by the server's clock: renew once, try again.
                    // A 401 is a known refusal, so repeating a write here sends it only once in effect.
                    renewed = true;
                    _statistics.AddUnauthorizedRefresh();
                    token = await _tokens.RenewAsync(token, ct).ConfigureAwait(false);
                    response = await SendOnceAsync(request, uri, token, attempts, ct).ConfigureAwait(false);
                }
                return Check(response, request, uri);
            }, cancellationToken);
        }

        private async Task<WorldCatResponse> SendOnceAsync(WorldCatRequest request, Uri uri, string token, RequestAttempts attempts, CancellationToken ct)
        {
            if (!_budget.TryConsume(_options.Clock(), out var availableAt))
                throw new SearchTargetUnavailableException("DailyBudgetExhausted",
                    "The daily budget of " + _budget.Limit.ToString(CultureInfo.InvariantCulture) + " WorldCat requests (rolling 24 hours) is spent; more are possible after "
                    + availableAt.ToString("u", CultureInfo.InvariantCulture) + ".", availableAt);
            await _pacer.WaitAsync(ct).ConfigureAwait(false);
            _statistics.AddRequest();
            using (var message = new HttpRequestMessage(request.Method, uri))
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Accept));
                message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                if (request.Body != null)
                {
                    message.Content = new ByteArrayContent(request.Body);
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? "application/octet-stream");
                }
                attempts.Starting(request.IsWrite);
                WorldCatResponse response;
                try
                {
                    response = await WorldCatHttp.SendAsync(_http, message, _options.Resilience.AttemptTimeout, _options.Clock, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (request.IsWrite && IsLostReply(ex))
                {
                    throw new WorldCatOutcomeUnknownException(request.Method + " " + uri.AbsolutePath + " was sent but no reply came back (" + ex.Message
                        + "). WorldCat may have carried it out; it was not sent again.", ex);
                }
                attempts.Answered();
                return response;
            }
        }

        /// <summary>A failure after the request may have reached the server. A refused connection never did: that one is retried.</summary>
        private static bool IsLostReply(Exception ex)
        {
            if (ex is OperationCanceledException) return false;
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused) return false;
            }
            return ex is TimeoutException || ex is HttpRequestException || ex is IOException || ex is SocketException;
        }

        private WorldCatResponse Check(WorldCatResponse response, WorldCatRequest request, Uri uri)
        {
            int status = response.Status;
            if (status == 429) _statistics.AddRateLimited();
            if (status == 403 && request.RequiredScope != null)
            {
                var said = WorldCatErrorBody.Parse(response.Text).Describe();
                throw new SearchTargetUnavailableException("MissingScope", _tokens.Redact(
                    "WorldCat refused " + request.Method + " " + uri.AbsolutePath + " (HTTP 403): the key lacks the scope " + request.RequiredScope
                    + (said == null ? "" : " (server: " + said + ")") + ". Ask OCLC to add it to the WSKey, or request the umbrella scope WorldCatMetadataAPI."));
            }
            if (status == 401 || status == 403)
            {
                var body = WorldCatErrorBody.Parse(response.Text);
                throw new SearchTargetUnavailableException("AuthenticationFailed", _tokens.Redact(
                    "WorldCat refused the access token for " + uri.AbsolutePath + " (HTTP " + status + (status == 403 ? ": the key may lack the scope for this request" : ": a renewed token was refused too")
                    + (body.Describe() is string said ? "; server: " + said : "") + ")."));
            }
            if (request.IsWrite && (status == 408 || status == 502 || status == 504))
                throw new WorldCatOutcomeUnknownException(request.Method + " " + uri.AbsolutePath + " was answered HTTP " + status
                    + " by a gateway: WorldCat may have carried it out; it was not sent again.");
            if (request.IsWrite && status == 500) return response;
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
