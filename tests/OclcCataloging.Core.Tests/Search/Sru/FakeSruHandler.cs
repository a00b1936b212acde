using System.Net;
using System.Net.Http;
using System.Text;

namespace OclcCataloging.Core.Tests.Search.Sru;

/// <summary>An HttpMessageHandler that answers from a function and records every request (method, address, body).</summary>
internal sealed class FakeSruHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, string?, int, Task<HttpResponseMessage>> _respond;

    public FakeSruHandler(Func<HttpRequestMessage, string?, int, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeSruHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : this((r, _, _) => Task.FromResult(respond(r))) { }

    public List<RecordedRequest> Requests { get; } = new();

    public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string UserAgent)
    {
        /// <summary>A parameter of the query string (GET) or form body (POST), decoded.</summary>
        public string? Parameter(string name)
        {
            string text = Method == HttpMethod.Post ? Body ?? "" : Uri.Query.TrimStart('?');
            foreach (var pair in text.Split('&'))
            {
                int eq = pair.IndexOf('=');
                if (eq > 0 && Uri.UnescapeDataString(pair.Substring(0, eq)) == name) return Uri.UnescapeDataString(pair.Substring(eq + 1));
            }
            return null;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, request.Headers.UserAgent.ToString()));
        var response = await _respond(request, body, Requests.Count).WaitAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return response;
    }

    public static HttpResponseMessage Xml(string xml, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "Sru", "Fixtures", name));

    /// <summary>An SRU 1.2 page of a result of <paramref name="total"/> generated records, as Zebra would send it.</summary>
    public static string Page(long total, int start, int count)
    {
        var sb = new StringBuilder("<zs:searchRetrieveResponse xmlns:zs=\"http://www.loc.gov/zing/srw/\"><zs:version>1.2</zs:version>");
        sb.Append("<zs:numberOfRecords>").Append(total).Append("</zs:numberOfRecords><zs:records>");
        for (long p = start; p < start + count && p <= total; p++)
        {
            sb.Append("<zs:record><zs:recordSchema>marcxml</zs:recordSchema><zs:recordPacking>xml</zs:recordPacking><zs:recordData>")
              .Append("<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">p")
              .Append(p).Append("</controlfield></record></zs:recordData><zs:recordPosition>").Append(p).Append("</zs:recordPosition></zs:record>");
        }
        return sb.Append("</zs:records></zs:searchRetrieveResponse>").ToString();
    }
}
