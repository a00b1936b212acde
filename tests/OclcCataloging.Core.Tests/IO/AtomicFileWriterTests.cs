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
    public void A_large_file_is_written_back_as_it_grows_and_arrives_whole()
    {
        string path = Path.Combine(_dir, "large.xml");
        var block = new byte[64 * 1024];
        long total = 0;
        using (var expected = new MemoryStream())
        {
            using (var w = new AtomicFileWriter(path))
            {
                for (int i = 0; i < 320; i++) // 20 MiB
                {
                    for (int j = 0; j < block.Length; j++) block[j] = (byte)(i * 31 + j);
                    w.Stream.Write(block, 0, block.Length);
                    expected.Write(block, 0, block.Length);
                    total += block.Length;
                    w.WrittenSoFar();
                }
                // Every 8 MiB where the system can be asked (Linux, net8.0 core); never elsewhere.
                Assert.Equal(DiskWriteBack.Supported ? (int)(total / DiskWriteBack.DefaultInterval) : 0, w.WriteBackRequests);
                w.Commit();
            }
            Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void A_small_file_asks_for_no_early_write_back()
    {
        string path = Path.Combine(_dir, "small.mrc");
        using (var w = new AtomicFileWriter(path))
        {
            w.Stream.Write(new byte[1024 * 1024]);
            w.WrittenSoFar();
            Assert.Equal(0, w.WriteBackRequests);
            w.Commit();
        }
        Assert.Equal(1024 * 1024, new FileInfo(path).Length);
    }

    [Fact]
    public void Appending_writes_back_only_what_is_added_and_keeps_the_old_content()
    {
        string path = Path.Combine(_dir, "append.mrc");
        byte[] old = Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(path, old);
        byte[] added = Enumerable.Range(0, 9 * 1024 * 1024).Select(i => (byte)(i * 7)).ToArray();
        using (var w = new AtomicFileWriter(path, copyExisting: true))
        {
            w.WrittenSoFar(); // counting starts after the copied content
            w.Stream.Write(added, 0, 7 * 1024 * 1024);
            w.WrittenSoFar();
            Assert.Equal(0, w.WriteBackRequests);
            w.Stream.Write(added, 7 * 1024 * 1024, 2 * 1024 * 1024);
            w.WrittenSoFar();
            Assert.Equal(DiskWriteBack.Supported ? 1 : 0, w.WriteBackRequests);
            w.Commit();
        }
        Assert.Equal(old.Concat(added).ToArray(), File.ReadAllBytes(path));
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
