using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// OAuth 2 client credentials (doc §1.2): POST token?grant_type=client_credentials&amp;scope=… with Basic auth and an
    /// empty body. Caches the token, renews it <see cref="WorldCatTargetOptions.TokenRefreshSkew"/> before it expires,
    /// and renews it on demand after the API rejected it. One request at a time (concurrent keys share the token).
    /// </summary>
    internal sealed class WorldCatTokenProvider : IDisposable
    {
        private readonly HttpClient _http;
        private readonly WorldCatTargetOptions _options;
        private readonly IRetryExecutor _retry;
        private readonly WorldCatStatistics _statistics;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private WorldCatAccessToken? _token;

        public WorldCatTokenProvider(HttpClient http, WorldCatTargetOptions options, IRetryExecutor retry, WorldCatStatistics statistics)
        {
            _http = http;
            _options = options;
            _retry = retry;
            _statistics = statistics;
        }

        public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            var current = _token;
            if (current != null && current.IsUsable(_options.Clock(), _options.TokenRefreshSkew)) return current.Value;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                current = _token;
                if (current != null && current.IsUsable(_options.Clock(), _options.TokenRefreshSkew)) return current.Value;
                _token = await RequestAsync(cancellationToken).ConfigureAwait(false);
                return _token.Value;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>A new token after the API answered 401 to <paramref name="rejected"/> (unless another caller already renewed it).</summary>
        public async Task<string> RenewAsync(string rejected, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _token;
                if (current != null && current.Value != rejected && current.IsUsable(_options.Clock(), _options.TokenRefreshSkew)) return current.Value;
                _token = await RequestAsync(cancellationToken).ConfigureAwait(false);
                return _token.Value;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<WorldCatAccessToken> RequestAsync(CancellationToken cancellationToken)
        {
            var credential = _options.Credential ?? throw new InvalidOperationException("WorldCat credentials are required.");
            var uri = new Uri(_options.TokenAddress.AbsoluteUri + (_options.TokenAddress.Query.Length > 0 ? "&" : "?")
                + "grant_type=client_credentials&scope=" + Uri.EscapeDataString(_options.Scope ?? ""));
            int attempt = 0;
            try
            {
                return await _retry.ExecuteAsync(async ct =>
                {
                    if (++attempt > 1) _statistics.AddRetry();
                    _statistics.AddTokenRequest();
                    using (var request = new HttpRequestMessage(HttpMethod.Post, uri))
                    {
                        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes((credential.UserName ?? "") + ":" + (credential.Password ?? "")));
                        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                        request.Content = new ByteArrayContent(Array.Empty<byte>());
                        var response = await WorldCatHttp.SendAsync(_http, request, _options.Resilience.AttemptTimeout, _options.Clock, ct).ConfigureAwait(false);
                        return Interpret(response);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SearchHttpException || ex is TimeoutException || ex is HttpRequestException || ex is IOException || ex is SocketException)
            {
                throw new SearchTargetUnavailableException("Unreachable", Redact("The WorldCat token server " + _options.TokenAddress.GetLeftPart(UriPartial.Path) + " did not issue a token: " + ex.Message));
            }
        }

        private WorldCatAccessToken Interpret(WorldCatResponse response)
        {
            if (response.Status == 200)
            {
                try { return WorldCatAccessToken.Parse(response.Text, _options.Clock()); }
                catch (FormatException ex) { throw new SearchTargetUnavailableException("AuthenticationFailed", "The WorldCat token server sent an unreadable token response: " + ex.Message); }
            }
            if (SearchResilience.IsTransientStatus(response.Status))
            {
                if (response.Status == 429) _statistics.AddRateLimited();
                throw new SearchHttpException(response.Status, "HTTP " + response.Status + " from the token server.", null, response.RetryAfter, isTransient: true);
            }
            var body = WorldCatErrorBody.Parse(response.Text);
            var said = body.Message ?? body.Describe();
            var reason = response.Status == 401 ? "the client id or secret was refused"
                : response.Status == 403 ? "the scope '" + _options.Scope + "' is not on this key"
                : "the request was refused";
            throw new SearchTargetUnavailableException("AuthenticationFailed",
                Redact("WorldCat authentication failed (HTTP " + response.Status + "): " + reason + (said == null ? "." : ". Server: " + said)));
        }

        /// <summary>Removes the secret from text that may come back from a server or a handler.</summary>
        public string Redact(string text)
        {
            var secret = _options.Credential?.Password;
            return string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***");
        }

        public void Dispose() => _gate.Dispose();
    }
}
