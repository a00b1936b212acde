using System.Reflection;
using OclcCataloging.Simulators;

var simulators = typeof(ISimulator).Assembly.GetTypes()
    .Where(t => typeof(ISimulator).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
    .Select(t => (ISimulator)Activator.CreateInstance(t)!)
    .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !simulators.TryGetValue(args[0], out var simulator))
{
    Console.Error.WriteLine("usage: OclcCataloging.Simulators <name> [--port N] [options]");
    foreach (var s in simulators.Values.OrderBy(s => s.Name)) Console.Error.WriteLine($"  {s.Name,-10} {s.Description}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
await using var running = await simulator.StartAsync(args.Skip(1).ToArray(), stop.Token);
Console.WriteLine($"Listening on {running.BaseAddress}");
Console.Out.Flush();
try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
return 0;
