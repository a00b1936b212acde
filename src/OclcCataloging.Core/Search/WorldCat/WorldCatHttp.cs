using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>Sends one request with a per-attempt timeout and reads the whole response.</summary>
    internal static class WorldCatHttp
    {
        /// <summary>
        /// The timeout is enforced here as well as by the retry executor, so a target built with an executor that
        /// has no attempt timeout still cannot hang. An attempt that runs out of time throws <see cref="TimeoutException"/>.
        /// </summary>
        public static async Task<WorldCatResponse> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout, Func<DateTimeOffset> clock, CancellationToken cancellationToken)
        {
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (timeout > TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan) attempt.CancelAfter(timeout);
                try
                {
                    using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false))
                    {
                        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        var retryAfter = RetryAfterHeader.Read(response.Headers.RetryAfter, clock());
                        return new WorldCatResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, retryAfter);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException("No complete response from " + request.RequestUri?.GetLeftPart(UriPartial.Path) + " within " + timeout.TotalSeconds + " s.");
                }
            }
        }
    }
}
