namespace OclcCataloging.Simulators;

/// <summary>A simulator runnable from the command line: <c>OclcCataloging.Simulators &lt;Name&gt; [options]</c>.</summary>
public interface ISimulator
{
    /// <summary>The command-line name, e.g. "worldcat", "idloc".</summary>
    string Name { get; }

    /// <summary>One-line description for the usage text.</summary>
    string Description { get; }

    /// <summary>Starts listening on 127.0.0.1 (port 0 = any free port) and returns the running instance.</summary>
    Task<IRunningSimulator> StartAsync(string[] args, CancellationToken cancellationToken);
}

public interface IRunningSimulator : IAsyncDisposable
{
    Uri BaseAddress { get; }
}
