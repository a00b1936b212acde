using System.Diagnostics;
using OclcCataloging.Search;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

public class WorldCatResilienceTests
{
    private static SearchKey Key => Keys.Ocn(WorldCatCatalogue.SerialOcn);

    private static TimeSpan Gap(WorldCatTestHost host, int first, int second)
    {
        var api = host.ApiRequests;
        return api[second].Time - api[first].Time;
    }

    [Fact]
    public async Task Status_429_with_Retry_After_seconds_waits_that_long_then_succeeds()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        host.State.Inject("/worldcat/", SimulatedFault.TooManyRequests(retryAfterSeconds: 1));

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.True(Gap(host, 0, 1) >= TimeSpan.FromMilliseconds(950), "waited " + Gap(host, 0, 1));
        Assert.Equal(1, target.Statistics.RateLimited);
        Assert.Equal(1, target.Statistics.Retries);
    }

    [Fact]
    public async Task Status_429_with_an_HTTP_date_waits_until_then()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        // HTTP-dates have whole seconds: 2 s ahead means a wait of more than 1 s.
        host.State.Inject("/worldcat/", SimulatedFault.TooManyRequests(retryAfterSeconds: 2, asDate: true, jsonBody: false));

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.True(Gap(host, 0, 1) >= TimeSpan.FromMilliseconds(900), "waited " + Gap(host, 0, 1));
    }

    [Fact]
    public async Task Status_429_without_Retry_After_backs_off_exponentially()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(100));
        host.State.Inject("/worldcat/", SimulatedFault.TooManyRequests(), SimulatedFault.TooManyRequests());

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.True(Gap(host, 0, 1) >= TimeSpan.FromMilliseconds(90), "first wait " + Gap(host, 0, 1));
        Assert.True(Gap(host, 1, 2) >= TimeSpan.FromMilliseconds(180), "second wait " + Gap(host, 1, 2));
        Assert.Equal(2, target.Statistics.RateLimited);
    }

    [Fact]
    public async Task Persistent_429_ends_in_Error_after_the_configured_retries()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.Resilience.MaxRetryAttempts = 2);
        host.State.Inject("/worldcat/", Enumerable.Range(0, 5).Select(_ => SimulatedFault.TooManyRequests()).ToArray());

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("HTTP 429 TOO_MANY_REQUESTS", outcome.ErrorType);
        Assert.Equal(429, outcome.HttpStatus);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Rate_limit_window_of_the_simulator_is_respected_by_retrying()
    {
        await using var host = await WorldCatTestHost.StartAsync(o =>
        {
            o.RateLimitRequests = 2;
            o.RateLimitWindow = TimeSpan.FromMilliseconds(300);
            o.RateLimitRetryAfterStyle = RetryAfterStyle.None;
        });
        using var target = host.Target(o => o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(150));

        var outcome = await target.SearchAsync(Keys.Title(WorldCatCatalogue.PagingWord), Keys.Limits(4), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(4, outcome.Records.Count);
        Assert.True(target.Statistics.RateLimited > 0);
        Assert.Equal(5 + target.Statistics.RateLimited, outcome.Attempts);
    }

    [Fact]
    public async Task Status_503_with_and_without_Retry_After_is_retried()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        host.State.Inject("/worldcat/", SimulatedFault.ServiceUnavailable(retryAfterSeconds: 0), SimulatedFault.ServiceUnavailable());

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(0, target.Statistics.RateLimited);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Server_errors_on_GET_are_retried(int status)
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var fault = status switch { 500 => SimulatedFault.ServerError(), 502 => SimulatedFault.BadGateway(), _ => SimulatedFault.GatewayTimeout() };
        host.State.Inject("/worldcat/", fault);

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(status, host.ApiRequests[0].Status);
    }

    [Fact]
    public async Task Persistent_500_is_an_Error_with_the_system_error_type()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.Resilience.MaxRetryAttempts = 1);
        host.State.Inject("/worldcat/", SimulatedFault.ServerError(), SimulatedFault.ServerError());

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("HTTP 500 SYSTEM_ERROR", outcome.ErrorType);
        Assert.Contains("There was a system error", outcome.ErrorDetail);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Connection_reset_is_retried()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        host.State.Inject("/worldcat/", SimulatedFault.ConnectionReset());

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Slow_response_beyond_the_attempt_timeout_is_retried_then_reported_as_Timeout()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.MaxRetryAttempts = 2;
        });
        host.State.Inject("/worldcat/", Enumerable.Range(0, 3).Select(_ => SimulatedFault.Slow(TimeSpan.FromSeconds(5))).ToArray());

        var watch = Stopwatch.StartNew();
        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Error, outcome.Status);
        Assert.Equal("Timeout", outcome.ErrorType);
        Assert.Equal(3, outcome.Attempts);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), "took " + watch.Elapsed);
    }

    [Fact]
    public async Task One_slow_response_is_retried_and_succeeds()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200));
        host.State.Inject("/worldcat/", SimulatedFault.Slow(TimeSpan.FromSeconds(2)));

        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Retry_After_beyond_MaxDelay_stops_the_run_with_the_resume_time()
    {
        var clock = new ManualClock();
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => { o.Clock = () => clock.Now; o.Resilience.MaxDelay = TimeSpan.FromSeconds(30); });
        host.State.Inject("/worldcat/", SimulatedFault.TooManyRequests(retryAfterSeconds: 3600));

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => target.SearchAsync(Key, Keys.Limits(), CancellationToken.None));

        Assert.Equal("RateLimited", ex.Reason);
        Assert.Equal(clock.Now.AddHours(1), ex.RetryAfter);
        Assert.Single(host.ApiRequests);
    }

    [Fact]
    public async Task Simulator_daily_limit_gives_a_long_Retry_After_that_stops_the_run()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.DailyLimit = 2);
        using var target = host.Target();
        await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);
        await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => target.SearchAsync(Key, Keys.Limits(), CancellationToken.None));

        Assert.Equal("RateLimited", ex.Reason);
        Assert.NotNull(ex.RetryAfter);
    }

    [Fact]
    public async Task Client_daily_budget_stops_before_sending_and_persists_across_targets()
    {
        var clock = new ManualClock();
        var state = Path.Combine(Path.GetTempPath(), "wc-budget-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            await using var host = await WorldCatTestHost.StartAsync();
            using (var first = host.Target(o => { o.Clock = () => clock.Now; o.DailyBudget = 3; o.BudgetStatePath = state; }))
            {
                await first.SearchAsync(Key, Keys.Limits(), CancellationToken.None);
                await first.SearchAsync(Key, Keys.Limits(), CancellationToken.None);
            }
            clock.Advance(TimeSpan.FromHours(1));
            using var second = host.Target(o => { o.Clock = () => clock.Now; o.DailyBudget = 3; o.BudgetStatePath = state; });
            var ok = await second.SearchAsync(Key, Keys.Limits(), CancellationToken.None);
            Assert.Equal(KeySearchStatus.Found, ok.Status);

            var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => second.SearchAsync(Key, Keys.Limits(), CancellationToken.None));

            Assert.Equal("DailyBudgetExhausted", ex.Reason);
            Assert.Equal(3, host.ApiRequests.Count);
            Assert.True(ex.RetryAfter > clock.Now.AddHours(22) && ex.RetryAfter <= clock.Now.AddHours(23).AddMinutes(1), "retry after " + ex.RetryAfter);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task Pacing_spaces_requests()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.RequestsPerSecond = 20);

        var watch = Stopwatch.StartNew();
        var outcome = await target.SearchAsync(Keys.Title(WorldCatCatalogue.PagingWord), Keys.Limits(5), CancellationToken.None);

        Assert.Equal(6, outcome.Attempts);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), "6 requests at 20/s took " + watch.Elapsed);
    }

    [Fact]
    public async Task Secret_never_appears_in_outcomes_or_exceptions()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        var texts = new List<string?>();
        host.State.Inject("/worldcat/", SimulatedFault.WithStatus(500, "{\"type\":\"SYSTEM_ERROR\",\"title\":\"echo\",\"detail\":\"" + WorldCatTestHost.Secret + "\"}"));
        host.State.Inject("/worldcat/", Enumerable.Range(0, 4).Select(_ => SimulatedFault.ServerError()).ToArray());
        var outcome = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);
        texts.Add(outcome.ErrorDetail);
        texts.Add(outcome.ErrorType);
        texts.Add(target.Statistics.ToString());
        texts.Add(target.ToString());

        host.State.Inject("/worldcat/", SimulatedFault.WithStatus(400, "{\"type\":\"BAD_REQUEST\",\"title\":\"echo\",\"detail\":\"" + WorldCatTestHost.Secret + "\"}"));
        var echoed = await target.SearchAsync(Key, Keys.Limits(), CancellationToken.None);
        texts.Add(echoed.ErrorDetail);

        var bad = host.TargetOptions(secret: "wrong-" + WorldCatTestHost.Secret);
        using var refused = new OclcCataloging.Search.WorldCat.WorldCatSearchTarget(bad, WorldCatTestHost.Executor(bad));
        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => refused.SearchAsync(Key, Keys.Limits(), CancellationToken.None));
        texts.Add(ex.ToString());

        Assert.Equal(KeySearchStatus.Error, echoed.Status);
        Assert.Contains("***", echoed.ErrorDetail);
        Assert.All(texts, t => Assert.DoesNotContain(WorldCatTestHost.Secret, t ?? ""));
    }
}
