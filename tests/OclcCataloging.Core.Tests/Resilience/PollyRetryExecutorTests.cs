using OclcCataloging.IO;
using OclcCataloging.Resilience;
using Xunit;

namespace OclcCataloging.Core.Tests.Resilience;

public class PollyRetryExecutorTests
{
    private static RetrySettings Fast(Func<Exception, bool> shouldRetry, List<int>? attempts = null) => new()
    {
        MaxRetryAttempts = 3,
        Delay = TimeSpan.FromMilliseconds(1),
        UseJitter = false,
        ShouldRetry = shouldRetry,
        OnRetry = (attempt, _, _) => attempts?.Add(attempt),
    };

    [Fact]
    public void Retries_a_passing_failure_until_it_succeeds()
    {
        var attempts = new List<int>();
        var retry = new PollyRetryExecutor(Fast(e => e is IOException, attempts));
        int calls = 0;
        int result = retry.Execute(_ =>
        {
            if (++calls < 3) throw new IOException("locked");
            return 42;
        }, CancellationToken.None);
        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal(new[] { 1, 2 }, attempts);
    }

    [Fact]
    public void Does_not_retry_a_failure_that_is_not_transient()
    {
        var retry = new PollyRetryExecutor(Fast(e => e is IOException));
        int calls = 0;
        Assert.Throws<InvalidOperationException>(() => retry.Execute<int>(_ =>
        {
            calls++;
            throw new InvalidOperationException("bad");
        }, CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Gives_up_after_the_configured_attempts()
    {
        var retry = new PollyRetryExecutor(Fast(e => e is IOException));
        int calls = 0;
        Assert.Throws<IOException>(() => retry.Execute<int>(_ =>
        {
            calls++;
            throw new IOException("still locked");
        }, CancellationToken.None));
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task Retries_asynchronous_operations()
    {
        var retry = new PollyRetryExecutor(Fast(e => e is TimeoutException));
        int calls = 0;
        string s = await retry.ExecuteAsync(async _ =>
        {
            await Task.Yield();
            if (++calls == 1) throw new TimeoutException();
            return "ok";
        }, CancellationToken.None);
        Assert.Equal("ok", s);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void File_in_use_is_transient_but_file_not_found_is_not()
    {
        Assert.True(TransientIOFailures.IsFileInUse(new IOException("x", unchecked((int)0x80070020))));
        Assert.True(TransientIOFailures.IsFileInUse(new UnauthorizedAccessException()));
        Assert.False(TransientIOFailures.IsFileInUse(new FileNotFoundException()));
        Assert.False(TransientIOFailures.IsFileInUse(new InvalidDataException()));
    }
}
