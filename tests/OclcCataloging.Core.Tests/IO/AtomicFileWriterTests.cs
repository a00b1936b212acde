using System.Text;
using OclcCataloging.IO;
using OclcCataloging.Resilience;
using Xunit;

namespace OclcCataloging.Core.Tests.IO;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oclc-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Commit_creates_the_destination_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_dir, "out.mrc");
        using (var w = new AtomicFileWriter(path))
        {
            w.Stream.Write(Encoding.ASCII.GetBytes("abc"));
            Assert.False(File.Exists(path));
            w.Commit();
        }
        Assert.Equal("abc", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Dispose_without_commit_keeps_the_old_file_untouched()
    {
        string path = Path.Combine(_dir, "out.mrc");
        File.WriteAllText(path, "old");
        using (var w = new AtomicFileWriter(path))
        {
            w.Stream.Write(Encoding.ASCII.GetBytes("half a fi"));
        }
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Commit_replaces_an_existing_file()
    {
        string path = Path.Combine(_dir, "out.mrc");
        File.WriteAllText(path, "old content");
        using (var w = new AtomicFileWriter(path))
        {
            w.Stream.Write(Encoding.ASCII.GetBytes("new"));
            w.Commit();
        }
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void CopyExisting_starts_from_the_current_content()
    {
        string path = Path.Combine(_dir, "out.mrc");
        File.WriteAllText(path, "one|");
        using (var w = new AtomicFileWriter(path, copyExisting: true))
        {
            w.Stream.Write(Encoding.ASCII.GetBytes("two"));
            w.Commit();
        }
        Assert.Equal("one|two", File.ReadAllText(path));
    }

    [Fact]
    public void The_final_rename_goes_through_the_retry_executor()
    {
        string path = Path.Combine(_dir, "out.mrc");
        var retry = new CountingRetry();
        using (var w = new AtomicFileWriter(path, retry))
        {
            w.Commit();
        }
        Assert.Equal(1, retry.Calls);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_missing_folder_is_created_when_the_file_is_written()
    {
        string path = Path.Combine(_dir, "new", "deeper", "out.mrc");
        using (var w = new AtomicFileWriter(path))
        {
            w.Stream.Write(Encoding.ASCII.GetBytes("abc"));
            w.Commit();
        }
        Assert.Equal("abc", File.ReadAllText(path));
    }

    [Fact]
    public void A_folder_that_cannot_be_made_is_reported_with_the_destination_not_the_temporary_file()
    {
        string blocker = Path.Combine(_dir, "a-file");
        File.WriteAllText(blocker, "not a folder");
        string path = Path.Combine(blocker, "out.mrc");
        var e = Assert.ThrowsAny<IOException>(() => new AtomicFileWriter(path));
        Assert.Contains(path, e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
    }

    private sealed class CountingRetry : IRetryExecutor
    {
        public int Calls;

        public T Execute<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken)
        {
            Calls++;
            return operation(cancellationToken);
        }

        public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
        {
            Calls++;
            return operation(cancellationToken);
        }
    }
}
