using OclcCataloging.Search.Http;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.Http;

public class DailyRequestBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 30, 15, TimeSpan.Zero);

    [Fact]
    public void Refuses_the_request_beyond_the_limit_and_says_when_more_are_possible()
    {
        var budget = new DailyRequestBudget(3);
        Assert.True(budget.TryConsume(Start, out _));
        Assert.True(budget.TryConsume(Start.AddMinutes(10), out _));
        Assert.True(budget.TryConsume(Start.AddHours(5), out _));

        Assert.False(budget.TryConsume(Start.AddHours(6), out var availableAt));

        Assert.Equal(3, budget.Used(Start.AddHours(6)));
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 8, 31, 0, TimeSpan.Zero), availableAt);
    }

    [Fact]
    public void The_window_rolls()
    {
        var budget = new DailyRequestBudget(2);
        Assert.True(budget.TryConsume(Start, out _));
        Assert.True(budget.TryConsume(Start.AddHours(12), out _));
        Assert.False(budget.TryConsume(Start.AddHours(23), out var availableAt));
        Assert.True(budget.TryConsume(availableAt, out _));
        Assert.Equal(2, budget.Used(availableAt));
        Assert.Equal(1, budget.Used(Start.AddHours(36).AddMinutes(2)));
        Assert.Equal(0, budget.Used(Start.AddDays(3)));
    }

    [Fact]
    public void Zero_is_unlimited()
    {
        var budget = new DailyRequestBudget(0);
        for (int i = 0; i < 1000; i++) Assert.True(budget.TryConsume(Start, out _));
        Assert.Equal(1000, budget.Used(Start));
    }

    [Fact]
    public void State_file_carries_the_count_to_the_next_run_and_forgets_old_minutes()
    {
        var path = Path.Combine(Path.GetTempPath(), "budget-" + Guid.NewGuid().ToString("N"), "state.txt");
        try
        {
            var first = new DailyRequestBudget(5, path);
            first.TryConsume(Start.AddHours(-30), out _);
            first.TryConsume(Start, out _);
            first.TryConsume(Start.AddSeconds(20), out _);
            first.TryConsume(Start.AddMinutes(3), out _);

            var second = new DailyRequestBudget(5, path);
            Assert.Equal(3, second.Used(Start.AddMinutes(5)));
            Assert.True(second.TryConsume(Start.AddMinutes(5), out _));
            Assert.True(second.TryConsume(Start.AddMinutes(5), out _));
            Assert.False(second.TryConsume(Start.AddMinutes(6), out _));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Unreadable_state_lines_are_ignored()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "garbage\n2026-05-01T08:30Z 4\n2026-05-01T08:31Z x\n");
            var budget = new DailyRequestBudget(10, path);
            Assert.Equal(4, budget.Used(Start));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
