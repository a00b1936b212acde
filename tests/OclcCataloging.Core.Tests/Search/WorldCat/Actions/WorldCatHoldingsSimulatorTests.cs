using System.Net;
using System.Text.Json;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat.Actions;

/// <summary>The simulator's holdings endpoints answer with the published shapes and keep per-institution state.</summary>
public class WorldCatHoldingsSimulatorTests
{
    private const long Held = 300_000_001;
    private const long HeldWithLhr = 300_000_002;
    private const long NotHeld = 300_000_003;

    private static Task<WorldCatTestHost> Start(Action<WorldCatSimulatorOptions>? configure = null) =>
        WorldCatTestHost.StartAsync(o =>
        {
            o.SeedHeld.Add(Held);
            o.SeedLhrs.Add(HeldWithLhr);
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Set_twice_answers_200_with_success_false_the_second_time()
    {
        await using var host = await Start();
        using var http = await SimulatorHttp.StartAsync(host.Simulator);

        var first = await http.JsonAsync(HttpMethod.Post, $"manage/institution/holdings/{NotHeld}/set");
        var second = await http.JsonAsync(HttpMethod.Post, $"manage/institution/holdings/{NotHeld}/set");

        Assert.True(first.GetProperty("success").GetBoolean());
        Assert.Equal("Set Holding Succeeded.", first.GetProperty("message").GetString());
        Assert.Equal("Set Holdings", first.GetProperty("action").GetString());
        Assert.Equal("00001", first.GetProperty("institutionCode").GetString());
        Assert.Equal("SIM", first.GetProperty("institutionSymbol").GetString());
        Assert.False(second.GetProperty("success").GetBoolean());
        Assert.Equal("WorldCat Holding already set.", second.GetProperty("message").GetString());
        Assert.True(host.State.Holdings.IsHeld("00001", NotHeld));
        Assert.Equal(new[] { RequestOutcomes.Set, RequestOutcomes.AlreadySet }, host.State.RequestsFor(NotHeld.ToString()).Select(r => r.Outcome));
    }

    [Fact]
    public async Task Unset_is_blocked_by_lhrs_without_cascade_and_cascades_by_default()
    {
        await using var host = await Start();
        using var http = await SimulatorHttp.StartAsync(host.Simulator);

        var blocked = await http.JsonAsync(HttpMethod.Post, $"manage/institution/holdings/{HeldWithLhr}/unset?cascadeDelete=false");
        Assert.False(blocked.GetProperty("success").GetBoolean());
        Assert.Equal("Unset Holdings Failed. Local holdings records (LHRs) are attached to this record.", blocked.GetProperty("message").GetString());
        Assert.Single(host.State.Holdings.Lhrs("00001", HeldWithLhr));

        var cascaded = await http.JsonAsync(HttpMethod.Post, $"manage/institution/holdings/{HeldWithLhr}/unset");
        Assert.True(cascaded.GetProperty("success").GetBoolean());
        Assert.Equal("Unset Holdings Succeeded.", cascaded.GetProperty("message").GetString());
        Assert.Empty(host.State.Holdings.Lhrs("00001", HeldWithLhr));
        Assert.False(host.State.Holdings.IsHeld("00001", HeldWithLhr));

        var again = await http.JsonAsync(HttpMethod.Post, $"manage/institution/holdings/{HeldWithLhr}/unset?cascadeDelete=true");
        Assert.Equal("WorldCat Holding already unset.", again.GetProperty("message").GetString());

        var (status, body) = await http.SendAsync(HttpMethod.Post, $"manage/institution/holdings/{Held}/unset?cascadeDelete=test");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("A request with a non-boolean value was attempted: test", body);
        Assert.Equal(new[] { RequestOutcomes.UnsetBlocked, RequestOutcomes.UnsetCascaded, RequestOutcomes.AlreadyUnset },
            host.State.RequestsFor(HeldWithLhr.ToString()).Select(r => r.Outcome));
    }

    [Fact]
    public async Task Merged_numbers_act_on_the_current_record_and_name_both()
    {
        await using var host = await Start(o => o.Catalogue.AddMergedNumber(400_000_001, Held));
        using var http = await SimulatorHttp.StartAsync(host.Simulator);

        var set = await http.JsonAsync(HttpMethod.Post, $"manage/institution/holdings/{WorldCatCatalogue.MagicFluteMergedOcn}/set");
        Assert.Equal(WorldCatCatalogue.MagicFluteOcn.ToString(), set.GetProperty("controlNumber").GetString());
        Assert.Equal(WorldCatCatalogue.MagicFluteMergedOcn.ToString(), set.GetProperty("requestedControlNumber").GetString());
        Assert.True(host.State.Holdings.IsHeld("00001", WorldCatCatalogue.MagicFluteOcn));

        var current = await http.JsonAsync(HttpMethod.Get, $"manage/institution/holdings/current?oclcNumbers=400000001,{NotHeld},{WorldCatCatalogue.MissingOcn}");
        var rows = current.GetProperty("holdings").EnumerateArray().ToList();
        Assert.Equal("400000001", rows[0].GetProperty("requestedControlNumber").GetString());
        Assert.Equal(Held.ToString(), rows[0].GetProperty("currentControlNumber").GetString());
        Assert.True(rows[0].GetProperty("holdingSet").GetBoolean());
        Assert.False(rows[1].GetProperty("holdingSet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("currentControlNumber").ValueKind);
        Assert.Equal("SIM", rows[2].GetProperty("institutionSymbol").GetString());

        var numbers = await http.JsonAsync(HttpMethod.Get, $"manage/bibs/current?oclcNumbers={WorldCatCatalogue.CartographerMergedOcn},{WorldCatCatalogue.MissingOcn}");
        var pairs = numbers.GetProperty("controlNumbers").EnumerateArray().ToList();
        Assert.Equal(WorldCatCatalogue.CartographerOcn.ToString(), pairs[0].GetProperty("current").GetString());
        Assert.Equal(JsonValueKind.Null, pairs[1].GetProperty("current").ValueKind);
    }

    [Fact]
    public async Task Current_refuses_more_than_ten_numbers_and_non_numeric_ones()
    {
        await using var host = await Start();
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        var eleven = string.Join(",", Enumerable.Range(1, 11).Select(i => 300_000_000 + i));

        foreach (var path in new[] { "manage/institution/holdings/current", "manage/bibs/current" })
        {
            var (status, body) = await http.SendAsync(HttpMethod.Get, path + "?oclcNumbers=" + eleven);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("A maximum of 10 values can be provided", body);
        }
        var (s2, b2) = await http.SendAsync(HttpMethod.Get, "manage/institution/holdings/current?oclcNumbers=abc");
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains("oclcNumbers=[abc]", b2);
        var numbers = (await http.JsonAsync(HttpMethod.Get, "manage/bibs/current?oclcNumbers=abc,300000001")).GetProperty("controlNumbers");
        Assert.Equal(JsonValueKind.Null, numbers[0].GetProperty("current").ValueKind);
        Assert.Equal("abc", numbers[0].GetProperty("requested").GetString());
        Assert.Equal("300000001", numbers[1].GetProperty("current").GetString());
        var ten = string.Join(",", Enumerable.Range(1, 10).Select(i => 300_000_000 + i));
        Assert.Equal(10, (await http.JsonAsync(HttpMethod.Get, "manage/institution/holdings/current?oclcNumbers=" + ten)).GetProperty("holdings").GetArrayLength());
    }

    [Fact]
    public async Task Holdings_are_per_institution_and_scopes_are_per_endpoint()
    {
        await using var host = await Start();
        using var other = await SimulatorHttp.StartAsync(host.Simulator, "WorldCatMetadataAPI context:00002");
        var row = (await other.JsonAsync(HttpMethod.Get, $"manage/institution/holdings/current?oclcNumbers={Held}")).GetProperty("holdings")[0];
        Assert.False(row.GetProperty("holdingSet").GetBoolean());
        Assert.Equal("SIMB", row.GetProperty("institutionSymbol").GetString());
        await other.JsonAsync(HttpMethod.Post, $"manage/institution/holdings/{Held}/unset");
        Assert.True(host.State.Holdings.IsHeld("00001", Held));

        using var searchOnly = await SimulatorHttp.StartAsync(host.Simulator, "WorldCatMetadataAPI:view_brief_bib");
        foreach (var (method, path) in new[] { (HttpMethod.Post, $"manage/institution/holdings/{Held}/unset"), (HttpMethod.Get, "manage/lhrs/700000001"), (HttpMethod.Get, $"search/my-holdings?oclcNumber={Held}") })
        {
            var (status, body) = await searchOnly.SendAsync(method, path);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(WorldCatBodies.Forbidden, body);
        }
        Assert.True(host.State.Holdings.IsHeld("00001", Held));
        Assert.All(host.State.RequestsFor(Held.ToString()), r => Assert.NotEqual(RequestOutcomes.Unset, r.Outcome));
    }

    [Fact]
    public async Task Unknown_and_malformed_numbers()
    {
        await using var host = await Start();
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        var (s1, b1) = await http.SendAsync(HttpMethod.Post, $"manage/institution/holdings/{WorldCatCatalogue.MissingOcn}/set");
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Equal(WorldCatBodies.BibNotFound400, b1);
        var (s2, b2) = await http.SendAsync(HttpMethod.Post, "manage/institution/holdings/ocm12121212/set");
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains("A request with a non-numeric identifier was attempted: ocm12121212", b2);
        var (s3, _) = await http.SendAsync(HttpMethod.Get, $"manage/institution/holdings/{Held}/set");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, s3);
    }
}
