using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Core.Tests.Search.WorldCat;
using OclcCataloging.Marc;
using OclcCataloging.Search;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Actions;

/// <summary>
/// The simulator serves a request, then drops the connection before its answer (issue 18, faults): a read is sent
/// again and answered, a call that changes WorldCat is Unknown and sent once — for every kind of call, not only
/// holdings set/unset.
/// </summary>
public class WorldCatLostReplyTests
{
    private const long Held = 300_000_001;
    private const string Registry = "00001";

    private static Task<WorldCatTestHost> StartAsync() => WorldCatTestHost.StartAsync(o => o.SeedLhrs.Add(Held));

    private static WorldCatActionClient Client(WorldCatTestHost host)
    {
        var options = host.TargetOptions();
        return new WorldCatActionClient(options, WorldCatTestHost.Executor(options));
    }

    /// <summary>The simulator logs a request after its answer: wait (up to 2 s) until <paramref name="count"/> are there.</summary>
    private static IReadOnlyList<RecordedRequest> Requests(WorldCatTestHost host, string method, string pathContains, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        List<RecordedRequest> found;
        while ((found = host.ApiRequests.Where(r => r.Method == method && r.Path.Contains(pathContains)).ToList()).Count < count && DateTime.UtcNow < deadline) Thread.Sleep(10);
        return found;
    }

    private static long LhrOf(WorldCatTestHost host) => Assert.Single(host.State.Holdings.Lhrs(Registry, Held)).ControlNumber;

    /// <summary>A copy of the seeded LHR (the simulator's institution symbol and library), as a create or replace sends it.</summary>
    private static MarcRecord Lhr(WorldCatTestHost host) => Assert.Single(host.State.Holdings.Lhrs(Registry, Held)).Record.Clone();

    [Fact]
    public async Task A_search_whose_reply_was_lost_is_sent_again_and_found()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var target = host.Target();
        host.State.Inject("/worldcat/", SimulatedFault.LostReply());

        var outcome = await target.SearchAsync(Keys.Ocn(WorldCatCatalogue.SerialOcn), Keys.Limits(), CancellationToken.None);

        Assert.Equal(KeySearchStatus.Found, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task A_current_holdings_read_whose_reply_was_lost_is_sent_again()
    {
        await using var host = await StartAsync();
        host.State.InjectForNumber(Held, SimulatedFault.LostReply(), times: 1);
        using var client = Client(host);

        var outcome = Assert.Single(await client.GetCurrentHoldingsAsync(new[] { Held.ToString() }, new ActionContext(), CancellationToken.None));

        Assert.Equal(ActionStatus.Done, outcome.Status);
        Assert.Equal(true, outcome.IsHeld);
        Assert.Equal(2, Requests(host, "GET", "/holdings/current", 2).Count);
    }

    [Fact]
    public async Task An_lhr_read_whose_reply_was_lost_is_sent_again()
    {
        await using var host = await StartAsync();
        long cn = LhrOf(host);
        host.State.Inject("/manage/lhrs/" + cn, SimulatedFault.LostReply());
        using var client = Client(host);

        var outcome = await client.GetLhrAsync(cn.ToString(), new ActionContext(), CancellationToken.None);

        Assert.Equal(ActionStatus.Done, outcome.Status);
        Assert.Equal(2, Requests(host, "GET", "/manage/lhrs/" + cn, 2).Count);
    }

    [Fact]
    public async Task A_validation_whose_reply_was_lost_is_sent_again_because_it_changes_nothing()
    {
        await using var host = await StartAsync();
        host.State.Inject("/manage/bibs/validate/", SimulatedFault.LostReply());
        using var client = Client(host);
        var bib = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        bib.AddControlField("008", "120827s2012    nyua          000 0 eng d");
        bib.AddDataField("245", "10", "a", "Test Record");

        var outcome = await client.ValidateAsync(bib, WorldCatValidationLevel.Full, new ActionContext(), CancellationToken.None);

        Assert.NotEqual(ActionStatus.Unknown, outcome.Status);
        Assert.Equal(2, Requests(host, "POST", "/manage/bibs/validate/", 2).Count);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task An_lhr_change_whose_reply_was_lost_is_Unknown_and_sent_once(string method)
    {
        await using var host = await StartAsync();
        long cn = LhrOf(host);
        string path = method == "POST" ? "/manage/lhrs" : "/manage/lhrs/" + cn;
        host.State.Inject(path, SimulatedFault.LostReply());
        using var client = Client(host);

        var outcome = method switch
        {
            "POST" => await client.CreateLhrAsync(Lhr(host), new ActionContext(), CancellationToken.None),
            "PUT" => await client.ReplaceLhrAsync(cn.ToString(), Lhr(host), new ActionContext(), CancellationToken.None),
            _ => await client.DeleteLhrAsync(cn.ToString(), new ActionContext(), CancellationToken.None),
        };

        Assert.Equal(ActionStatus.Unknown, outcome.Status);
        var sent = Requests(host, method, path, 1);
        var applied = Assert.Single(sent);
        Assert.True(applied.Applied, applied.Outcome + " " + applied.Status);
        Thread.Sleep(200); // nothing else arrives later either
        Assert.Single(host.ApiRequests, r => r.Method == method && r.Path.Contains(path));
        Assert.Equal(method == "POST" ? 2 : method == "PUT" ? 1 : 0, host.State.Holdings.Lhrs(Registry, Held).Count);
    }
}
