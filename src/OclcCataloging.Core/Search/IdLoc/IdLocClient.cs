using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>
    /// The three id.loc.gov requests the target needs, each through the retry executor. A status the caller
    /// does not expect becomes a <see cref="SearchHttpException"/> (transient for 408/429/5xx, with Retry-After).
    /// </summary>
    internal sealed class IdLocClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly IRetryExecutor _retry;
        private readonly Uri _base;

        public IdLocClient(IdLocTargetOptions options, IRetryExecutor retry, HttpMessageHandler? handler)
        {
            _retry = retry ?? throw new ArgumentNullException(nameof(retry));
            // A trailing slash lets a base address with a path (a proxy) keep its path for every request.
            _base = options.BaseAddress.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
            // The label service answers 302; the redirect must be seen, not followed.
            _http = handler == null
                ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
                : new HttpClient(handler, disposeHandler: false);
            _http.Timeout = Timeout.InfiniteTimeSpan; // per-attempt timeouts belong to the retry executor
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        }

        public Uri Resolve(string pathAndQuery) => new Uri(_base, pathAndQuery.TrimStart('/'));

        /// <summary>HEAD on a label URL: the match, or null for 404.</summary>
        public Task<IdLocLabelMatch?> LookUpLabelAsync(string path, IdLocExchange exchange, CancellationToken ct) =>
            SendAsync(HttpMethod.Head, path, exchange, ct, response =>
            {
                int status = (int)response.StatusCode;
                if (status == 404) return null;
                if (status >= 300 && status < 400 || status == 200)
                {
                    string? uri = Header(response, "X-Uri") ?? response.Headers.Location?.ToString();
                    if (uri == null) throw new SearchHttpException(status, "The label service answered " + status + " without X-Uri or Location.", "MissingXUri");
                    string? encoded = Header(response, "X-PrefLabel-Encoded");
                    string? label = encoded != null ? Uri.UnescapeDataString(encoded.Replace('+', ' ')) : Header(response, "X-PrefLabel");
                    return new IdLocLabelMatch(new Uri(_base, uri), label);
                }
                return Unexpected<IdLocLabelMatch?>(response);
            });

        /// <summary>GET a text resource: its body, or null for 404.</summary>
        public Task<string?> GetTextAsync(string pathAndQuery, IdLocExchange exchange, CancellationToken ct) =>
            SendAsync(HttpMethod.Get, pathAndQuery, exchange, ct, response =>
            {
                int status = (int)response.StatusCode;
                if (status == 404) return null;
                if (status == 200) return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                return Unexpected<string?>(response);
            });

        private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, IdLocExchange exchange, CancellationToken ct, Func<HttpResponseMessage, T> read)
        {
            var uri = Resolve(pathAndQuery);
            return await _retry.ExecuteAsync(async token =>
            {
                exchange.Attempts++;
                using (var request = new HttpRequestMessage(method, uri))
                using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false))
                {
                    exchange.LastStatus = (int)response.StatusCode;
                    return read(response);
                }
            }, ct).ConfigureAwait(false);
        }

        private static T Unexpected<T>(HttpResponseMessage response)
        {
            int status = (int)response.StatusCode;
            TimeSpan? retryAfter = RetryAfterHeader.Read(response.Headers.RetryAfter, DateTimeOffset.UtcNow);
            throw new SearchHttpException(status, "id.loc.gov answered HTTP " + status + " " + response.ReasonPhrase + " for " + response.RequestMessage?.RequestUri?.PathAndQuery + ".",
                null, retryAfter, SearchResilience.IsTransientStatus(status));
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

        public void Dispose() => _http.Dispose();
    }
}
