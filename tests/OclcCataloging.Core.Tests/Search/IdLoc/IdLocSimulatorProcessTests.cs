using System.Diagnostics;
using System.Net;
using OclcCataloging.Simulators.IdLoc;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.IdLoc;

public sealed class IdLocSimulatorProcessTests
{
    [Fact]
    public async Task Command_line_starts_the_simulator_and_prints_its_address()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(IdLocSimulator).Assembly.Location, "idloc", "--port", "0" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var line = process.StandardOutput.ReadLineAsync();
            Assert.True(await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(30))) == line, "the simulator did not start in 30 s");
            string text = (await line) ?? "";
            Assert.StartsWith("Listening on http://127.0.0.1:", text);

            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(new Uri(text["Listening on ".Length..]), "authorities/names/label/Austen%2C%20Jane%2C%201775-1817")));
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
