using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>Reference tools used as oracles (yaz-marcdump, Perl MARC::Record): finding and running them.</summary>
public static class ExternalTools
{
    private static readonly Lazy<string?> LazyYaz = new(() => FindOnPath("yaz-marcdump"));
    private static readonly Lazy<string?> LazyPerl = new(() => FindOnPath("perl"));
    private static readonly Lazy<bool> LazyPerlMarc = new(() => PerlHasModule("MARC::Batch"));
    private static readonly Lazy<bool> LazyPerlCharset = new(() => PerlHasModule("MARC::Charset"));

    private static bool PerlHasModule(string module)
    {
        if (Perl == null) return false;
        try
        {
            return Run(Perl, new[] { "-M" + module, "-e", "1" }, TimeSpan.FromSeconds(30)).ExitCode == 0;
        }
        catch
        {
            return false;
        }
    }

    public static string? YazMarcdump => LazyYaz.Value;

    /// <summary>True when perl and its MARC::Charset module (Debian libmarc-charset-perl) are installed.</summary>
    public static bool HasPerlMarcCharset => LazyPerlCharset.Value;

    public static string? Perl => LazyPerl.Value;

    /// <summary>True when perl and its MARC::Batch module (Debian libmarc-record-perl) are installed.</summary>
    public static bool HasPerlMarcBatch => LazyPerlMarc.Value;

    public static string? FindOnPath(string name)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        foreach (string dir in path.Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return candidate + ".exe";
        }
        return null;
    }

    public sealed record ToolResult(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs a program to completion (killing it after <paramref name="timeout"/>) and captures its output as Latin-1 text.</summary>
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.Latin1,
            StandardErrorEncoding = Encoding.Latin1,
        };
        foreach (string a in arguments) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + fileName);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException(fileName + " did not finish within " + timeout + ".");
        }
        p.WaitForExit();
        return new ToolResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
