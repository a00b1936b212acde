using System.Net;
using System.Net.Http;
using System.Text;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;
using OclcCataloging.Core.Tests.Search.WorldCat;
using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Core.Tests.Actions;

/// <summary>
/// Answers the token endpoint itself and API requests from a function; records every API request
/// (method, path and query, body). For client tests before (and besides) the simulator.
/// </summary>
internal sealed class FakeWorldCatHandler : HttpMessageHandler
{
    private readonly Func<ApiRequest, HttpResponseMessage> _respond;

    public FakeWorldCatHandler(Func<ApiRequest, HttpResponseMessage> respond) => _respond = respond;

    public sealed record ApiRequest(HttpMethod Method, string PathAndQuery, string? Body, string? ContentType, int Number);

    public List<ApiRequest> Requests { get; } = new();

    public int TokenRequests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath == "/token")
        {
            TokenRequests++;
            return Json(200, "{\"access_token\":\"tk_" + TokenRequests + "\",\"expires_in\":1199}");
        }
        string? body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new ApiRequest(request.Method, request.RequestUri.PathAndQuery, body, request.Content?.Headers.ContentType?.MediaType, Requests.Count + 1);
        Requests.Add(recorded);
        return _respond(recorded);
    }

    public static HttpResponseMessage Json(int status, string json, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (retryAfterSeconds.HasValue) response.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.Value.ToString());
        return response;
    }

    public static HttpResponseMessage MarcXml(int status, string xml) =>
        new((HttpStatusCode)status) { Content = new StringContent(xml, Encoding.UTF8, "application/marcxml+xml") };

    public static string HoldingJson(string requested, string current, bool success, string message) =>
        "{\"controlNumber\":\"" + current + "\",\"requestedControlNumber\":\"" + requested + "\",\"institutionCode\":\"1\",\"institutionSymbol\":\"OCWMS\",\"success\":"
        + (success ? "true" : "false") + ",\"message\":\"" + message + "\",\"action\":\"Unset Holdings\"}";

    public static WorldCatTargetOptions Options() => new()
    {
        ApiBaseAddress = new Uri("http://worldcat.test/worldcat"),
        TokenAddress = new Uri("http://worldcat.test/token"),
        Credential = new NetworkCredential("client", "secret-never-shown"),
        RequestsPerSecond = 0,
        Resilience = WorldCatTestHost.FastResilience(),
    };

    public static IRetryExecutor Executor(WorldCatTargetOptions options) =>
        new PollyRetryExecutor(SearchResilience.CreateRetrySettings(options.Resilience));
}
