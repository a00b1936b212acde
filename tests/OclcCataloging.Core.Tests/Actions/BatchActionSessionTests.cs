using System.Text;
using OclcCataloging.Actions;
using OclcCataloging.Core.Tests.Search.Batch;
using OclcCataloging.Search;
using OclcCataloging.Search.Batch;
using Xunit;

namespace OclcCataloging.Core.Tests.Actions;

public class BatchActionSessionTests
{
    private const string Action = "WorldCat unset cascadeDelete=true";

    private static Func<ActionContext, CancellationToken, Task<ActionOutcome>> Outcome(ActionStatus status, string? message = null) =>
        (_, _) => Task.FromResult(new ActionOutcome { Status = status, Message = message });

    /// <summary>Marks a write as sent, as the API client does just before the request leaves.</summary>
    private static void SendWrite(ActionContext context) => context.Requests.Starting(isWrite: true);

    [Fact]
    public async Task Every_input_yields_one_result_and_report_row_with_retained_inputs()
    {
        using var folder = new BatchTestFolder();
        var session = new BatchActionSession(Action, new BatchActionOptions { ReportPath = folder.File("r.csv"), RetainDirectory = folder.Path, StatePath = folder.File("r.state") });
        var statuses = new[] { ActionStatus.Done, ActionStatus.NoChange, ActionStatus.NotFound, ActionStatus.Refused, ActionStatus.Error, ActionStatus.Unknown };
        for (int i = 0; i < statuses.Length; i++)
        {
            var r = await session.RunAsync("10" + i, Outcome(statuses[i], "m" + i), CancellationToken.None);
            Assert.Equal(i + 1, r!.Sequence);
            Assert.Equal(statuses[i], r.Status);
        }
        var summary = session.Complete();

        Assert.True(summary.Finished);
        Assert.Equal(6, summary.Total);
        Assert.Equal(1, summary.Unknown);
        Assert.False(File.Exists(folder.File("r.state")));
        var csv = File.ReadAllLines(folder.File("r.csv"), Encoding.UTF8);
        Assert.Equal(7, csv.Length);
        Assert.StartsWith("Sequence,Input,Action,OclcNumber,CurrentOclcNumber", csv[0]);
        Assert.Equal("105\r\n", File.ReadAllText(folder.File("unknown.txt")));
        Assert.Equal("103\r\n", File.ReadAllText(folder.File("refused.txt")));
        Assert.Equal("102\r\n", File.ReadAllText(folder.File("notfound.txt")));
        Assert.Equal("104\r\n", File.ReadAllText(folder.File("error.txt")));
        Assert.Contains("Unknown — check these by hand (1)", File.ReadAllText(folder.File("r.html")));
    }

    [Fact]
    public async Task A_stop_keeps_the_state_and_resume_runs_exactly_the_rest()
    {
        using var folder = new BatchTestFolder();
        var options = new BatchActionOptions { StatePath = folder.File("s.state"), ReportPath = folder.File("s.csv") };
        var ran = new List<string>();
        var first = new BatchActionSession(Action, options);
        for (int i = 1; i <= 3; i++) await first.RunAsync(i.ToString(), (c, ct) => { ran.Add(i.ToString()); return Task.FromResult(new ActionOutcome { Status = ActionStatus.Done }); }, CancellationToken.None);
        await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => first.RunAsync("4", (_, _) => throw new SearchTargetUnavailableException("MissingScope", "no scope"), CancellationToken.None));
        var stopped = first.Complete();
        Assert.Equal("MissingScope", stopped.StoppedReason);
        Assert.True(File.Exists(stopped.StatePath));

        var resumed = new BatchActionSession(Action, new BatchActionOptions { StatePath = options.StatePath, ReportPath = options.ReportPath, Resume = true });
        for (int i = 1; i <= 5; i++)
        {
            string input = i.ToString();
            await resumed.RunAsync(input, (c, ct) => { ran.Add(input); return Task.FromResult(new ActionOutcome { Status = ActionStatus.Done }); }, CancellationToken.None);
        }
        var summary = resumed.Complete();

        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, ran);
        Assert.True(summary.Finished);
        Assert.Equal(5, summary.Done);
    }

    [Fact]
    public async Task A_write_on_the_wire_when_the_run_is_cancelled_is_Unknown_and_not_resent_on_resume()
    {
        using var folder = new BatchTestFolder();
        var state = folder.File("c.state");
        using var cts = new CancellationTokenSource();
        var first = new BatchActionSession(Action, new BatchActionOptions { StatePath = state });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync("1", (c, ct) => { SendWrite(c); cts.Cancel(); ct.ThrowIfCancellationRequested(); return Task.FromResult(new ActionOutcome()); }, cts.Token));
        Assert.Equal(1, first.Complete().Unknown);

        int sent = 0;
        var resumed = new BatchActionSession(Action, new BatchActionOptions { StatePath = state, Resume = true });
        Assert.Null(await resumed.RunAsync("1", (c, ct) => { sent++; return Task.FromResult(new ActionOutcome { Status = ActionStatus.Done }); }, CancellationToken.None));
        var summary = resumed.Complete();
        Assert.Equal(0, sent);
        Assert.Equal(1, summary.Unknown);
    }

    [Fact]
    public async Task A_cancel_after_the_write_was_answered_is_done_again_on_resume()
    {
        using var folder = new BatchTestFolder();
        var state = folder.File("d.state");
        using var cts = new CancellationTokenSource();
        var first = new BatchActionSession(Action, new BatchActionOptions { StatePath = state });
        // 429 answered (nothing done), then Ctrl+C during the back-off: nothing is on the wire.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync("1", (c, ct) => { SendWrite(c); c.Requests.Answered(); cts.Cancel(); ct.ThrowIfCancellationRequested(); return Task.FromResult(new ActionOutcome()); }, cts.Token));
        Assert.Equal(0, first.Complete().Total);

        int sent = 0;
        var resumed = new BatchActionSession(Action, new BatchActionOptions { StatePath = state, Resume = true });
        await resumed.RunAsync("1", (c, ct) => { sent++; return Task.FromResult(new ActionOutcome { Status = ActionStatus.Done }); }, CancellationToken.None);
        Assert.Equal(1, sent);
        Assert.Equal(1, resumed.Complete().Done);
    }

    [Fact]
    public async Task A_crash_with_a_write_on_the_wire_resumes_as_Unknown()
    {
        using var folder = new BatchTestFolder();
        var state = folder.File("k.state");
        var first = new BatchActionSession(Action, new BatchActionOptions { StatePath = state });
        await first.RunAsync("1", Outcome(ActionStatus.Done), CancellationToken.None);
        var never = new TaskCompletionSource<ActionOutcome>();
        // The process dies while the request is on the wire: the operation never returns and Complete is never called.
        _ = first.RunAsync("2", (c, ct) => { SendWrite(c); return never.Task; }, CancellationToken.None);

        int sent = 0;
        var resumed = new BatchActionSession(Action, new BatchActionOptions { StatePath = state, Resume = true });
        foreach (var input in new[] { "1", "2", "3" })
            await resumed.RunAsync(input, (c, ct) => { sent++; return Task.FromResult(new ActionOutcome { Status = ActionStatus.Done }); }, CancellationToken.None);
        var summary = resumed.Complete();
        Assert.Equal(1, sent);
        Assert.Equal(1, summary.Unknown);
        Assert.Equal(2, summary.Done);
    }

    [Fact]
    public async Task Resume_refuses_another_action_or_another_input()
    {
        using var folder = new BatchTestFolder();
        var state = folder.File("m.state");
        var first = new BatchActionSession(Action, new BatchActionOptions { StatePath = state });
        await first.RunAsync("1", Outcome(ActionStatus.Done), CancellationToken.None);
        await Assert.ThrowsAsync<OperationCanceledException>(() => first.RunAsync("2", (_, _) => throw new OperationCanceledException(), CancellationToken.None));

        Assert.Throws<BatchStateMismatchException>(() => new BatchActionSession("WorldCat unset cascadeDelete=false", new BatchActionOptions { StatePath = state, Resume = true }));
        var resumed = new BatchActionSession(Action, new BatchActionOptions { StatePath = state, Resume = true });
        await Assert.ThrowsAsync<BatchStateMismatchException>(() => resumed.RunAsync("9", Outcome(ActionStatus.Done), CancellationToken.None));
    }

    [Fact]
    public async Task A_group_skips_inputs_done_earlier_and_gives_one_result_each()
    {
        using var folder = new BatchTestFolder();
        var state = folder.File("g.state");
        var first = new BatchActionSession("WorldCat current", new BatchActionOptions { StatePath = state });
        await first.RunGroupAsync(new[] { "1", "2" }, (l, c, ct) => Task.FromResult<IReadOnlyList<ActionOutcome>>(l.Select(_ => new ActionOutcome { Status = ActionStatus.Done }).ToList()), CancellationToken.None);
        await Assert.ThrowsAsync<OperationCanceledException>(() => first.RunGroupAsync(new[] { "3" }, (_, _, _) => throw new OperationCanceledException(), CancellationToken.None));

        IReadOnlyList<string>? asked = null;
        var resumed = new BatchActionSession("WorldCat current", new BatchActionOptions { StatePath = state, Resume = true });
        var results = await resumed.RunGroupAsync(new[] { "1", "2", "3", "4" }, (l, c, ct) => { asked = l; return Task.FromResult<IReadOnlyList<ActionOutcome>>(l.Select(_ => new ActionOutcome { Status = ActionStatus.NotFound }).ToList()); }, CancellationToken.None);
        Assert.Equal(new[] { "3", "4" }, asked);
        Assert.Equal(new[] { 3, 4 }, results.Select(r => r.Sequence));
        Assert.Equal(4, resumed.Complete().Total);
    }
}
