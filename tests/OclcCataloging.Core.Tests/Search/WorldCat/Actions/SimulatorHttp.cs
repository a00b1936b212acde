using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat.Actions;

/// <summary>Raw HTTP against a running simulator: one token, then requests relative to /worldcat/.</summary>
public sealed class SimulatorHttp : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly RunningWorldCatSimulator _sim;

    private SimulatorHttp(RunningWorldCatSimulator sim, string token) { _sim = sim; Token = token; }

    public string Token { get; }

    public static async Task<SimulatorHttp> StartAsync(RunningWorldCatSimulator sim, string scope = "WorldCatMetadataAPI")
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sim.TokenAddress + "?grant_type=client_credentials&scope=" + Uri.EscapeDataString(scope)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(sim.Options.ClientId + ":" + sim.Options.ClientSecret)));
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return new SimulatorHttp(sim, JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!);
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string relative, string? body = null,
        string contentType = "application/marcxml+xml", string? accept = null)
    {
        var request = new HttpRequestMessage(method, new Uri(_sim.ApiBaseAddress + "/" + relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        if (accept != null) request.Headers.TryAddWithoutValidation("Accept", accept);
        if (body != null) request.Content = new StringContent(body, new MediaTypeHeaderValue(contentType));
        var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string relative, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body) = await SendAsync(method, relative);
        Assert.True(status == expected, $"{method} {relative}: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public void Dispose() => _http.Dispose();
}
