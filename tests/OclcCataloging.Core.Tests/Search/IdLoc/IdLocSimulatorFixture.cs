using Xunit;
using OclcCataloging.Resilience;
using OclcCataloging.Search;
using OclcCataloging.Search.Http;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Simulators.IdLoc;

namespace OclcCataloging.Core.Tests.Search.IdLoc;

/// <summary>One loopback id.loc.gov simulator per test class; each test starts with no faults and no recorded requests.</summary>
public sealed class IdLocSimulatorFixture : IAsyncLifetime
{
    public IdLocServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await IdLocSimulator.StartInProcessAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Reset()
    {
        Server.ClearFaults();
        Server.ClearRequests();
    }

    /// <summary>Fast retries (no jitter, 1 ms back-off) so fault tests stay quick.</summary>
    public static SearchResilienceOptions FastResilience(int retries = 2) => new()
    {
        MaxRetryAttempts = retries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        UseJitter = false,
    };

    public IdLocSearchTarget CreateTarget(IdLocScheme scheme = IdLocScheme.Names, SearchResilienceOptions? resilience = null, Uri? baseAddress = null)
    {
        var options = new IdLocTargetOptions
        {
            BaseAddress = baseAddress ?? Server.BaseAddress,
            Scheme = scheme,
            Resilience = resilience ?? FastResilience(),
            UserAgent = "OclcCataloging.Tests/1.0",
        };
        return new IdLocSearchTarget(options, new PollyRetryExecutor(SearchResilience.CreateRetrySettings(options.Resilience)));
    }
}
