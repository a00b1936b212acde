using Xunit;
using OclcCataloging.Marc;
using OclcCataloging.Resilience;
using OclcCataloging.Search;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Simulators.IdLoc;

namespace OclcCataloging.Core.Tests.Search.IdLoc;

public sealed class IdLocSearchTargetTests : IClassFixture<IdLocSimulatorFixture>
{
    private readonly IdLocSimulatorFixture _sim;

    public IdLocSearchTargetTests(IdLocSimulatorFixture sim)
    {
        _sim = sim;
        _sim.Reset();
    }

    private static SearchKey Lccn(string text, string value) => new(text, SearchKeyType.Lccn, new[] { new SearchTerm(SearchIndex.Lccn, value) });

    /// <summary>A derived key as the parser gives it: one truncated term per non-empty part.</summary>
    private static SearchKey Derived(string text, SearchKeyType type, SearchIndex index) =>
        new(text, type, text.Substring(3).Split(',').Where(p => p.Length > 0).Select(p => new SearchTerm(index, p, truncated: true)).ToArray());

    private static SearchKey Heading(string text) => new(text, SearchKeyType.Heading, new[] { new SearchTerm(SearchIndex.Heading, text) });

    private async Task<KeySearchOutcome> Search(SearchKey key, BatchSearchLimits? limits = null, IdLocScheme scheme = IdLocScheme.Names)
    {
        using var target = _sim.CreateTarget(scheme);
        return await target.SearchAsync(key, limits ?? new BatchSearchLimits(), CancellationToken.None);
    }

    [Fact]
    public async Task Authorized_heading_is_found_through_the_label_service_and_downloaded_as_marcxml()
    {
        var outcome = await Search(Heading("Twain, Mark, 1835-1910"));

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(1, outcome.HitCount);
        var record = Assert.Single(outcome.Records);
        Assert.Equal("n99000001", record.ControlNumber);
        Assert.Null(outcome.ErrorDetail);
        Assert.Equal(2, outcome.Attempts);
        var requests = _sim.Server.Requests;
        Assert.Equal(new[] { "HEAD", "GET" }, requests.Select(r => r.Method));
        Assert.Equal("/authorities/names/label/Twain, Mark, 1835-1910", requests[0].Path);
        Assert.Equal("/authorities/names/n99000001.marcxml.xml", requests[1].Path);
        Assert.All(requests, r => Assert.Equal("OclcCataloging.Tests/1.0", r.UserAgent));
        Assert.Contains("HEAD /authorities/names/label/Twain%2C%20Mark%2C%201835-1910", outcome.QuerySent);
    }

    [Fact]
    public async Task Variant_heading_finds_the_authorized_record_and_says_it_matched_a_see_from()
    {
        var outcome = await Search(Heading("Clemens, Samuel Langhorne, 1835-1910"));

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal("n99000001", Assert.Single(outcome.Records).ControlNumber);
        Assert.Contains("see-from", outcome.ErrorDetail);
        Assert.Contains("'Twain, Mark, 1835-1910'", outcome.ErrorDetail);
        Assert.Null(outcome.ErrorType);
    }

    [Fact]
    public async Task Non_ascii_heading_is_url_encoded_and_compared_through_the_encoded_preferred_label()
    {
        var outcome = await Search(Heading("Dvořák, Antonín, 1841-1904"));

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Null(outcome.ErrorDetail); // X-PrefLabel alone (Latin-1, "Dvorák") would have looked like a see-from
        var record = Assert.Single(outcome.Records);
        Assert.Equal("Dvořák, Antonín,", record.GetValue("100", 'a'));
        Assert.Contains("Dvo%C5%99%C3%A1k", _sim.Server.Requests[0].RawTarget);
    }

    [Fact]
    public async Task Heading_without_exact_label_falls_back_to_a_keyword_search()
    {
        var outcome = await Search(Heading("Twain, Mark"));

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(1, outcome.HitCount);
        Assert.Equal("n99000001", Assert.Single(outcome.Records).ControlNumber);
        var suggest = _sim.Server.Requests[1];
        Assert.Equal("/authorities/names/suggest2", suggest.Path);
        Assert.Contains("searchtype=keyword", suggest.Query);
        Assert.Contains("HEAD ", outcome.QuerySent);
        Assert.Contains("suggest2?q=Twain%2C%20Mark&searchtype=keyword", outcome.QuerySent);
    }

    [Fact]
    public async Task Unknown_heading_is_not_found()
    {
        var outcome = await Search(Heading("Nobody, Nemo, 1900-1901"));

        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
        Assert.Empty(outcome.Records);
        Assert.Equal(2, _sim.Server.Requests.Count);
    }

    [Fact]
    public async Task Keyword_search_above_the_threshold_is_too_many_and_downloads_nothing()
    {
        var key = new SearchKey("kw:smith john", SearchKeyType.Keyword, new[] { new SearchTerm(SearchIndex.Keyword, "smith john") });
        var outcome = await Search(key, new BatchSearchLimits { TooManyThreshold = 2 });

        Assert.Equal(KeySearchStatus.TooMany, outcome.Status);
        Assert.Equal(3, outcome.HitCount);
        Assert.Empty(outcome.Records);
        Assert.DoesNotContain(_sim.Server.Requests, r => r.Path.EndsWith(".marcxml.xml"));
    }

    [Fact]
    public async Task Keyword_search_downloads_up_to_max_records()
    {
        var key = new SearchKey("kw:smith john", SearchKeyType.Keyword, new[] { new SearchTerm(SearchIndex.Keyword, "smith john") });
        var outcome = await Search(key, new BatchSearchLimits { MaxRecords = 2 });

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(3, outcome.HitCount);
        Assert.Equal(2, outcome.Records.Count);
        Assert.All(outcome.Records, r => Assert.StartsWith("Smith, John,", r.GetValue("100", 'a')));
    }

    [Theory]
    [InlineData("n99000003", "/authorities/names/n99000003.marcxml.xml", "n99000003")]
    [InlineData("sh99-1", "/authorities/subjects/sh99000001.marcxml.xml", "sh99000001")]
    [InlineData("sh 99000011", "/authorities/subjects/sh99000011.marcxml.xml", "sh99000011")]
    public async Task Lccn_keys_fetch_the_record_directly(string lccn, string path, string controlNumber)
    {
        var key = Lccn("ln:" + lccn, lccn);
        var outcome = await Search(key);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(controlNumber, Assert.Single(outcome.Records).ControlNumber);
        Assert.Equal(path, Assert.Single(_sim.Server.Requests).Path);
        Assert.Equal("GET " + path, outcome.QuerySent);
    }

    [Fact]
    public async Task Unknown_lccn_is_not_found()
    {
        var outcome = await Search(new SearchKey("n98765432", SearchKeyType.Lccn, new[] { new SearchTerm(SearchIndex.Lccn, "n98765432") }));

        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
        Assert.Equal(404, outcome.HttpStatus);
    }

    [Fact]
    public async Task Derived_personal_name_key_is_translated_to_a_filtered_left_anchored_search()
    {
        var key = Derived("pd:moza,wol,a", SearchKeyType.DerivedPersonalName, SearchIndex.PersonalName);
        var outcome = await Search(key, new BatchSearchLimits { MaxRecords = 5 });

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.HitCount); // "Mozart, Wolfgang Amadeus" and its see-from "Mozart, Wolfgang Amadé"; Leopold and Maria Anna filtered out
        Assert.Equal("n99000002", Assert.Single(outcome.Records).ControlNumber);
        Assert.Contains("searchtype=leftanchored", outcome.QuerySent);
        Assert.Contains("rdftype=PersonalName", outcome.QuerySent);
        Assert.Contains("filtered by moza* wol* a*", outcome.QuerySent);
    }

    [Fact]
    public async Task Derived_corporate_and_subject_keys_find_their_records()
    {
        var corporate = await Search(Derived("cd:chem,soc,", SearchKeyType.DerivedCorporateName, SearchIndex.CorporateName));
        Assert.Equal(KeySearchStatus.Found, corporate.Status);
        Assert.Equal("n99000022", Assert.Single(corporate.Records).ControlNumber);

        var subject = await Search(Derived("sd:civil,rig", SearchKeyType.DerivedSubject, SearchIndex.Subject));
        Assert.Equal(KeySearchStatus.Found, subject.Status);
        Assert.Equal("sh99000001", Assert.Single(subject.Records).ControlNumber);
        Assert.Contains("/authorities/subjects/suggest2", subject.QuerySent);
    }

    [Fact]
    public async Task Derived_key_without_a_match_is_not_found()
    {
        var outcome = await Search(Derived("pd:moza,xyz,", SearchKeyType.DerivedPersonalName, SearchIndex.PersonalName));

        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
        Assert.DoesNotContain(_sim.Server.Requests, r => r.Method == "HEAD");
    }

    [Theory]
    [InlineData("0818903457", SearchKeyType.Isbn, SearchIndex.Isbn)]
    [InlineData("1060-0396", SearchKeyType.Issn, SearchIndex.Issn)]
    [InlineData("#1299", SearchKeyType.OclcNumber, SearchIndex.OclcNumber)]
    [InlineData("moza,magi", SearchKeyType.DerivedNameTitle, SearchIndex.Author)]
    public async Task Bibliographic_keys_are_unsupported(string keyText, SearchKeyType type, SearchIndex index)
    {
        var key = new SearchKey(keyText, type, new[] { new SearchTerm(index, keyText.TrimStart('#')) });
        using var target = _sim.CreateTarget();

        Assert.Throws<NotSupportedException>(() => target.Translate(key));
        var outcome = await target.SearchAsync(key, new BatchSearchLimits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("Unsupported", outcome.ErrorType);
        Assert.Equal(0, outcome.Attempts);
        Assert.Empty(_sim.Server.Requests);
    }

    [Fact]
    public async Task Subjects_scheme_searches_subject_labels()
    {
        using var target = _sim.CreateTarget(IdLocScheme.Subjects);
        Assert.Equal("id.loc.gov subjects", target.Name);

        var outcome = await target.SearchAsync(Heading("Cataloguing"), new BatchSearchLimits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal("sh99000002", Assert.Single(outcome.Records).ControlNumber);
        Assert.Contains("'Cataloging'", outcome.ErrorDetail);
        Assert.Equal("/authorities/subjects/label/Cataloguing", _sim.Server.Requests[0].Path);
    }

    [Fact]
    public void Translate_shows_the_first_request()
    {
        using var target = _sim.CreateTarget();
        Assert.Equal("id.loc.gov names", target.Name);
        Assert.Equal("HEAD /authorities/names/label/Twain%2C%20Mark%2C%201835-1910", target.Translate(Heading("Twain, Mark, 1835-1910")));
        Assert.Equal("GET /authorities/names/n99000001.marcxml.xml", target.Translate(Lccn("ln:n99000001", "n99000001")));
        Assert.Empty(_sim.Server.Requests);
    }

    [Fact]
    public async Task Transient_server_error_is_retried_and_attempts_are_counted()
    {
        _sim.Server.InjectFault(new IdLocFault { Status = 500, Times = 1, PathContains = "/label/" });

        var outcome = await Search(Heading("Austen, Jane, 1775-1817"));

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(200, outcome.HttpStatus);
    }

    [Fact]
    public async Task Persistent_server_error_makes_the_key_an_error_after_the_retries()
    {
        _sim.Server.InjectFault(new IdLocFault { Status = 500, Times = 100 });

        var outcome = await Search(Heading("Austen, Jane, 1775-1817"));

        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("HTTP 500", outcome.ErrorType);
        Assert.Equal(500, outcome.HttpStatus);
        Assert.Equal(3, outcome.Attempts);
        Assert.Empty(outcome.Records);
    }

    [Fact]
    public async Task Service_unavailable_with_a_short_retry_after_is_waited_for()
    {
        _sim.Server.InjectFault(new IdLocFault { Status = 503, Times = 1, RetryAfter = "1" });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await Search(Heading("Austen, Jane, 1775-1817"));

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), "waited " + clock.Elapsed);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Retry_after_beyond_the_longest_wait_makes_the_target_unavailable()
    {
        _sim.Server.InjectFault(new IdLocFault { Status = 503, Times = 1, RetryAfter = "3600" });

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => Search(Heading("Austen, Jane, 1775-1817")));

        Assert.Equal("RateLimited", ex.Reason);
        Assert.NotNull(ex.RetryAfter);
        Assert.InRange(ex.RetryAfter!.Value, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Single(_sim.Server.Requests);
    }

    [Fact]
    public async Task Unreachable_server_makes_the_target_unavailable()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var target = new IdLocSearchTarget(new IdLocTargetOptions { BaseAddress = new Uri("http://127.0.0.1:" + port + "/") }, NoRetryExecutor.Instance);

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() =>
            target.SearchAsync(Heading("Austen, Jane, 1775-1817"), new BatchSearchLimits(), CancellationToken.None));

        Assert.Equal("Unreachable", ex.Reason);
    }

    /// <summary>A reverse proxy that serves id.loc.gov under /idloc: strips the prefix and remembers what was asked.</summary>
    private sealed class PrefixProxyHandler : DelegatingHandler
    {
        public PrefixProxyHandler() : base(new HttpClientHandler { AllowAutoRedirect = false }) { }

        public List<string> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request.RequestUri!.AbsolutePath);
            request.RequestUri = new Uri(request.RequestUri.AbsoluteUri.Replace("/idloc/authorities/", "/authorities/"));
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_it_for_every_request_including_record_downloads()
    {
        using var proxy = new PrefixProxyHandler();
        var options = new IdLocTargetOptions { BaseAddress = new Uri(_sim.Server.BaseAddress, "idloc") };
        using var target = new IdLocSearchTarget(options, NoRetryExecutor.Instance, proxy);

        var outcome = await target.SearchAsync(Heading("Twain, Mark, 1835-1910"), new BatchSearchLimits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, proxy.Seen.Count);
        Assert.All(proxy.Seen, path => Assert.StartsWith("/idloc/authorities/names/", path));
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_an_outcome()
    {
        using var target = _sim.CreateTarget();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => target.SearchAsync(Heading("Austen, Jane, 1775-1817"), new BatchSearchLimits(), cts.Token));
    }
}
