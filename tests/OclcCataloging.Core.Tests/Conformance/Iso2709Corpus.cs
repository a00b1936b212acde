using System.IO.Compression;
using System.Text.RegularExpressions;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>The ISO 2709 files of the shared corpus, read by us and by the reference tools.</summary>
internal static class Iso2709Corpus
{
    private static readonly string[] Extensions = { ".mrc", ".marc", ".usmarc", ".dat" };

    /// <summary>Every ISO 2709 file: *.mrc, *.marc, *.usmarc, *.dat and *.mrc.gz (decompressed in memory), by relative path.</summary>
    public static IReadOnlyList<string> Files()
    {
        string root = TestPaths.CorpusDir!;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)
                        || f.EndsWith(".mrc.gz", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    public static byte[] Bytes(string relativePath)
    {
        string path = TestPaths.CorpusFile(relativePath);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(path);
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    public static List<MarcReadResult> Read(byte[] data, string relativePath)
    {
        var list = new List<MarcReadResult>();
        using var reader = new Iso2709Reader(new MemoryStream(data, writable: false), relativePath);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r);
        return list;
    }

    /// <summary>Runs <paramref name="run"/> on a real file path (a temporary copy for compressed files).</summary>
    public static T WithPlainFile<T>(string relativePath, byte[] data, Func<string, T> run)
    {
        string path = TestPaths.CorpusFile(relativePath);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return run(path);
        string temp = Path.Combine(Path.GetTempPath(), "oclc-corpus-" + Guid.NewGuid().ToString("N") + ".mrc");
        File.WriteAllBytes(temp, data);
        try
        {
            return run(temp);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>yaz-marcdump's record count: <c>yaz-marcdump -n -r -i marc FILE</c> prints "records read: N" on stderr.</summary>
    public static int YazCount(string file)
    {
        var result = ExternalTools.Run(ExternalTools.YazMarcdump!, new[] { "-n", "-r", "-i", "marc", file }, TimeSpan.FromMinutes(2));
        var m = Regex.Match(result.StdErr + "\n" + result.StdOut, @"records read:\s*(\d+)");
        if (!m.Success) throw new InvalidOperationException("yaz-marcdump printed no record count for " + file + ": " + result.StdErr);
        return int.Parse(m.Groups[1].Value);
    }

    public sealed record PerlCounts(int Records, int RecordsWithFields, int Died);

    /// <summary>Perl MARC::Batch's counts, from tools/marc-batch-count.pl.</summary>
    public static PerlCounts PerlCount(string file)
    {
        string script = Path.Combine(TestPaths.RepoRoot!, "tests", "OclcCataloging.Core.Tests", "Conformance", "tools", "marc-batch-count.pl");
        var result = ExternalTools.Run(ExternalTools.Perl!, new[] { script, file }, TimeSpan.FromMinutes(5));
        int Get(string name)
        {
            var m = Regex.Match(result.StdOut, "^" + name + @":\s*(\d+)", RegexOptions.Multiline);
            if (!m.Success) throw new InvalidOperationException("marc-batch-count.pl printed no '" + name + "' for " + file + " (exit " + result.ExitCode + "): " + result.StdErr);
            return int.Parse(m.Groups[1].Value);
        }
        return new PerlCounts(Get("records"), Get("records_with_fields"), Get("died"));
    }
}
