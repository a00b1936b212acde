using System.Net;
using OclcCataloging.Resilience;
using OclcCataloging.Search;
using OclcCataloging.Search.Http;
using OclcCataloging.Search.WorldCat;
using OclcCataloging.Simulators.WorldCat;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

/// <summary>A clock tests move by hand; shared by the simulator and the target.</summary>
public sealed class ManualClock
{
    private long _ticks = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;
    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>A running simulator plus a target wired to it with fast retry settings.</summary>
public sealed class WorldCatTestHost : IAsyncDisposable
{
    public const string Secret = "s3cr3t-Never-Shown";

    private WorldCatTestHost(RunningWorldCatSimulator simulator) { Simulator = simulator; }

    public RunningWorldCatSimulator Simulator { get; }

    public WorldCatSimulatorState State => Simulator.State;

    public static async Task<WorldCatTestHost> StartAsync(Action<WorldCatSimulatorOptions>? configure = null)
    {
        var options = new WorldCatSimulatorOptions { ClientId = "test-client", ClientSecret = Secret };
        configure?.Invoke(options);
        return new WorldCatTestHost(await WorldCatSimulator.StartAsync(options));
    }

    public WorldCatTargetOptions TargetOptions(string? secret = null) => new()
    {
        ApiBaseAddress = Simulator.ApiBaseAddress,
        TokenAddress = Simulator.TokenAddress,
        Credential = new NetworkCredential("test-client", secret ?? Secret),
        RequestsPerSecond = 0,
        Resilience = FastResilience(),
    };

    /// <summary>Short, deterministic back-off so retry tests stay quick.</summary>
    public static SearchResilienceOptions FastResilience() => new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        UseJitter = false,
    };

    public static IRetryExecutor Executor(WorldCatTargetOptions options) =>
        new PollyRetryExecutor(SearchResilience.CreateRetrySettings(options.Resilience));

    public WorldCatSearchTarget Target(Action<WorldCatTargetOptions>? configure = null)
    {
        var options = TargetOptions();
        configure?.Invoke(options);
        return new WorldCatSearchTarget(options, Executor(options));
    }

    public IReadOnlyList<RecordedRequest> ApiRequests => State.Requests.Where(r => r.Path.StartsWith("/worldcat/")).ToList();

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}

public static class Keys
{
    public static BatchSearchLimits Limits(int maxRecords = 1) => new() { MaxRecords = maxRecords };

    public static SearchKey Ocn(long number) =>
        new("#" + number, SearchKeyType.OclcNumber, new[] { new SearchTerm(SearchIndex.OclcNumber, number.ToString()) });

    public static SearchKey Isbn(string isbn) => new(isbn, SearchKeyType.Isbn, new[] { new SearchTerm(SearchIndex.Isbn, isbn) });

    public static SearchKey Issn(string issn) => new(issn, SearchKeyType.Issn, new[] { new SearchTerm(SearchIndex.Issn, issn) });

    public static SearchKey Lccn(string lccn) => new("ln:" + lccn, SearchKeyType.Lccn, new[] { new SearchTerm(SearchIndex.Lccn, lccn) });

    public static SearchKey Title(string words, bool phrase = false) =>
        new("ti:" + words, SearchKeyType.Fielded, new[] { new SearchTerm(SearchIndex.Title, words, phrase: phrase) });

    public static SearchKey Fielded(string text, params SearchTerm[] terms) => new(text, SearchKeyType.Fielded, terms);

    public static SearchKey DerivedNameTitle(string name, string title) =>
        new(name + "," + title, SearchKeyType.DerivedNameTitle, new[]
        {
            new SearchTerm(SearchIndex.Author, name, truncated: true),
            new SearchTerm(SearchIndex.Title, title, truncated: true),
        });

    public static SearchKey Heading(string heading) =>
        new(heading, SearchKeyType.Heading, new[] { new SearchTerm(SearchIndex.Heading, heading) });
}
