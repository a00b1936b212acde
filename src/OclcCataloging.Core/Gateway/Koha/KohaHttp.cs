using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>The HTTP client both ways into Koha share, and the one rule for "was the request delivered?".</summary>
    internal static class KohaHttp
    {
        public static HttpClient CreateClient(KohaConnection connection, CookieContainer cookies)
        {
            HttpMessageHandler handler = connection.Handler ?? CreateHandler(connection, cookies);
            return new HttpClient(handler, connection.Handler == null) { Timeout = connection.Timeout };
        }

        private static HttpClientHandler CreateHandler(KohaConnection connection, CookieContainer cookies)
        {
            var handler = new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
            try
            {
                handler.MaxConnectionsPerServer = Math.Max(1, connection.MaxConnections);
            }
            catch (PlatformNotSupportedException)
            {
                // older frameworks: the default connection limit applies
            }
            return handler;
        }

        /// <summary>
        /// True when the exception proves Koha never received the request (no connection was made), so the record may be
        /// sent again; anything else (timeout, reset after sending) leaves the outcome unknown.
        /// </summary>
        public static bool NeverDelivered(Exception e)
        {
            for (Exception? x = e; x != null; x = x.InnerException)
            {
                if (x is SocketException s)
                {
                    return s.SocketErrorCode == SocketError.ConnectionRefused || s.SocketErrorCode == SocketError.HostNotFound
                        || s.SocketErrorCode == SocketError.HostUnreachable || s.SocketErrorCode == SocketError.NetworkUnreachable
                        || s.SocketErrorCode == SocketError.NoData || s.SocketErrorCode == SocketError.TryAgain;
                }
                if (x is WebException w)
                    return w.Status == WebExceptionStatus.ConnectFailure || w.Status == WebExceptionStatus.NameResolutionFailure;
            }
            return false;
        }

        /// <summary>Koha (or the proxy in front of it) says it did not process the request: 502, 503, 504.</summary>
        public static bool IsUnavailable(HttpStatusCode status) =>
            status == HttpStatusCode.BadGateway || status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout;

        public static bool IsAuthFailure(HttpStatusCode status) => status == HttpStatusCode.Unauthorized || status == HttpStatusCode.Forbidden;

        public static string Describe(Exception e)
        {
            Exception inner = e;
            while (inner.InnerException != null) inner = inner.InnerException;
            return e is System.Threading.Tasks.TaskCanceledException ? "no answer within the timeout" : inner.GetType().Name + ": " + inner.Message;
        }

        /// <summary>An application/x-www-form-urlencoded body of any length (FormUrlEncodedContent has a length limit on .NET Framework).</summary>
        public static HttpContent Form(params (string Name, string Value)[] fields)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var (name, value) in fields)
            {
                if (sb.Length > 0) sb.Append('&');
                sb.Append(WebUtility.UrlEncode(name)).Append('=').Append(WebUtility.UrlEncode(value ?? ""));
            }
            // The percent-escapes are UTF-8 bytes; no charset parameter, as a browser and LWP send it (one saying us-ascii
            // would make a server decode the escapes as ASCII).
            var content = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(sb.ToString()));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        }
    }
}
