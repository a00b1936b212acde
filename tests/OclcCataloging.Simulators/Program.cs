using System.Runtime.InteropServices;
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
// Registered handlers, not Console.CancelKeyPress: a process started in the background by a shell inherits SIGINT as
// ignored, and .NET then never raises CancelKeyPress; SIGTERM (kill, systemd, CI) must stop it as well.
// A SIGINT ignored from the start is put back to its default first, so that .NET's handler below is installed.
if (!OperatingSystem.IsWindows()) SignalDisposition.RestoreDefault(SignalDisposition.SIGINT);
void Stop(PosixSignalContext context) { context.Cancel = true; stop.Cancel(); }
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
await using var running = await simulator.StartAsync(args.Skip(1).ToArray(), stop.Token);
Console.WriteLine($"Listening on {running.BaseAddress}");
Console.Out.Flush();
try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
return 0;

internal static class SignalDisposition
{
    internal const int SIGINT = 2;

    [DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static extern IntPtr Signal(int signum, IntPtr handler);

    internal static void RestoreDefault(int signum) => Signal(signum, IntPtr.Zero);
}
