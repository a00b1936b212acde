namespace OclcCataloging.Core.Tests.Search.Batch;

/// <summary>A fresh temporary folder per test, deleted afterwards.</summary>
internal sealed class BatchTestFolder : IDisposable
{
    public BatchTestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oclc-batch-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
