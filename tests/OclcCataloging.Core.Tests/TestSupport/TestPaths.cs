using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>
/// Where the repository and the shared test corpus are. The repository root is the first folder holding
/// OclcCataloging.sln above <see cref="AppContext.BaseDirectory"/>, else above this source file as compiled, else
/// above the current directory (override: OCLC_REPO_ROOT); the corpus
/// is ../shared/corpus beside it (override: OCLC_CORPUS_DIR). Both are null when absent, so tests can skip.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string?> LazyRepoRoot = new(FindRepoRoot);
    private static readonly Lazy<string?> LazyCorpus = new(FindCorpus);

    public static string? RepoRoot => LazyRepoRoot.Value;

    /// <summary>The folder with the real MARC test files and MANIFEST.md, or null.</summary>
    public static string? CorpusDir => LazyCorpus.Value;

    /// <summary>A file in the corpus (check <see cref="CorpusDir"/> first).</summary>
    public static string CorpusFile(params string[] parts)
    {
        if (CorpusDir == null) throw new InvalidOperationException("The shared corpus is not available.");
        return Path.Combine(CorpusDir, Path.Combine(parts));
    }

    /// <summary>Why corpus tests cannot run, or null when they can.</summary>
    public static string? CorpusMissingReason =>
        CorpusDir != null ? null
        : RepoRoot == null
            ? "Corpus tests skipped: the repository root (folder with OclcCataloging.sln) was not found above " + AppContext.BaseDirectory + " and OCLC_REPO_ROOT is not set."
            : "Corpus tests skipped: the shared corpus was not found at " + Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus")) + " (set OCLC_CORPUS_DIR to use another folder).";

    private static readonly Lazy<string?> LazyFindings = new(() =>
    {
        if (RepoRoot == null) return null;
        string dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fuzz-findings"));
        return Directory.Exists(dir) ? dir : null;
    });

    /// <summary>The shared fuzzing findings (../shared/fuzz-findings: inputs that once broke the MARC core), or null.</summary>
    public static string? FuzzFindingsDir => LazyFindings.Value;

    /// <summary>Why tests over the shared fuzzing findings cannot run, or null when they can.</summary>
    public static string? FuzzFindingsMissingReason =>
        FuzzFindingsDir != null ? null
        : "Skipped: the shared fuzzing findings were not found at "
          + (RepoRoot == null ? "../shared/fuzz-findings (repository root not found)" : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fuzz-findings"))) + ".";

    private static string? FindRepoRoot()
    {
        string? env = Environment.GetEnvironmentVariable("OCLC_REPO_ROOT");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        // The build output may be outside the repository (OCLC_ARTIFACTS), so also look above this source file
        // (its path as compiled) and above the current directory.
        return FindAbove(AppContext.BaseDirectory) ?? FindAbove(Path.GetDirectoryName(SourceFile())) ?? FindAbove(Directory.GetCurrentDirectory());
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;

    private static string? FindAbove(string? start)
    {
        if (string.IsNullOrEmpty(start) || !Directory.Exists(start)) return null;
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OclcCataloging.sln"))) return dir.FullName;
        }
        return null;
    }

    private static string? FindCorpus()
    {
        string? env = Environment.GetEnvironmentVariable("OCLC_CORPUS_DIR");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        if (RepoRoot == null) return null;
        string dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));
        return File.Exists(Path.Combine(dir, "MANIFEST.md")) ? dir : null;
    }
}
