using OclcCataloging.Core.Tests.Search.IdLoc;
using OclcCataloging.Search;
using OclcCataloging.Search.Batch;
using OclcCataloging.Simulators.IdLoc;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Batch;

/// <summary>The engine driving the real id.loc.gov target against the simulator, as Invoke-BatchSearch will.</summary>
public sealed class BatchOverIdLocTests : IClassFixture<IdLocSimulatorFixture>
{
    private readonly IdLocSimulatorFixture _sim;

    public BatchOverIdLocTests(IdLocSimulatorFixture sim)
    {
        _sim = sim;
        _sim.Reset();
    }

    [Fact]
    public void A_batch_of_authority_keys_reports_each_key_and_retains_the_misses()
    {
        using var folder = new BatchTestFolder();
        using var target = _sim.CreateTarget();
        var options = new BatchSearchOptions { ReportPath = folder.File("authorities.csv"), RetainKeysDirectory = folder.Path };
        string[] keys = { "Dvořák, Antonín, 1841-1904", "Clemens, Samuel Langhorne, 1835-1910", "ln:n99000017", "pd:moza,wol,a", "Nobody, Nemo", "0818903457" };
        var session = new BatchSearchSession(target, options) { TotalKeys = keys.Length };

        var results = keys.Select(k => session.Search(k, CancellationToken.None)!).ToList();
        var summary = session.Complete();

        Assert.Equal(new[] { KeySearchStatus.Found, KeySearchStatus.Found, KeySearchStatus.Found, KeySearchStatus.Found, KeySearchStatus.NotFound, KeySearchStatus.Error },
            results.Select(r => r.Status));
        Assert.Equal("Dvořák, Antonín, 1841-1904", results[0].FirstTitle);
        Assert.Equal("Twain, Mark, 1835-1910", results[1].FirstTitle);
        Assert.Contains("see-from", results[1].ErrorDetail);
        Assert.True(results[3].Translated);
        Assert.Equal("Unsupported", results[5].ErrorType);
        Assert.Equal(4, summary.RecordsDownloaded);
        Assert.Equal("Nobody, Nemo\r\n", File.ReadAllText(summary.NotFoundKeysPath!));
        Assert.Equal("0818903457\r\n", File.ReadAllText(summary.ErrorKeysPath!));
        Assert.Equal(keys.Length + 1, File.ReadAllLines(summary.ReportPath!).Length);
        Assert.Contains("id.loc.gov names", File.ReadAllText(summary.HtmlReportPath!));
    }

    [Fact]
    public void A_rate_limited_run_stops_and_resumes_where_it_stopped()
    {
        using var folder = new BatchTestFolder();
        var options = new BatchSearchOptions { StatePath = folder.File("run.state"), ReportPath = folder.File("r.csv") };
        string[] keys = { "Austen, Jane, 1775-1817", "Bach, Johann Sebastian, 1685-1750", "Beethoven, Ludwig van, 1770-1827" };
        using (var target = _sim.CreateTarget())
        {
            var session = new BatchSearchSession(target, options);
            session.Search(keys[0], CancellationToken.None);
            _sim.Server.InjectFault(new IdLocFault { Status = 503, RetryAfter = "86400" });
            Assert.Throws<SearchTargetUnavailableException>(() => session.Search(keys[1], CancellationToken.None));
            var stopped = session.Complete();
            Assert.Equal("RateLimited", stopped.StoppedReason);
            Assert.NotNull(stopped.RetryAfter);
        }

        _sim.Server.ClearRequests();
        options.Resume = true;
        using (var target = _sim.CreateTarget())
        {
            var session = new BatchSearchSession(target, options);
            var results = keys.Select(k => session.Search(k, CancellationToken.None)).ToList();
            var summary = session.Complete();

            Assert.Null(results[0]);
            Assert.Equal(KeySearchStatus.Found, results[1]!.Status);
            Assert.Equal(3, summary.Found);
            Assert.True(summary.Finished);
        }
        Assert.DoesNotContain(_sim.Server.Requests, r => r.Path.Contains("Austen"));
    }
}
