using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// Loopback simulator of the WorldCat Metadata API v2 and OCLC's token server (doc §5.3). One host serves
/// POST /token and the API under /worldcat: point TokenAddress at {base}token and ApiBaseAddress at {base}worldcat.
/// </summary>
public sealed class WorldCatSimulator : ISimulator
{
    public string Name => "worldcat";

    public string Description => "WorldCat Metadata API v2 + OAuth token server (synthetic catalogue, holdings, LHRs); --port N --client-id --client-secret --held RANGES --number-fault RANGES=KIND …";

    public async Task<IRunningSimulator> StartAsync(string[] args, CancellationToken cancellationToken) =>
        await StartAsync(WorldCatSimulatorOptions.FromArguments(args), cancellationToken);

    public static async Task<RunningWorldCatSimulator> StartAsync(WorldCatSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var state = new WorldCatSimulatorState(options);
        var handler = new WorldCatRequestHandler(options, state);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningWorldCatSimulator(app, new Uri(address.TrimEnd('/') + "/"), options, state);
    }
}

public sealed class RunningWorldCatSimulator : IRunningSimulator
{
    private readonly WebApplication _app;

    internal RunningWorldCatSimulator(WebApplication app, Uri baseAddress, WorldCatSimulatorOptions options, WorldCatSimulatorState state)
    {
        _app = app;
        BaseAddress = baseAddress;
        Options = options;
        State = state;
    }

    /// <summary>http://127.0.0.1:N/ (with the trailing slash).</summary>
    public Uri BaseAddress { get; }

    public Uri TokenAddress => new(BaseAddress, "token");

    public Uri ApiBaseAddress => new(BaseAddress, "worldcat");

    public WorldCatSimulatorOptions Options { get; }

    public WorldCatSimulatorState State { get; }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
