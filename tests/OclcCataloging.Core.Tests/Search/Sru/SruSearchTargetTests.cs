using System.Net;
using System.Net.Http;
using OclcCataloging.Resilience;
using OclcCataloging.Search;
using OclcCataloging.Search.Http;
using OclcCataloging.Search.Sru;
using Xunit;
using static OclcCataloging.Core.Tests.Search.Sru.FakeSruHandler;

namespace OclcCataloging.Core.Tests.Search.Sru;

public class SruSearchTargetTests
{
    private static readonly Uri Base = new("http://127.0.0.1:9999/Default");

    private static SruSearchTarget Target(FakeSruHandler handler, Action<SruTargetOptions>? configure = null, IRetryExecutor? retry = null)
    {
        var options = new SruTargetOptions { BaseAddress = Base };
        configure?.Invoke(options);
        return new SruSearchTarget(options, retry ?? NoRetryExecutor.Instance, handler);
    }

    private static Task<KeySearchOutcome> Search(SruSearchTarget target, string key, int maxRecords = 1, int tooMany = BatchSearchLimits.DefaultTooManyThreshold) =>
        target.SearchAsync(SearchKeyParser.Parse(key), new BatchSearchLimits { MaxRecords = maxRecords, TooManyThreshold = tooMany }, CancellationToken.None);

    private static IRetryExecutor FastRetries(int retries) => new PollyRetryExecutor(SearchResilience.CreateRetrySettings(
        new SearchResilienceOptions { MaxRetryAttempts = retries, BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false }));

    [Fact]
    public void Name_and_translation()
    {
        using var target = Target(new FakeSruHandler(_ => Xml("")));
        Assert.Equal("SRU http://127.0.0.1:9999/Default", target.Name);
        Assert.Equal("bath.isbn=0818903457", target.Translate(SearchKeyParser.Parse("0-8189-0345-7")));
    }

    [Fact]
    public async Task Sru_1_2_get_request_and_xml_packed_records()
    {
        var handler = new FakeSruHandler(_ => Xml(Fixture("sru12-two-records.xml")));
        using var target = Target(handler);
        var outcome = await Search(target, "0-8189-0345-7 (pbk.)", maxRecords: 5);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.HitCount);
        Assert.Equal(new[] { "fx0001", "fx0002" }, outcome.Records.Select(r => r.ControlNumber));
        Assert.Equal("Golden fixture two & more", outcome.Records[1].Title);
        Assert.Equal("bath.isbn=0818903457", outcome.QuerySent);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(200, outcome.HttpStatus);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.StartsWith("http://127.0.0.1:9999/Default?", request.Uri.AbsoluteUri);
        Assert.Equal("searchRetrieve", request.Parameter("operation"));
        Assert.Equal("1.2", request.Parameter("version"));
        Assert.Equal("bath.isbn=0818903457", request.Parameter("query"));
        Assert.Equal("1", request.Parameter("startRecord"));
        Assert.Equal("5", request.Parameter("maximumRecords"));
        Assert.Equal("marcxml", request.Parameter("recordSchema"));
        Assert.Equal("xml", request.Parameter("recordPacking"));
        Assert.Null(request.Parameter("recordXMLEscaping"));
        Assert.Equal("OclcCataloging/0.1", request.UserAgent);
    }

    [Fact]
    public async Task Never_keeps_more_records_than_max_records_even_when_the_server_sends_more()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-two-records.xml"))));
        var outcome = await Search(target, "0818903457", maxRecords: 1);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Single(outcome.Records);
        Assert.Equal(2, outcome.HitCount);
    }

    [Fact]
    public async Task Sru_1_2_string_packed_record_is_unescaped()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-string-packing.xml"))));
        var outcome = await Search(target, "ti:golden");
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal("fx0002", Assert.Single(outcome.Records).ControlNumber);
        Assert.Equal("Golden fixture two & more", outcome.Records[0].Title);
    }

    [Fact]
    public async Task Sru_1_1_response_is_read()
    {
        var handler = new FakeSruHandler(_ => Xml(Fixture("sru11-one-record.xml")));
        using var target = Target(handler, o => o.Version = SruVersion.V1_1);
        var outcome = await Search(target, "ti:golden");
        Assert.Equal(3, outcome.HitCount);
        Assert.Equal("fx0001", Assert.Single(outcome.Records).ControlNumber);
        Assert.Equal("1.1", handler.Requests[0].Parameter("version"));
    }

    [Theory]
    [InlineData("sru20-one-record.xml", "fx0001")]
    [InlineData("sru20-string-escaping.xml", "fx0002")]
    public async Task Sru_2_0_responses_in_both_escapings(string fixture, string controlNumber)
    {
        var handler = new FakeSruHandler(_ => Xml(Fixture(fixture)));
        using var target = Target(handler, o => o.Version = SruVersion.V2_0);
        var outcome = await Search(target, "ti:golden");
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(1, outcome.HitCount);
        Assert.Equal(controlNumber, Assert.Single(outcome.Records).ControlNumber);
        Assert.Equal("2.0", handler.Requests[0].Parameter("version"));
        Assert.Equal("xml", handler.Requests[0].Parameter("recordXMLEscaping"));
        Assert.Null(handler.Requests[0].Parameter("recordPacking"));
    }

    [Fact]
    public async Task Diagnostic_with_http_200_is_an_error_with_number_message_and_details()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-diagnostic-10.xml"))));
        var outcome = await Search(target, "ti:golden");
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("SRU diagnostic 10", outcome.ErrorType);
        Assert.Equal("Query syntax error (dc.title=(unbalanced)", outcome.ErrorDetail);
        Assert.Null(outcome.HitCount);
        Assert.Empty(outcome.Records);
        Assert.Equal(200, outcome.HttpStatus);
    }

    [Fact]
    public async Task Sru_2_0_diagnostic_is_an_error()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru20-diagnostic-16.xml"))), o => o.Version = SruVersion.V2_0);
        var outcome = await Search(target, "an:n79021164");
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("SRU diagnostic 16", outcome.ErrorType);
        Assert.Contains("Unsupported index", outcome.ErrorDetail);
        Assert.Contains("local.arn", outcome.ErrorDetail);
    }

    [Fact]
    public async Task Diagnostic_sent_with_http_400_is_still_a_diagnostic()
    {
        var handler = new FakeSruHandler(_ => Xml(Fixture("sru12-diagnostic-10.xml"), HttpStatusCode.BadRequest));
        using var target = Target(handler, retry: FastRetries(3));
        var outcome = await Search(target, "ti:golden");
        Assert.Equal("SRU diagnostic 10", outcome.ErrorType);
        Assert.Equal(400, outcome.HttpStatus);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Surrogate_diagnostic_instead_of_the_only_record_is_an_error()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-surrogate-diagnostic.xml"))));
        var outcome = await Search(target, "ti:golden");
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("SRU diagnostic 67", outcome.ErrorType);
        Assert.Equal(1, outcome.HitCount);
    }

    [Fact]
    public async Task No_hits_is_not_found()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-no-hits.xml"))));
        var outcome = await Search(target, "ti:nothing");
        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
        Assert.Empty(outcome.Records);
        Assert.Null(outcome.ErrorType);
    }

    [Fact]
    public async Task Oclc_number_keys_map_requested_to_returned_numbers()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-two-records.xml"))), o => o.IndexMap = SruIndexMap.Zebra);
        var same = await Search(target, "ocm00054321");
        Assert.Equal("local.oclc=54321", same.QuerySent);
        var mapping = Assert.Single(same.OclcNumbers);
        Assert.Equal("54321", mapping.Requested);
        Assert.Equal("54321", mapping.Returned);
        Assert.False(mapping.IsMerged);

        var merged = await Search(target, "#12345");
        Assert.Equal("12345->54321", Assert.Single(merged.OclcNumbers).ToString());
        Assert.True(merged.OclcNumbers[0].IsMerged);
    }

    [Fact]
    public async Task Oclc_number_not_found_maps_to_nothing()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-no-hits.xml"))));
        var outcome = await Search(target, "no:999");
        var mapping = Assert.Single(outcome.OclcNumbers);
        Assert.Equal("999", mapping.Requested);
        Assert.Null(mapping.Returned);
    }

    [Fact]
    public async Task Oclc_number_not_found_in_rec_id_says_where_it_was_searched()
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-no-hits.xml"))));
        var outcome = await Search(target, "#999");
        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal("rec.id=999", outcome.QuerySent);
        Assert.Equal(SearchAdvice.OclcNumberSearchedInRecordId, outcome.Advice);
        Assert.Contains("rec.id", outcome.ErrorDetail);
        Assert.Contains("035", outcome.ErrorDetail);
        Assert.Null(outcome.ErrorType);
    }

    [Theory]
    [InlineData("ti:nothing", "rec.id")]
    [InlineData("#999", "local.oclc")]
    public async Task Other_not_found_keys_carry_no_advice(string key, string oclcIndex)
    {
        using var target = Target(new FakeSruHandler(_ => Xml(Fixture("sru12-no-hits.xml"))),
            o => o.IndexMap = SruIndexMap.FromDictionary(new Dictionary<string, string> { ["OclcNumber"] = oclcIndex }));
        var outcome = await Search(target, key);
        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(SearchAdvice.None, outcome.Advice);
        Assert.Null(outcome.ErrorDetail);
    }

    [Fact]
    public async Task Pages_from_number_of_records_until_max_records()
    {
        var handler = new FakeSruHandler(r =>
        {
            var q = new FakeSruHandler.RecordedRequest(r.Method, r.RequestUri!, null, "");
            return Xml(Page(160, int.Parse(q.Parameter("startRecord")!), int.Parse(q.Parameter("maximumRecords")!)));
        });
        using var target = Target(handler);
        var outcome = await Search(target, "ti:zzpaging", maxRecords: 150);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(160, outcome.HitCount);
        Assert.Equal(150, outcome.Records.Count);
        Assert.Equal("p1", outcome.Records[0].ControlNumber);
        Assert.Equal("p150", outcome.Records[149].ControlNumber);
        Assert.Equal(new[] { "1:50", "51:50", "101:50" }, handler.Requests.Select(q => q.Parameter("startRecord") + ":" + q.Parameter("maximumRecords")));
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Last_page_asks_only_for_the_records_still_wanted()
    {
        var handler = new FakeSruHandler(r =>
        {
            var q = new FakeSruHandler.RecordedRequest(r.Method, r.RequestUri!, null, "");
            return Xml(Page(70, int.Parse(q.Parameter("startRecord")!), int.Parse(q.Parameter("maximumRecords")!)));
        });
        using var target = Target(handler, o => o.PageSize = 30);
        var outcome = await Search(target, "ti:zzpaging", maxRecords: 100);
        Assert.Equal(70, outcome.Records.Count);
        Assert.Equal(new[] { "1:30", "31:30", "61:10" }, handler.Requests.Select(q => q.Parameter("startRecord") + ":" + q.Parameter("maximumRecords")));
    }

    [Fact]
    public async Task Stops_paging_when_the_server_returns_no_more_records()
    {
        var handler = new FakeSruHandler(r => Xml(Page(160, 1, r.RequestUri!.Query.Contains("startRecord=1&") ? 50 : 0)));
        using var target = Target(handler);
        var outcome = await Search(target, "ti:zzpaging", maxRecords: 150);
        Assert.Equal(50, outcome.Records.Count);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Too_many_hits_downloads_nothing()
    {
        var handler = new FakeSruHandler(_ => Xml(Page(160, 1, 50)));
        using var target = Target(handler);
        var outcome = await Search(target, "ti:zzpaging", maxRecords: 150, tooMany: 100);
        Assert.Equal(KeySearchStatus.TooMany, outcome.Status);
        Assert.Equal(160, outcome.HitCount);
        Assert.Empty(outcome.Records);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Transient_http_errors_are_retried_and_counted()
    {
        var handler = new FakeSruHandler((_, _, n) => Task.FromResult(n <= 2
            ? new HttpResponseMessage(n == 1 ? HttpStatusCode.ServiceUnavailable : (HttpStatusCode)429) { Headers = { RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero) } }
            : Xml(Fixture("sru12-two-records.xml"))));
        using var target = Target(handler, retry: FastRetries(3));
        var outcome = await Search(target, "0818903457");
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(200, outcome.HttpStatus);
    }

    [Fact]
    public async Task Persistent_server_error_is_an_error_after_the_retries()
    {
        var handler = new FakeSruHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        using var target = Target(handler, retry: FastRetries(2));
        var outcome = await Search(target, "0818903457");
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("HTTP 500", outcome.ErrorType);
        Assert.Equal(500, outcome.HttpStatus);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Client_error_is_not_retried()
    {
        var handler = new FakeSruHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>no such database</html>") });
        using var target = Target(handler, retry: FastRetries(3));
        var outcome = await Search(target, "0818903457");
        Assert.Equal("HTTP 404", outcome.ErrorType);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task A_response_that_is_not_sru_is_an_invalid_response()
    {
        using var target = Target(new FakeSruHandler(_ => Xml("<html><body>Welcome</body></html>")));
        var outcome = await Search(target, "0818903457");
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("InvalidResponse", outcome.ErrorType);
    }

    [Fact]
    public async Task Slow_server_is_a_timeout()
    {
        var handler = new FakeSruHandler(async (_, _, _) => { await Task.Delay(TimeSpan.FromSeconds(5)); return Xml(Fixture("sru12-no-hits.xml")); });
        using var target = Target(handler, o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        var outcome = await Search(target, "0818903457");
        Assert.Equal("Timeout", outcome.ErrorType);
    }

    [Fact]
    public async Task Post_sends_the_parameters_as_a_form()
    {
        var handler = new FakeSruHandler(_ => Xml(Fixture("sru12-no-hits.xml")));
        using var target = Target(handler, o => { o.UsePost = true; o.UserAgent = "LibraryScript/2"; });
        await Search(target, "ti:\"gone with the wind\"");
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("dc.title=\"gone with the wind\"", request.Parameter("query"));
        Assert.Equal(Base, request.Uri);
        Assert.Equal("LibraryScript/2", request.UserAgent);
    }

    [Fact]
    public async Task Key_the_index_map_cannot_express_is_unsupported_without_a_request()
    {
        var handler = new FakeSruHandler(_ => Xml(Fixture("sru12-no-hits.xml")));
        using var target = Target(handler, o => o.IndexMap = SruIndexMap.FromDictionary(new Dictionary<string, string> { ["Isbn"] = "" }));
        var outcome = await Search(target, "0818903457");
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("Unsupported", outcome.ErrorType);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Refused_connection_makes_the_target_unavailable()
    {
        // Port 1 on loopback: nothing listens there.
        using var target = new SruSearchTarget(new SruTargetOptions { BaseAddress = new Uri("http://127.0.0.1:1/Default") }, NoRetryExecutor.Instance);
        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => Search(target, "0818903457"));
        Assert.Equal("Unreachable", ex.Reason);
    }

    [Fact]
    public async Task Cancellation_is_thrown()
    {
        var handler = new FakeSruHandler(async (_, _, _) => { await Task.Delay(TimeSpan.FromSeconds(5)); return Xml(""); });
        using var target = Target(handler);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            target.SearchAsync(SearchKeyParser.Parse("0818903457"), new BatchSearchLimits(), cts.Token));
    }

    [Theory]
    [InlineData(null, "BaseAddress")]
    [InlineData("ftp://example.org/x", "http")]
    public void Options_are_validated(string? address, string message)
    {
        var options = new SruTargetOptions { BaseAddress = address == null ? null! : new Uri(address) };
        var ex = Assert.Throws<ArgumentException>(() => new SruSearchTarget(options, NoRetryExecutor.Instance));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Page_size_is_validated() =>
        Assert.Throws<ArgumentException>(() => new SruSearchTarget(new SruTargetOptions { BaseAddress = Base, PageSize = 0 }, NoRetryExecutor.Instance));
}
