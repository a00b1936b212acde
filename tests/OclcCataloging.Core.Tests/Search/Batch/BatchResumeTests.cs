using OclcCataloging.Search;
using OclcCataloging.Search.Batch;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Batch;

public sealed class BatchResumeTests
{
    private static readonly string[] Keys = { "found a", "none b", "found c", "many d", "error e" };

    private static BatchSearchOptions Options(BatchTestFolder folder, bool resume) => new()
    {
        StatePath = folder.File("run.state"),
        Resume = resume,
        ReportPath = folder.File("report.csv"),
        RetainKeysDirectory = folder.Path,
    };

    /// <summary>Runs keys until the target throws; returns the summary Complete gives after the stop.</summary>
    private static BatchSearchSummary RunUntilStopped<TException>(FakeSearchTarget target, BatchSearchOptions options) where TException : Exception
    {
        var session = new BatchSearchSession(target, options);
        Assert.Throws<TException>(() =>
        {
            foreach (var key in Keys) session.Search(key, CancellationToken.None);
        });
        return session.Complete();
    }

    private static (BatchSearchSummary Summary, List<BatchSearchResult?> Results) Resume(FakeSearchTarget target, BatchSearchOptions options)
    {
        var session = new BatchSearchSession(target, options);
        var results = Keys.Select(k => session.Search(k, CancellationToken.None)).ToList();
        return (session.Complete(), results);
    }

    private static List<string> ReportKeys(string reportPath) =>
        File.ReadAllLines(reportPath).Skip(1).Select(l => l.Split(',')).Select(f => f[0] + " " + f[1]).ToList();

    [Fact]
    public void A_run_cancelled_mid_way_resumes_at_the_next_key_and_reports_every_key_once()
    {
        using var folder = new BatchTestFolder();
        var first = new FakeSearchTarget();
        first.ThrowOn("found c", () => new OperationCanceledException());

        var stopped = RunUntilStopped<OperationCanceledException>(first, Options(folder, resume: false));

        Assert.Equal("Cancelled", stopped.StoppedReason);
        Assert.False(stopped.Finished);
        Assert.Equal(2, stopped.KeysTotal);
        Assert.Equal(folder.File("run.state"), stopped.StatePath);
        Assert.True(File.Exists(stopped.StatePath));
        Assert.Equal(new[] { "1 found a", "2 none b" }, ReportKeys(stopped.ReportPath!));

        var second = new FakeSearchTarget();
        var (summary, results) = Resume(second, Options(folder, resume: true));

        Assert.Equal(new[] { "found c", "many d", "error e" }, second.Searched);
        Assert.Null(results[0]);
        Assert.Null(results[1]);
        Assert.Equal(3, results[2]!.Sequence);
        Assert.True(summary.Finished);
        Assert.Null(summary.StatePath);
        Assert.False(File.Exists(folder.File("run.state")));
        Assert.Equal((5, 2, 1, 1, 1), (summary.KeysTotal, summary.Found, summary.NotFound, summary.TooMany, summary.Error));
        Assert.Equal(new[] { "1 found a", "2 none b", "3 found c", "4 many d", "5 error e" }, ReportKeys(summary.ReportPath!));
        Assert.Equal("none b\r\n", File.ReadAllText(folder.File("notfound.txt")));
        Assert.Equal("many d\r\n", File.ReadAllText(folder.File("toomany.txt")));
    }

    [Fact]
    public void A_run_stopped_by_an_unavailable_target_records_why_and_resumes_with_that_key()
    {
        using var folder = new BatchTestFolder();
        var retryAfter = DateTimeOffset.UtcNow.AddHours(3);
        var first = new FakeSearchTarget();
        first.ThrowOn("many d", () => new SearchTargetUnavailableException("DailyBudgetExhausted", "No more requests today.", retryAfter));

        var stopped = RunUntilStopped<SearchTargetUnavailableException>(first, Options(folder, resume: false));

        Assert.Equal("DailyBudgetExhausted", stopped.StoppedReason);
        Assert.Equal(retryAfter, stopped.RetryAfter);
        Assert.Equal(3, stopped.KeysTotal);
        Assert.Contains("DailyBudgetExhausted", File.ReadAllText(stopped.HtmlReportPath!));

        var second = new FakeSearchTarget();
        var (summary, _) = Resume(second, Options(folder, resume: true));

        Assert.Equal(new[] { "many d", "error e" }, second.Searched);
        Assert.Equal(new[] { "1 found a", "2 none b", "3 found c", "4 many d", "5 error e" }, ReportKeys(summary.ReportPath!));
        Assert.Equal(stopped.Started, summary.Started);
        Assert.Equal("none b\r\n", File.ReadAllText(folder.File("notfound.txt")));
        Assert.Equal("error e\r\n", File.ReadAllText(folder.File("error.txt")));
    }

    [Fact]
    public void A_stopped_session_refuses_further_keys()
    {
        using var folder = new BatchTestFolder();
        var target = new FakeSearchTarget();
        target.ThrowOn("found a", () => new SearchTargetUnavailableException("AuthenticationFailed", "Bad key."));
        var session = new BatchSearchSession(target, Options(folder, resume: false));

        Assert.Throws<SearchTargetUnavailableException>(() => session.Search("found a", CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => session.Search("none b", CancellationToken.None));
    }

    [Fact]
    public void Resuming_with_a_different_key_list_fails_clearly()
    {
        using var folder = new BatchTestFolder();
        var first = new FakeSearchTarget();
        first.ThrowOn("found c", () => new OperationCanceledException());
        RunUntilStopped<OperationCanceledException>(first, Options(folder, resume: false));

        var session = new BatchSearchSession(new FakeSearchTarget(), Options(folder, resume: true));
        Assert.Null(session.Search("found a", CancellationToken.None));
        var ex = Assert.Throws<BatchStateMismatchException>(() => session.Search("none CHANGED", CancellationToken.None));

        Assert.Contains("key 2 was 'none b'", ex.Message);
        Assert.Contains("'none CHANGED'", ex.Message);
    }

    [Fact]
    public void Resuming_with_a_shorter_key_list_fails_at_completion()
    {
        using var folder = new BatchTestFolder();
        var first = new FakeSearchTarget();
        first.ThrowOn("found c", () => new OperationCanceledException());
        RunUntilStopped<OperationCanceledException>(first, Options(folder, resume: true));

        var session = new BatchSearchSession(new FakeSearchTarget(), Options(folder, resume: true));
        session.Search("found a", CancellationToken.None);

        var ex = Assert.Throws<BatchStateMismatchException>(() => session.Complete());
        Assert.Contains("had 2 keys", ex.Message);
    }

    [Fact]
    public void Resuming_with_another_target_fails_clearly()
    {
        using var folder = new BatchTestFolder();
        var first = new FakeSearchTarget("WorldCat");
        first.ThrowOn("found c", () => new OperationCanceledException());
        RunUntilStopped<OperationCanceledException>(first, Options(folder, resume: false));

        var ex = Assert.Throws<BatchStateMismatchException>(() => new BatchSearchSession(new FakeSearchTarget("id.loc.gov names"), Options(folder, resume: true)));
        Assert.Contains("'WorldCat'", ex.Message);
    }

    [Fact]
    public void Without_resume_an_existing_state_starts_a_new_run()
    {
        using var folder = new BatchTestFolder();
        var first = new FakeSearchTarget();
        first.ThrowOn("found c", () => new OperationCanceledException());
        RunUntilStopped<OperationCanceledException>(first, Options(folder, resume: false));

        var second = new FakeSearchTarget();
        var (summary, _) = Resume(second, Options(folder, resume: false));

        Assert.Equal(Keys, second.Searched);
        Assert.Equal(5, summary.KeysTotal);
    }

    [Fact]
    public void Resume_without_a_state_file_starts_a_new_run()
    {
        using var folder = new BatchTestFolder();
        var target = new FakeSearchTarget();

        var (summary, _) = Resume(target, Options(folder, resume: true));

        Assert.Equal(Keys, target.Searched);
        Assert.True(summary.Finished);
    }

    [Fact]
    public void A_row_cut_short_by_a_crash_is_searched_again()
    {
        using var folder = new BatchTestFolder();
        var first = new FakeSearchTarget();
        first.ThrowOn("found c", () => new OperationCanceledException());
        var options = Options(folder, resume: false);
        {
            var session = new BatchSearchSession(first, options);
            session.Search("found a", CancellationToken.None);
            session.Search("none b", CancellationToken.None);
        }
        string state = File.ReadAllText(options.StatePath!);
        int lastRow = state.TrimEnd('\r', '\n').LastIndexOf("\r\n", StringComparison.Ordinal);
        File.WriteAllText(options.StatePath!, state.Substring(0, lastRow + 2) + "2,\"none b,Hea");

        var second = new FakeSearchTarget();
        var (summary, _) = Resume(second, Options(folder, resume: true));

        Assert.Equal(new[] { "none b", "found c", "many d", "error e" }, second.Searched);
        Assert.Equal(new[] { "1 found a", "2 none b", "3 found c", "4 many d", "5 error e" }, ReportKeys(summary.ReportPath!));
    }

    [Fact]
    public void A_file_that_is_not_a_state_file_is_refused()
    {
        using var folder = new BatchTestFolder();
        var options = Options(folder, resume: true);
        File.WriteAllText(options.StatePath!, "just some text\r\n");

        Assert.Throws<BatchStateMismatchException>(() => new BatchSearchSession(new FakeSearchTarget(), options));
    }
}
