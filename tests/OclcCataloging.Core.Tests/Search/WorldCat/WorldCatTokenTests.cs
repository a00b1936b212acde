using System.Text;
using OclcCataloging.Search;
using OclcCataloging.Search.WorldCat;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

public class WorldCatTokenTests
{
    [Fact]
    public async Task Token_request_is_client_credentials_with_basic_auth_and_an_empty_body()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);

        var token = Assert.Single(host.State.Requests, r => r.Path == "/token");
        Assert.Equal("POST", token.Method);
        Assert.Equal("client_credentials", token.Query["grant_type"]);
        Assert.Equal("WorldCatMetadataAPI", token.Query["scope"]);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("test-client:" + WorldCatTestHost.Secret));
        Assert.Equal(basic, token.Header("Authorization"));
        Assert.Equal("0", token.Header("Content-Length"));
        Assert.Equal("application/json", token.Header("Accept"));
        Assert.Equal(1, target.Statistics.TokenRequests);
    }

    [Fact]
    public async Task Token_is_cached_across_keys()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        for (int i = 0; i < 4; i++)
            await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(1, host.State.TokenRequests);
        Assert.Equal(1, target.Statistics.TokenRequests);
        Assert.Equal(4, target.Statistics.Requests);
    }

    [Fact]
    public async Task Concurrent_keys_share_one_token_request()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(30));
        using var target = host.Target();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None)));
        Assert.All(outcomes, o => Assert.Equal(KeySearchStatus.Found, o.Status));
        Assert.Equal(1, host.State.TokenRequests);
        Assert.Equal(8, target.Statistics.Requests);
    }

    [Fact]
    public async Task Token_is_renewed_before_it_expires()
    {
        var clock = new ManualClock();
        await using var host = await WorldCatTestHost.StartAsync(o => { o.Clock = () => clock.Now; o.TokenLifetime = TimeSpan.FromMinutes(20); });
        using var target = host.Target(o => { o.Clock = () => clock.Now; o.TokenRefreshSkew = TimeSpan.FromSeconds(60); });

        await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(18));
        await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(1, host.State.TokenRequests);

        // 30 s before expiry: still accepted by the server, but inside the skew, so renewed without a 401.
        clock.Advance(TimeSpan.FromSeconds(90));
        var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, host.State.TokenRequests);
        Assert.DoesNotContain(host.ApiRequests, r => r.Status == 401);
        Assert.Equal(0, target.Statistics.UnauthorizedRefreshes);
    }

    [Fact]
    public async Task Expiry_mid_batch_with_expires_in_as_a_string()
    {
        var clock = new ManualClock();
        await using var host = await WorldCatTestHost.StartAsync(o => { o.Clock = () => clock.Now; o.TokenLifetime = TimeSpan.FromSeconds(120); o.ExpiresInAsString = true; });
        using var target = host.Target(o => { o.Clock = () => clock.Now; o.TokenRefreshSkew = TimeSpan.FromSeconds(5); });

        for (int i = 0; i < 7; i++)
        {
            var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);
            Assert.Equal(KeySearchStatus.Found, outcome.Status);
            clock.Advance(TimeSpan.FromSeconds(50));
        }
        // Keys at 0, 50, 100 | 150, 200, 250 | 300: a new token once the previous one is within 5 s of its 120 s.
        Assert.Equal(3, host.State.TokenRequests);
        Assert.DoesNotContain(host.ApiRequests, r => r.Status == 401);
    }

    [Fact]
    public async Task A_401_renews_the_token_once_and_retries_the_request()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);

        host.State.RevokeAllTokens();
        var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, host.State.TokenRequests);
        Assert.Equal(1, target.Statistics.UnauthorizedRefreshes);
        var last = host.ApiRequests.TakeLast(2).ToList();
        Assert.Equal(401, last[0].Status);
        Assert.Equal(200, last[1].Status);
        Assert.NotEqual(last[0].Header("Authorization"), last[1].Header("Authorization"));
    }

    [Fact]
    public async Task A_second_401_after_renewal_stops_the_run()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        host.State.Inject("/worldcat/", SimulatedFault.Unauthorized(), SimulatedFault.Unauthorized());

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() =>
            target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None));

        Assert.Equal("AuthenticationFailed", ex.Reason);
        Assert.Equal(2, host.State.TokenRequests);
        Assert.DoesNotContain(WorldCatTestHost.Secret, ex.Message);
    }

    [Fact]
    public async Task Bad_secret_stops_the_run_without_revealing_the_secret()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        var options = host.TargetOptions(secret: "wrong-" + WorldCatTestHost.Secret);
        using var target = new WorldCatSearchTarget(options, WorldCatTestHost.Executor(options));

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() =>
            target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None));

        Assert.Equal("AuthenticationFailed", ex.Reason);
        Assert.Contains("401", ex.Message);
        Assert.Contains("No valid authentication credentials", ex.Message);
        Assert.DoesNotContain(WorldCatTestHost.Secret, ex.ToString());
        Assert.Equal(1, host.State.TokenRequests);
        Assert.Empty(host.ApiRequests);
    }

    [Fact]
    public async Task Scope_not_on_the_key_stops_the_run()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.Scope = "MetadataAPI");

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() =>
            target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None));

        Assert.Equal("AuthenticationFailed", ex.Reason);
        Assert.Contains("403", ex.Message);
        Assert.Contains("Invalid scope(s): MetadataAPI", ex.Message);
    }

    [Fact]
    public async Task Token_without_the_endpoint_scope_is_forbidden()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target(o => o.Scope = "WorldCatMetadataAPI:view_brief_bib");

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() =>
            target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None));

        Assert.Equal("AuthenticationFailed", ex.Reason);
        Assert.Equal(403, host.ApiRequests.Single().Status);
    }

    [Fact]
    public async Task Token_server_errors_are_retried()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        host.State.Inject("/token", SimulatedFault.ServiceUnavailable());
        var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);
        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, target.Statistics.TokenRequests);
        Assert.Equal(1, target.Statistics.Retries);
    }

    [Fact]
    public void Missing_credential_is_refused_up_front()
    {
        var options = new WorldCatTargetOptions();
        Assert.Throws<ArgumentException>(() => new WorldCatSearchTarget(options, OclcCataloging.Resilience.NoRetryExecutor.Instance));
    }
}
