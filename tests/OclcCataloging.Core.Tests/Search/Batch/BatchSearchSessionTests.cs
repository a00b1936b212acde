using OclcCataloging.Search;
using OclcCataloging.Search.Batch;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Batch;

public sealed class BatchSearchSessionTests
{
    private static List<BatchSearchResult> Run(BatchSearchSession session, params string[] lines) =>
        lines.Select(l => session.Search(l, CancellationToken.None)).Where(r => r != null).Select(r => r!).ToList();

    [Fact]
    public void Every_key_yields_one_result_with_its_status_and_the_summary_counts_them()
    {
        var target = new FakeSearchTarget();
        var session = new BatchSearchSession(target, new BatchSearchOptions());

        var results = Run(session, "found a", "none b", "many c", "error d", "found e");
        var summary = session.Complete();

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, results.Select(r => r.Sequence));
        Assert.Equal(new[] { KeySearchStatus.Found, KeySearchStatus.NotFound, KeySearchStatus.TooMany, KeySearchStatus.Error, KeySearchStatus.Found },
            results.Select(r => r.Status));
        Assert.Equal((5, 2, 1, 1, 1, 2L), (summary.KeysTotal, summary.Found, summary.NotFound, summary.TooMany, summary.Error, summary.RecordsDownloaded));
        Assert.True(summary.Finished);
        Assert.Equal("Fake target", summary.Target);

        var found = results[0];
        Assert.Equal("found a", found.Key);
        Assert.Equal(SearchKeyParser.Parse("found a").Type, found.KeyType);
        Assert.Equal("fake:found a", found.QuerySent);
        Assert.Equal("Fake target", found.Target);
        Assert.Equal(7, found.HitCount);
        Assert.Equal(1, found.RecordsDownloaded);
        Assert.Single(found.Records);
        Assert.Equal("123->456; 789", found.OclcNumbers);
        Assert.Equal("Title of found a", found.FirstTitle);
        Assert.False(found.Translated);

        var error = results[3];
        Assert.Equal("HTTP 500", error.ErrorType);
        Assert.Equal(500, error.HttpStatus);
        Assert.Equal(4, error.Attempts);
        Assert.Empty(error.Records);
    }

    [Fact]
    public void Records_are_left_out_of_results_when_not_wanted_but_still_counted()
    {
        var session = new BatchSearchSession(new FakeSearchTarget(), new BatchSearchOptions { IncludeRecordsInResults = false });

        var result = session.Search("found a", CancellationToken.None)!;

        Assert.Empty(result.Records);
        Assert.Equal(1, result.RecordsDownloaded);
        Assert.Equal(1, session.Complete().RecordsDownloaded);
    }

    [Fact]
    public void Derived_keys_are_marked_translated()
    {
        var session = new BatchSearchSession(new FakeSearchTarget(), new BatchSearchOptions());

        var result = session.Search("pd:moza,wol,a", CancellationToken.None)!;

        Assert.True(result.Translated);
        Assert.Equal(SearchKeyType.DerivedPersonalName, result.KeyType);
    }

    [Fact]
    public void Blank_lines_are_skipped_without_a_sequence_number_and_hash_lines_are_keys()
    {
        var target = new FakeSearchTarget();
        var session = new BatchSearchSession(target, new BatchSearchOptions());

        Assert.Null(session.Search("", CancellationToken.None));
        Assert.Null(session.Search("   \r\n", CancellationToken.None));
        var hash = session.Search("#1299", CancellationToken.None);
        var next = session.Search("found b\r\n", CancellationToken.None);

        Assert.Equal(1, hash!.Sequence);
        Assert.Equal(SearchKeyType.OclcNumber, hash.KeyType);
        Assert.Equal(2, next!.Sequence);
        Assert.Equal("found b", next.Key);
        Assert.Equal(new[] { "#1299", "found b" }, target.Searched);
    }

    [Theory]
    [InlineData("no:abc")]
    [InlineData("kw:")]
    [InlineData("found a\nsecond line")]
    public void Invalid_keys_are_errors_and_send_nothing(string line)
    {
        var target = new FakeSearchTarget();
        var session = new BatchSearchSession(target, new BatchSearchOptions());

        var result = session.Search(line, CancellationToken.None)!;

        Assert.Equal(KeySearchStatus.Error, result.Status);
        Assert.Equal("InvalidKey", result.ErrorType);
        Assert.False(string.IsNullOrEmpty(result.ErrorDetail));
        Assert.Null(result.KeyType);
        Assert.Equal(0, result.Attempts);
        Assert.Empty(target.Searched);
        Assert.Equal(1, session.Complete().Error);
    }

    [Fact]
    public void An_unexpected_target_exception_becomes_an_error_row_and_the_run_goes_on()
    {
        var target = new FakeSearchTarget();
        target.ThrowOn("found bug", () => new InvalidOperationException("boom"));
        var session = new BatchSearchSession(target, new BatchSearchOptions());

        var results = Run(session, "found bug", "found next");

        Assert.Equal(KeySearchStatus.Error, results[0].Status);
        Assert.Equal("InvalidOperationException", results[0].ErrorType);
        Assert.Equal("boom", results[0].ErrorDetail);
        Assert.Equal(KeySearchStatus.Found, results[1].Status);
    }

    [Fact]
    public void Elapsed_time_is_measured_per_key()
    {
        var target = new FakeSearchTarget { Delay = TimeSpan.FromMilliseconds(30) };
        var session = new BatchSearchSession(target, new BatchSearchOptions());

        var result = session.Search("found a", CancellationToken.None)!;
        var summary = session.Complete();

        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(25), result.Elapsed.ToString());
        Assert.Equal(result.Elapsed, summary.SearchTime);
        Assert.True(summary.KeysPerSecond > 0);
        Assert.True(summary.Ended >= summary.Started);
    }

    [Fact]
    public void Progress_reports_counts_and_time_left_after_each_key()
    {
        var session = new BatchSearchSession(new FakeSearchTarget(), new BatchSearchOptions()) { TotalKeys = 4 };
        var events = new List<BatchSearchProgress>();
        session.Progress += (_, e) => events.Add(e);

        Run(session, "found a", "none b", "", "many c", "error d");

        Assert.Equal(new[] { 1, 2, 3, 4 }, events.Select(e => e.KeysDone));
        var last = events[^1];
        Assert.Equal((1, 1, 1, 1), (last.Found, last.NotFound, last.TooMany, last.Error));
        Assert.Equal(7 + 0 + 1501, last.Hits);
        Assert.Equal(TimeSpan.Zero, last.EstimatedRemaining);
        Assert.Equal(100, last.PercentComplete);
        Assert.Equal(25, events[0].PercentComplete);
        Assert.NotNull(events[0].EstimatedRemaining);
        Assert.Equal("error d", last.Current.Key);
    }

    [Fact]
    public void Progress_has_no_estimate_when_the_total_is_unknown()
    {
        var session = new BatchSearchSession(new FakeSearchTarget(), new BatchSearchOptions());
        BatchSearchProgress? seen = null;
        session.Progress += (_, e) => seen = e;

        session.Search("found a", CancellationToken.None);

        Assert.Null(seen!.EstimatedRemaining);
        Assert.Equal(-1, seen.PercentComplete);
    }
}
