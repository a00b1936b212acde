using System.Diagnostics;
using OclcCataloging.Search.Http;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Http;

public class RequestPacerTests
{
    [Fact]
    public async Task Unpaced_never_waits()
    {
        var pacer = new RequestPacer(0);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 100; i++) await pacer.WaitAsync(CancellationToken.None);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(200), "took " + watch.Elapsed);
    }

    [Fact]
    public async Task Spaces_sequential_requests_by_the_interval()
    {
        var pacer = new RequestPacer(50);
        Assert.Equal(TimeSpan.FromMilliseconds(20), pacer.Interval);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 6; i++) await pacer.WaitAsync(CancellationToken.None);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(90), "6 requests at 50/s took " + watch.Elapsed);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_schedule()
    {
        var pacer = new RequestPacer(40);
        var starts = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await pacer.WaitAsync(CancellationToken.None);
            starts.Add(watch.Elapsed);
        }));
        // Seven 25 ms intervals after the first; continuations may bunch under load, so only the span is checked.
        Assert.True(starts.Max() >= TimeSpan.FromMilliseconds(160), "8 requests at 40/s ended at " + starts.Max());
    }

    [Fact]
    public async Task Waiting_can_be_cancelled()
    {
        var pacer = new RequestPacer(0.5);
        await pacer.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pacer.WaitAsync(cts.Token));
    }

    [Fact]
    public void Rejects_nonsense_rates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(double.PositiveInfinity));
    }
}
