using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Core.Tests.Search.Batch;
using OclcCataloging.Core.Tests.Search.WorldCat;
using OclcCataloging.Search;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Actions;

/// <summary>The action client and the batch session against the in-process WorldCat simulator: faults and the "never twice" rule.</summary>
public class WorldCatActionSimulatorTests
{
    private const long Held = 300000001;
    private const string Registry = "00001";

    private static async Task<WorldCatTestHost> StartAsync(Action<WorldCatSimulatorOptions>? configure = null) =>
        await WorldCatTestHost.StartAsync(o =>
        {
            for (long n = Held; n < Held + 20; n++) o.SeedLhrs.Add(n);
            configure?.Invoke(o);
        });

    private static WorldCatActionClient Client(WorldCatTestHost host, Action<OclcCataloging.Search.WorldCat.WorldCatTargetOptions>? configure = null)
    {
        var options = host.TargetOptions();
        configure?.Invoke(options);
        return new WorldCatActionClient(options, WorldCatTestHost.Executor(options));
    }

    private static int Applied(WorldCatTestHost host, long number) => Logged(host, number).Count(r => r.Applied);

    /// <summary>
    /// The simulator logs a request after its answer has gone out, so the client can be faster than the log: wait
    /// (up to 2 s) until as many requests as the client sent for the number are there.
    /// </summary>
    private static IReadOnlyList<RecordedRequest> Logged(WorldCatTestHost host, long number, int atLeast = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        IReadOnlyList<RecordedRequest> logged;
        while ((logged = host.State.RequestsFor(number.ToString())).Count < atLeast && DateTime.UtcNow < deadline) Thread.Sleep(10);
        return logged;
    }

    [Fact]
    public async Task A_lost_reply_is_Unknown_and_the_unset_was_applied_exactly_once()
    {
        await using var host = await StartAsync();
        host.State.InjectForNumber(Held, SimulatedFault.LostReply(), times: 1);
        using var client = Client(host);

        var outcome = await client.UnsetHoldingAsync(Held.ToString(), true, new ActionContext(), CancellationToken.None);

        Assert.Equal(ActionStatus.Unknown, outcome.Status);
        Assert.Equal(1, Applied(host, Held));
        Assert.Single(Logged(host, Held));
        Assert.False(host.State.Holdings.IsHeld(Registry, Held));
    }

    [Fact]
    public async Task A_reset_before_the_request_was_applied_is_Unknown_too_and_not_resent()
    {
        await using var host = await StartAsync();
        host.State.InjectForNumber(Held, SimulatedFault.ConnectionReset(), times: 1);
        using var client = Client(host);

        var outcome = await client.SetHoldingAsync(Held.ToString(), new ActionContext(), CancellationToken.None);

        Assert.Equal(ActionStatus.Unknown, outcome.Status);
        Assert.Single(Logged(host, Held));
    }

    [Fact]
    public async Task Status_503_with_Retry_After_is_waited_for_and_the_unset_applied_once()
    {
        await using var host = await StartAsync();
        host.State.InjectForNumber(Held, SimulatedFault.ServiceUnavailable(retryAfterSeconds: 1), times: 1);
        using var client = Client(host);
        var context = new ActionContext();

        var outcome = await client.UnsetHoldingAsync(Held.ToString(), true, context, CancellationToken.None);

        Assert.Equal(ActionStatus.Done, outcome.Status);
        Assert.Equal(2, context.Attempts);
        Assert.Equal(1, Applied(host, Held));
    }

    [Fact]
    public async Task A_conflict_gives_OCLCs_message_and_changes_nothing()
    {
        await using var host = await StartAsync();
        host.State.InjectForNumber(Held, SimulatedFault.Conflict(), times: 1);
        using var client = Client(host);

        var outcome = await client.UnsetHoldingAsync(Held.ToString(), true, new ActionContext(), CancellationToken.None);

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(409, outcome.HttpStatus);
        Assert.False(string.IsNullOrEmpty(outcome.Message));
        Assert.True(host.State.Holdings.IsHeld(Registry, Held));
    }

    [Fact]
    public async Task A_revoked_token_is_renewed_once()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        await client.SetHoldingAsync("300000100", new ActionContext(), CancellationToken.None);
        host.State.RevokeAllTokens();

        var outcome = await client.UnsetHoldingAsync(Held.ToString(), true, new ActionContext(), CancellationToken.None);

        Assert.Equal(ActionStatus.Done, outcome.Status);
        Assert.Equal(1, client.Statistics.UnauthorizedRefreshes);
        Assert.Equal(2, host.State.TokenRequests);
    }

    [Fact]
    public async Task A_key_without_the_holdings_scope_stops_with_the_scope_named()
    {
        await using var host = await StartAsync(o => o.KeyScopes = WorldCatScopes.ManageBibs);
        using var client = Client(host, o => o.Scope = WorldCatScopes.ManageBibs);

        var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => client.UnsetHoldingAsync(Held.ToString(), true, new ActionContext(), CancellationToken.None));

        Assert.Equal("MissingScope", ex.Reason);
        Assert.Contains(WorldCatScopes.ManageInstitutionHoldings, ex.Message);
        Assert.True(host.State.Holdings.IsHeld(Registry, Held));
    }

    [Fact]
    public async Task Without_cascade_an_unset_blocked_by_LHRs_is_Refused_and_keeps_them()
    {
        await using var host = await StartAsync();
        using var client = Client(host);

        var outcome = await client.UnsetHoldingAsync(Held.ToString(), false, new ActionContext(), CancellationToken.None);

        Assert.Equal(ActionStatus.Refused, outcome.Status);
        Assert.Equal("false", Logged(host, Held).Single().Query["cascadeDelete"]);
        Assert.Single(host.State.Holdings.Lhrs(Registry, Held));
    }

    [Fact]
    public async Task A_session_stopped_by_a_missing_scope_resumes_and_sends_each_unset_once()
    {
        using var folder = new BatchTestFolder();
        await using var host = await StartAsync();
        using var client = Client(host);
        var inputs = Enumerable.Range(0, 20).Select(i => (Held + i).ToString()).ToList();
        var options = new BatchActionOptions { StatePath = folder.File("s.state"), ReportPath = folder.File("s.csv") };
        // The 11th number answers 403, as when a key loses its scope mid-run.
        host.State.InjectForNumber(Held + 10, SimulatedFault.WithStatus(403, "{\"message\":\"Forbidden\"}"), times: 1);

        var first = new BatchActionSession("WorldCat unset cascadeDelete=true", options);
        await Assert.ThrowsAsync<SearchTargetUnavailableException>(async () =>
        {
            foreach (var input in inputs) await first.RunAsync(input, (c, ct) => client.UnsetHoldingAsync(input, true, c, ct), CancellationToken.None);
        });
        Assert.Equal("MissingScope", first.Complete().StoppedReason);

        options.Resume = true;
        var second = new BatchActionSession("WorldCat unset cascadeDelete=true", options);
        foreach (var input in inputs) await second.RunAsync(input, (c, ct) => client.UnsetHoldingAsync(input, true, c, ct), CancellationToken.None);
        var summary = second.Complete();

        Assert.Equal(20, summary.Done);
        Assert.All(inputs, n => Assert.Equal(1, Applied(host, long.Parse(n))));
        Assert.Empty(host.State.Holdings.Held(Registry).Where(n => n >= Held && n < Held + 20));
    }
}
