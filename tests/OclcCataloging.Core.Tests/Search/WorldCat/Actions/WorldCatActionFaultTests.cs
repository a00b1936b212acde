using System.Net;
using System.Text.Json;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat.Actions;

/// <summary>Faults on the action endpoints: by OCLC number (seeded or injected) or by path; the log says what was applied.</summary>
public class WorldCatActionFaultTests
{
    [Fact]
    public async Task Lost_reply_applies_the_unset_then_drops_the_connection()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.SeedHeld.Add(300_000_001));
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        host.State.InjectForNumber(300_000_001, SimulatedFault.LostReply(), times: 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(HttpMethod.Post, "manage/institution/holdings/300000001/unset?cascadeDelete=false"));

        Assert.False(host.State.Holdings.IsHeld("00001", 300_000_001));
        var logged = Assert.Single(host.State.RequestsFor("300000001"));
        Assert.Equal(RequestOutcomes.LostPrefix + RequestOutcomes.Unset, logged.Outcome);
        Assert.True(logged.Applied);
        Assert.Equal("00001", logged.Institution);
        var again = await http.JsonAsync(HttpMethod.Post, "manage/institution/holdings/300000001/unset?cascadeDelete=false");
        Assert.Equal("WorldCat Holding already unset.", again.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("500", 500)]
    [InlineData("409", 409)]
    [InlineData("503", 503)]
    [InlineData("401", 401)]
    public async Task Number_faults_from_the_options_fail_exactly_those_numbers_every_time_and_change_nothing(string kind, int status)
    {
        await using var host = await WorldCatTestHost.StartAsync(o =>
        {
            foreach (var n in new long[] { 300_000_001, 300_000_002, 300_000_003 }) o.SeedHeld.Add(n);
            o.NumberFaults.Add((300_000_002, kind, 0));
        });
        using var http = await SimulatorHttp.StartAsync(host.Simulator);

        var statuses = new List<HttpStatusCode>();
        foreach (var n in new[] { 300_000_001, 300_000_002, 300_000_003, 300_000_002 })
            statuses.Add((await http.SendAsync(HttpMethod.Post, $"manage/institution/holdings/{n}/unset?cascadeDelete=false")).Status);

        Assert.Equal(new[] { HttpStatusCode.OK, (HttpStatusCode)status, HttpStatusCode.OK, (HttpStatusCode)status }, statuses);
        Assert.Equal(new long[] { 300_000_002 }, host.State.Holdings.Held("00001"));
        Assert.All(host.State.RequestsFor("300000002"), r => Assert.Equal(RequestOutcomes.FaultPrefix + status, r.Outcome));
    }

    [Fact]
    public async Task Path_faults_answer_or_drop_before_applying()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.SeedHeld.Add(300_000_001));
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        host.State.Inject("/holdings/300000001/", SimulatedFault.TooManyRequests(7), SimulatedFault.ConnectionReset());

        var (status, _) = await http.SendAsync(HttpMethod.Post, "manage/institution/holdings/300000001/unset");
        Assert.Equal((HttpStatusCode)429, status);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(HttpMethod.Post, "manage/institution/holdings/300000001/unset"));
        Assert.True(host.State.Holdings.IsHeld("00001", 300_000_001));
        Assert.Equal(new[] { "fault:429", RequestOutcomes.Dropped }, host.State.Requests.Where(r => r.Path.Contains("/holdings/")).Select(r => r.Outcome));
        Assert.All(host.State.Requests.Where(r => r.Path.Contains("/holdings/")), r => Assert.False(r.Applied));
    }

    [Fact]
    public async Task Inspection_endpoints_expose_the_log_and_the_holdings_and_take_faults()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.SeedLhrs.Add(300_000_005));
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        using var raw = new HttpClient { BaseAddress = host.Simulator.BaseAddress };

        var queued = await raw.PostAsync("simulator/faults?number=300000006-300000007&kind=lost&times=1", null);
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(HttpMethod.Post, "manage/institution/holdings/300000006/set"));
        await http.JsonAsync(HttpMethod.Post, "manage/institution/holdings/300000006/set");

        var log = JsonDocument.Parse(await raw.GetStringAsync("simulator/requests")).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("path").GetString()!.StartsWith("/worldcat/")).ToList();
        Assert.Equal(new[] { "lost:set", "already-set" }, log.Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal("300000006", log[0].GetProperty("oclcNumber").GetString());
        Assert.True(log[0].GetProperty("applied").GetBoolean());

        var holdings = JsonDocument.Parse(await raw.GetStringAsync("simulator/holdings")).RootElement;
        Assert.Equal(new[] { "300000005", "300000006" }, holdings.GetProperty("held").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("300000005", holdings.GetProperty("lhrs")[0].GetProperty("oclcNumber").GetString());
        Assert.Equal("MAIN", holdings.GetProperty("lhrs")[0].GetProperty("holdingLibraryCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await raw.PostAsync("simulator/faults?number=1&kind=bogus", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync("simulator/reset", null)).StatusCode);
        Assert.Equal(new long[] { 300_000_005 }, host.State.Holdings.Held("00001"));
        Assert.Equal(WorldCatHoldings.FirstLhrControlNumber, Assert.Single(host.State.Holdings.Lhrs("00001")).ControlNumber);
        Assert.Empty(host.State.Requests);
    }

    [Fact]
    public void Command_line_seeds_and_faults()
    {
        var o = WorldCatSimulatorOptions.FromArguments(new[]
        {
            "--held", "300000001-300001000", "--held-with-lhr", "300000001-300000100,300000200", "--held-with-lbd", "300000300",
            "--merge", "400000001=300000001", "--number-fault", "300000010,300000020-300000021=500", "--number-fault", "300000030=lost*1",
            "--fault", "/manage/lhrs=503*2", "--lhr-library", "EAST",
        });
        Assert.Equal(1000, o.SeedHeld.Count);
        Assert.Equal(101, o.SeedLhrs.Count);
        Assert.Contains(300_000_300L, o.SeedLbds);
        Assert.Equal(300_000_001, o.Catalogue.Find(400_000_001)!.OclcNumber);
        Assert.Equal(new[] { (300_000_010L, "500", 0), (300_000_020L, "500", 0), (300_000_021L, "500", 0), (300_000_030L, "lost", 1) }, o.NumberFaults);
        Assert.Equal(("/manage/lhrs", "503", 2), Assert.Single(o.PathFaults));
        Assert.Equal("EAST", o.SeedLhrLibraryCode);
        Assert.Throws<ArgumentException>(() => WorldCatSimulatorOptions.FromArguments(new[] { "--number-fault", "1=teapot" }));
        Assert.Throws<ArgumentException>(() => WorldCatSimulatorOptions.FromArguments(new[] { "--held", "5-1" }));
    }
}
