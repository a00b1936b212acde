using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OclcCataloging.Simulators;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

/// <summary>The simulator itself answers with the documented shapes (raw HTTP, no target involved).</summary>
public class WorldCatSimulatorTests
{
    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Send(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static HttpRequestMessage TokenRequest(RunningWorldCatSimulator sim, string secret, string scope = "WorldCatMetadataAPI") =>
        new(HttpMethod.Post, new Uri(sim.TokenAddress + "?grant_type=client_credentials&scope=" + Uri.EscapeDataString(scope)))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("test-client:" + secret))) },
        };

    private static async Task<string> Token(HttpClient http, RunningWorldCatSimulator sim, string scope = "WorldCatMetadataAPI")
    {
        var (_, body, _) = await Send(http, TokenRequest(sim, WorldCatTestHost.Secret, scope));
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static HttpRequestMessage Get(RunningWorldCatSimulator sim, string relative, string? token, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sim.ApiBaseAddress + "/" + relative));
        if (token != null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (accept != null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    [Fact]
    public async Task Token_success_body_has_exactly_the_ten_documented_keys()
    {
        var clock = new ManualClock();
        await using var host = await WorldCatTestHost.StartAsync(o => { o.Clock = () => clock.Now; o.TokenLifetime = TimeSpan.FromSeconds(1199); });
        using var http = new HttpClient();
        var (status, body, _) = await Send(http, TokenRequest(host.Simulator, WorldCatTestHost.Secret));

        Assert.Equal(HttpStatusCode.OK, status);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(new[] { "access_token", "authenticating_institution_id", "context_institution_id", "expires_at", "expires_in", "principalID", "principalIDNS", "scope", "scopes", "token_type" },
            root.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.StartsWith("tk_", root.GetProperty("access_token").GetString());
        Assert.Equal(1199, root.GetProperty("expires_in").GetInt32());
        Assert.Equal(clock.Now.AddSeconds(1199).ToString("yyyy-MM-dd HH:mm:ss'Z'"), root.GetProperty("expires_at").GetString());
        Assert.Equal("bearer", root.GetProperty("token_type").GetString());
        Assert.Equal(1, host.State.TokenRequests);
    }

    [Fact]
    public async Task Token_errors_bad_secret_401_and_scope_not_on_key_403()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.KeyScopes = "WorldCatMetadataAPI:view_brief_bib");
        using var http = new HttpClient();
        var (s1, b1, _) = await Send(http, TokenRequest(host.Simulator, "nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, s1);
        Assert.Contains("No valid authentication credentials found in request", b1);

        var (s2, b2, _) = await Send(http, TokenRequest(host.Simulator, WorldCatTestHost.Secret, "WorldCatMetadataAPI:manage_bibs"));
        Assert.Equal(HttpStatusCode.Forbidden, s2);
        Assert.Equal("{\"code\":403,\"message\":\"Invalid scope(s): WorldCatMetadataAPI:manage_bibs (WorldCatMetadataAPI:manage_bibs) [Invalid service specified, Not on key]\"}", b2);

        var (s3, _, _) = await Send(http, TokenRequest(host.Simulator, WorldCatTestHost.Secret, "WorldCatMetadataAPI:view_brief_bib context:00001"));
        Assert.Equal(HttpStatusCode.OK, s3);
    }

    [Fact]
    public async Task Bearer_validation_missing_unknown_malformed_expired()
    {
        var clock = new ManualClock();
        await using var host = await WorldCatTestHost.StartAsync(o => { o.Clock = () => clock.Now; o.TokenLifetime = TimeSpan.FromSeconds(60); });
        using var http = new HttpClient();
        var sim = host.Simulator;
        var token = await Token(http, sim);

        var (missing, missingBody, _) = await Send(http, Get(sim, "manage/bibs/12345678", null));
        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal("{\"message\":\"Unauthorized\"}", missingBody);

        var (unknown, _, _) = await Send(http, Get(sim, "manage/bibs/12345678", "tk_unknown"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown);

        var malformed = Get(sim, "manage/bibs/12345678", null);
        malformed.Headers.TryAddWithoutValidation("Authorization", token);
        var (m, mBody, _) = await Send(http, malformed);
        Assert.Equal(HttpStatusCode.Forbidden, m);
        Assert.Equal("{\"message\":\"'" + token + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + token + "'.\"}", mBody);

        var (ok, _, _) = await Send(http, Get(sim, "manage/bibs/12345678", token));
        Assert.Equal(HttpStatusCode.OK, ok);
        clock.Advance(TimeSpan.FromSeconds(60));
        var (expired, _, _) = await Send(http, Get(sim, "manage/bibs/12345678", token));
        Assert.Equal(HttpStatusCode.Unauthorized, expired);
    }

    [Fact]
    public async Task Brief_bibs_validation()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var http = new HttpClient();
        var sim = host.Simulator;
        var token = await Token(http, sim);

        var (s1, b1, _) = await Send(http, Get(sim, "search/brief-bibs?limit=5", token));
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Equal(WorldCatBodies.MissingQuery, b1);

        var (s2, b2, _) = await Send(http, Get(sim, "search/brief-bibs?q=ti:lighthouse&limit=51", token));
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains("INVALID_QUERY_PARAMETER_VALUE", b2);

        var (s3, b3, _) = await Send(http, Get(sim, "search/brief-bibs?q=mt:doc", token));
        Assert.Equal(HttpStatusCode.BadRequest, s3);
        Assert.Equal("Search term 'mt:doc' is invalid. Following indexes are not allowed: [dd=, dd:, yr=, yr:, li=, li:, ln=, ln:, ll=, ll:, mt=, mt:, cs=, cs:, x0=, x0:, x4=, x4:]",
            JsonDocument.Parse(b3).RootElement.GetProperty("detail").GetString());

        var (s4, b4, _) = await Send(http, Get(sim, "search/brief-bibs?q=" + Uri.EscapeDataString("ti:lighthouse AND yr:1951"), token));
        Assert.Equal(HttpStatusCode.OK, s4);
        Assert.True(JsonDocument.Parse(b4).RootElement.GetProperty("numberOfRecords").GetInt32() > 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Brief_bibs_offsets_follow_the_configured_base(int offsetBase)
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.OffsetBase = offsetBase);
        using var http = new HttpClient();
        var sim = host.Simulator;
        var token = await Token(http, sim);

        var (_, all, _) = await Send(http, Get(sim, "search/brief-bibs?q=ti:lighthouse&limit=3", token));
        var (_, second, _) = await Send(http, Get(sim, "search/brief-bibs?q=ti:lighthouse&limit=1&offset=" + (offsetBase + 1), token));
        string Ocn(string body, int i) => JsonDocument.Parse(body).RootElement.GetProperty("briefRecords")[i].GetProperty("oclcNumber").GetString()!;

        Assert.Equal(Ocn(all, 1), Ocn(second, 0));
        var (below, _, _) = await Send(http, Get(sim, "search/brief-bibs?q=ti:lighthouse&offset=" + (offsetBase - 1), token));
        Assert.Equal(HttpStatusCode.BadRequest, below);
    }

    [Fact]
    public async Task Brief_records_have_string_numbers_and_null_or_absent_fields()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var http = new HttpClient();
        var token = await Token(http, host.Simulator);
        var (_, body, _) = await Send(http, Get(host.Simulator, "search/brief-bibs?q=ti:lighthouse&limit=50", token));
        var records = JsonDocument.Parse(body).RootElement.GetProperty("briefRecords").EnumerateArray().ToList();
        Assert.Equal(50, records.Count);
        Assert.All(records, r => Assert.Equal(JsonValueKind.String, r.GetProperty("oclcNumber").ValueKind));
        Assert.All(records, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("edition").ValueKind));
        Assert.Contains(records, r => !r.TryGetProperty("publicationPlace", out _));
        Assert.Contains(records, r => r.TryGetProperty("publicationPlace", out _));
    }

    [Fact]
    public async Task Record_content_negotiation_and_identifier_checks()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var http = new HttpClient();
        var sim = host.Simulator;
        var token = await Token(http, sim);

        var (xml, xmlBody, xmlResponse) = await Send(http, Get(sim, "manage/bibs/" + WorldCatCatalogue.MagicFluteMergedOcn2, token, "application/marcxml+xml"));
        Assert.Equal(HttpStatusCode.OK, xml);
        Assert.Equal("application/marcxml+xml; charset=UTF-8", xmlResponse.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("<?xml version=", xmlBody);
        Assert.Contains("<controlfield tag=\"001\">ocm" + WorldCatCatalogue.MagicFluteOcn + "</controlfield>", xmlBody);

        var (marc, _, marcResponse) = await Send(http, Get(sim, "manage/bibs/" + WorldCatCatalogue.SerialOcn, token, "application/marc"));
        Assert.Equal(HttpStatusCode.OK, marc);
        Assert.Equal("application/marc", marcResponse.Content.Headers.ContentType!.MediaType);

        var (bad, badBody, _) = await Send(http, Get(sim, "manage/bibs/" + WorldCatCatalogue.SerialOcn, token, "foo/bar"));
        Assert.Equal(HttpStatusCode.NotAcceptable, bad);
        Assert.Contains("A request with an invalid 'Accept' header was attempted: foo/bar", badBody);

        var (id, idBody, _) = await Send(http, Get(sim, "manage/bibs/ocm12121212", token));
        Assert.Equal(HttpStatusCode.BadRequest, id);
        Assert.Equal("{\"type\":\"BAD_REQUEST\",\"title\":\"Invalid identifier.\",\"detail\":\"A request with a non-numeric identifier was attempted: ocm12121212\"}", idBody);

        var (nf, nfBody, _) = await Send(http, Get(sim, "manage/bibs/" + WorldCatCatalogue.MissingOcn, token));
        Assert.Equal(HttpStatusCode.BadRequest, nf);
        Assert.Equal(WorldCatBodies.BibNotFound400, nfBody);

        var post = new HttpRequestMessage(HttpMethod.Post, new Uri(sim.ApiBaseAddress + "/search/brief-bibs"));
        post.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(http, post)).Status);
    }

    [Theory]
    [InlineData(RetryAfterStyle.Seconds, true)]
    [InlineData(RetryAfterStyle.HttpDate, false)]
    [InlineData(RetryAfterStyle.None, false)]
    public async Task Rate_limit_answers_429_in_each_style(RetryAfterStyle style, bool json)
    {
        await using var host = await WorldCatTestHost.StartAsync(o =>
        {
            o.RateLimitRequests = 1;
            o.RateLimitWindow = TimeSpan.FromMinutes(1);
            o.RateLimitRetryAfterStyle = style;
            o.RateLimitRetryAfterSeconds = 30;
            o.RateLimitJsonBody = json;
        });
        using var http = new HttpClient();
        var token = await Token(http, host.Simulator);
        Assert.Equal(HttpStatusCode.OK, (await Send(http, Get(host.Simulator, "manage/bibs/" + WorldCatCatalogue.SerialOcn, token))).Status);

        var (status, body, response) = await Send(http, Get(host.Simulator, "manage/bibs/" + WorldCatCatalogue.SerialOcn, token));

        Assert.Equal((HttpStatusCode)429, status);
        Assert.Equal(json, body.Length > 0);
        var retryAfter = response.Headers.RetryAfter;
        switch (style)
        {
            case RetryAfterStyle.Seconds: Assert.Equal(TimeSpan.FromSeconds(30), retryAfter!.Delta); break;
            case RetryAfterStyle.HttpDate: Assert.NotNull(retryAfter!.Date); break;
            default: Assert.Null(retryAfter); break;
        }
    }

    [Fact]
    public void Command_line_options_and_discovery()
    {
        var o = WorldCatSimulatorOptions.FromArguments(new[] { "--port", "8123", "--client-id", "k", "--client-secret", "s", "--token-lifetime", "30", "--offset-base", "1", "--rate-limit", "5", "--retry-after-style", "date", "--daily-limit", "100", "--partial-content" });
        Assert.Equal(8123, o.Port);
        Assert.Equal("k", o.ClientId);
        Assert.Equal("s", o.ClientSecret);
        Assert.Equal(TimeSpan.FromSeconds(30), o.TokenLifetime);
        Assert.Equal(1, o.OffsetBase);
        Assert.Equal(5, o.RateLimitRequests);
        Assert.Equal(RetryAfterStyle.HttpDate, o.RateLimitRetryAfterStyle);
        Assert.Equal(100, o.DailyLimit);
        Assert.True(o.PartialContent);
        Assert.Throws<ArgumentException>(() => WorldCatSimulatorOptions.FromArguments(new[] { "--bogus" }));
        Assert.Throws<ArgumentException>(() => WorldCatSimulatorOptions.FromArguments(new[] { "--offset-base", "2" }));

        var simulators = typeof(ISimulator).Assembly.GetTypes().Where(t => typeof(ISimulator).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract)
            .Select(t => (ISimulator)Activator.CreateInstance(t)!);
        Assert.Contains(simulators, s => s.Name == "worldcat");
    }

    [Fact]
    public void Catalogue_counts_match_its_constants()
    {
        var catalogue = WorldCatCatalogue.CreateDefault();
        int Count(string q) => catalogue.Records.Count(WorldCatQuery.Parse(q).Matches);
        Assert.Equal(WorldCatCatalogue.PagingWordHits, Count("ti:" + WorldCatCatalogue.PagingWord));
        Assert.Equal(WorldCatCatalogue.TooManyWordHits, Count("ti:" + WorldCatCatalogue.TooManyWord));
        Assert.Equal(1, Count("bn:" + WorldCatCatalogue.MagicFluteIsbn));
        Assert.Equal(1, Count("no:" + WorldCatCatalogue.MagicFluteMergedOcn));
        Assert.Equal(0, Count("no:" + WorldCatCatalogue.MissingOcn));
        Assert.Same(catalogue.Find(WorldCatCatalogue.MagicFluteOcn), catalogue.Find(WorldCatCatalogue.MagicFluteMergedOcn2));
        Assert.Equal(catalogue.Records.Count, catalogue.Records.Select(r => r.OclcNumber).Distinct().Count());
    }
}
