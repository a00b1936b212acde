using OclcCataloging.Oclc;
using OclcCataloging.Search;
using OclcCataloging.Search.WorldCat;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

public class WorldCatSearchTests
{
    private static string Ocn001(OclcCataloging.Marc.MarcRecord record) => OclcNumberParser.Parse(record.ControlNumber!).OclcNumber!;

    [Fact]
    public async Task Oclc_number_key_fetches_the_record_directly_without_searching()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var key = Keys.Ocn(WorldCatCatalogue.SerialOcn);

        var outcome = await target.SearchAsync(key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(1, outcome.HitCount);
        Assert.Equal("GET /manage/bibs/" + WorldCatCatalogue.SerialOcn, outcome.QuerySent);
        var record = Assert.Single(outcome.Records);
        Assert.Equal("ocn" + WorldCatCatalogue.SerialOcn, record.ControlNumber);
        var api = Assert.Single(host.ApiRequests);
        Assert.Equal("/worldcat/manage/bibs/" + WorldCatCatalogue.SerialOcn, api.Path);
        Assert.Equal("application/marcxml+xml", api.Header("Accept"));
        Assert.Equal("OclcCataloging/0.1", api.Header("User-Agent"));
        Assert.StartsWith("Bearer tk_", api.Header("Authorization"));
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Merged_number_returns_the_master_record_and_maps_requested_to_returned()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();

        var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.MagicFluteMergedOcn), Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        var mapping = Assert.Single(outcome.OclcNumbers);
        Assert.Equal(WorldCatCatalogue.MagicFluteMergedOcn.ToString(), mapping.Requested);
        Assert.Equal(WorldCatCatalogue.MagicFluteOcn.ToString(), mapping.Returned);
        Assert.True(mapping.IsMerged);
        Assert.Equal(WorldCatCatalogue.MagicFluteOcn.ToString(), Ocn001(outcome.Records[0]));
    }

    [Theory]
    [InlineData(WorldCatCatalogue.MissingOcn, 400)]
    [InlineData(WorldCatCatalogue.Missing404Ocn, 404)]
    public async Task Both_not_found_shapes_give_NotFound_for_an_oclc_number(long number, int expectedStatus)
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();

        var outcome = await target.SearchAsync(Keys.Ocn(number), Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
        Assert.Equal(expectedStatus, outcome.HttpStatus);
        Assert.Empty(outcome.Records);
        var mapping = Assert.Single(outcome.OclcNumbers);
        Assert.Null(mapping.Returned);
        Assert.Null(outcome.ErrorType);
    }

    [Fact]
    public async Task Not_found_shape_is_configurable_per_number()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.NotFoundShapes[WorldCatCatalogue.MissingOcn] = NotFoundShape.NotFound404);
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.MissingOcn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(404, outcome.HttpStatus);
    }

    [Fact]
    public async Task Isbn_key_searches_brief_bibs_then_downloads_the_match()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();

        var outcome = await target.SearchAsync(Keys.Isbn(WorldCatCatalogue.MagicFluteIsbn), Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal("bn:" + WorldCatCatalogue.MagicFluteIsbn, outcome.QuerySent);
        Assert.Equal(1, outcome.HitCount);
        Assert.Equal(WorldCatCatalogue.MagicFluteOcn.ToString(), Ocn001(Assert.Single(outcome.Records)));
        var search = host.ApiRequests[0];
        Assert.Equal("/worldcat/search/brief-bibs", search.Path);
        Assert.Equal("bn:" + WorldCatCatalogue.MagicFluteIsbn, search.Query["q"]);
        Assert.False(search.Query.ContainsKey("offset"));
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Issn_key_finds_the_serial()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.Issn(WorldCatCatalogue.SerialIssn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal("in:" + WorldCatCatalogue.SerialIssn, outcome.QuerySent);
        Assert.Equal(WorldCatCatalogue.SerialTitle, outcome.Records[0].GetValue("245", 'a'));
    }

    [Fact]
    public async Task Lccn_key_alone_is_refused_by_the_documented_index_rule_and_reported_as_error()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.Lccn(WorldCatCatalogue.MagicFluteLccn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("HTTP 400 INVALID_QUERY_PARAMETER_VALUE", outcome.ErrorType);
        Assert.Equal(400, outcome.HttpStatus);
        Assert.Contains("Following indexes are not allowed", outcome.ErrorDetail);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Lccn_label_is_configurable()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.LccnIndexLabel = "kw");
        Assert.Equal("kw:91012345", target.Translate(Keys.Lccn("91012345")));
    }

    [Fact]
    public async Task Fielded_key_with_phrase_and_operator_finds_the_record()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var key = Keys.Fielded("ti:\"magic flute\" and au:mozart",
            new SearchTerm(SearchIndex.Title, "magic flute", phrase: true),
            new SearchTerm(SearchIndex.Author, "mozart"));

        var outcome = await target.SearchAsync(key, Keys.Limits(), CancellationToken.None);

        Assert.Equal("ti:\"magic flute\" AND au:mozart", outcome.QuerySent);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(1, outcome.HitCount);
    }

    [Fact]
    public async Task Derived_name_title_key_becomes_truncated_terms()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.DerivedNameTitle("moza", "magi"), Keys.Limits(), CancellationToken.None);
        Assert.Equal("au:moza* AND ti:magi*", outcome.QuerySent);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(WorldCatCatalogue.MagicFluteOcn.ToString(), Ocn001(outcome.Records[0]));
    }

    [Fact]
    public async Task Keyword_or_and_not_are_translated()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var key = Keys.Fielded("kw:cartographer or kw:flute not su:periodicals",
            new SearchTerm(SearchIndex.Keyword, "cartographer"),
            new SearchTerm(SearchIndex.Keyword, "flute", SearchOperator.Or),
            new SearchTerm(SearchIndex.Subject, "periodicals", SearchOperator.Not));
        var outcome = await target.SearchAsync(key, Keys.Limits(5), CancellationToken.None);
        Assert.Equal("kw:cartographer OR kw:flute NOT su:periodicals", outcome.QuerySent);
        Assert.Equal(2, outcome.HitCount);
        Assert.Equal(2, outcome.Records.Count);
    }

    [Fact]
    public async Task Heading_keys_are_not_supported_and_send_nothing()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        Assert.Throws<NotSupportedException>(() => target.Translate(Keys.Heading("Twain, Mark, 1835-1910")));
        var outcome = await target.SearchAsync(Keys.Heading("Twain, Mark, 1835-1910"), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("Unsupported", outcome.ErrorType);
        Assert.Equal(0, outcome.Attempts);
        Assert.Empty(host.State.Requests);
    }

    [Fact]
    public async Task MaxRecords_pages_fifty_at_a_time_and_downloads_exactly_that_many()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();

        var outcome = await target.SearchAsync(Keys.Title(WorldCatCatalogue.PagingWord), Keys.Limits(150), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(WorldCatCatalogue.PagingWordHits, outcome.HitCount);
        Assert.Equal(150, outcome.Records.Count);
        Assert.Equal(150, outcome.Records.Select(r => r.ControlNumber).Distinct().Count());
        var pages = host.ApiRequests.Where(r => r.Path.EndsWith("/brief-bibs")).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal("50", p.Query["limit"]));
        Assert.Equal(new[] { null, "50", "100" }, pages.Select(p => p.Query.GetValueOrDefault("offset")));
        Assert.Equal(153, outcome.Attempts);
    }

    [Fact]
    public async Task Paging_a_one_based_server_still_yields_distinct_records()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.OffsetBase = 1);
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.Title(WorldCatCatalogue.PagingWord), Keys.Limits(150), CancellationToken.None);
        Assert.Equal(150, outcome.Records.Count);
        Assert.Equal(150, outcome.Records.Select(r => r.ControlNumber).Distinct().Count());
    }

    [Fact]
    public async Task Small_MaxRecords_asks_for_a_small_page()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.Title(WorldCatCatalogue.PagingWord), Keys.Limits(3), CancellationToken.None);
        Assert.Equal(3, outcome.Records.Count);
        Assert.Equal("3", host.ApiRequests[0].Query["limit"]);
        Assert.Equal(3, outcome.OclcNumbers.Count);
        Assert.All(outcome.OclcNumbers, m => Assert.False(m.IsMerged));
    }

    [Fact]
    public async Task TooMany_downloads_nothing()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();

        var outcome = await target.SearchAsync(Keys.Title(WorldCatCatalogue.TooManyWord), Keys.Limits(10), CancellationToken.None);

        Assert.Equal(KeySearchStatus.TooMany, outcome.Status);
        Assert.Equal(WorldCatCatalogue.TooManyWordHits, outcome.HitCount);
        Assert.Empty(outcome.Records);
        Assert.DoesNotContain(host.ApiRequests, r => r.Path.Contains("/manage/bibs/"));
    }

    [Fact]
    public async Task No_hits_is_NotFound()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.Title("zyzzyva"), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.NotFound, outcome.Status);
        Assert.Equal(0, outcome.HitCount);
    }

    [Fact]
    public async Task Marc21_format_downloads_iso2709()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.RecordFormat = WorldCatRecordFormat.Marc21);
        var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.CartographerMergedOcn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal("on" + WorldCatCatalogue.CartographerOcn, outcome.Records[0].ControlNumber);
        Assert.Equal("application/marc", host.ApiRequests[0].Header("Accept"));
        Assert.True(outcome.OclcNumbers[0].IsMerged);
    }

    [Fact]
    public async Task Partial_content_206_is_a_success()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.PartialContent = true);
        using var target = host.Target();
        var outcome = await target.SearchAsync(Keys.Isbn(WorldCatCatalogue.MagicFluteIsbn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(206, host.ApiRequests[0].Status);
    }
}
