using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Fuzz;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Fuzz;

/// <summary>
/// What our own fuzzing found (Findings/TARGET-hash.bin, each a minimised input) still keeps its target's contract,
/// and every target keeps it on its in-repository seeds — so a fuzz target that rots fails here, not in a night run.
/// </summary>
public class FuzzTargetReplayTests
{
    private static string Root => TestPaths.RepoRoot ?? throw new InvalidOperationException("repository root not found");

    public static IEnumerable<object[]> Findings() =>
        Directory.EnumerateFiles(Path.Combine(Root, "tests", "OclcCataloging.Core.Tests", "Marc", "Fuzz", "Findings"), "*.bin")
            .Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Findings))]
    public void Finding_keeps_the_contract(string file)
    {
        string target = file.Substring(0, file.LastIndexOf('-'));
        var t = FuzzTargets.Find(target);
        Assert.NotNull(t);
        t!.Check(File.ReadAllBytes(Path.Combine(Root, "tests", "OclcCataloging.Core.Tests", "Marc", "Fuzz", "Findings", file)));
    }

    public static IEnumerable<object[]> Targets() => FuzzTargets.All.Select(t => new object[] { t.Name });

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_keeps_the_contract_on_its_seeds(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var dirs = new[] { Path.Combine(Root, "tests", "OclcCataloging.Fuzz", "seeds", name), Path.Combine(Root, "samples") };
        int checkedSeeds = 0;
        foreach (string dir in dirs.Where(Directory.Exists))
        {
            foreach (string file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(target.Seeds))
            {
                target.Check(File.ReadAllBytes(file));
                checkedSeeds++;
            }
        }
        Assert.True(checkedSeeds > 0, "no seed for target " + name);
    }

    /// <summary>
    /// The CI smoke: a fixed number of mutated inputs from a fixed random seed per target, so the run is the same
    /// every time and a regression in a reader or parser shows as a failing test (build.ps1 -Task Fuzz runs longer).
    /// </summary>
    [Theory]
    [MemberData(nameof(Targets))]
    public void Smoke_fuzzing_finds_no_breach(string name)
    {
        var target = FuzzTargets.Find(name)!;
        bool marc = new[] { "iso2709", "marcxml", "json", "mrk", "mrk8", "sniff" }.Contains(name);
        string outDir = Path.Combine(Path.GetTempPath(), "oclc-fuzz-smoke-" + Guid.NewGuid().ToString("N"));
        var args = new List<string> { "120" };
        args.AddRange(new[]
        {
            Path.Combine(Root, "tests", "OclcCataloging.Fuzz", "seeds", name), Path.Combine(Root, "samples"),
            Path.Combine(Root, "tests", "OclcCataloging.Core.Tests", "Search", "Sru", "Fixtures"),
        }.Where(Directory.Exists));
        args.AddRange(new[] { "--out", outDir, "--seed", "20261207", "--runs", marc ? "150" : "1500", "--max-input", "16384",
            "--dict", Path.Combine(Root, "tests", "OclcCataloging.Fuzz", "marc.dict") });
        try
        {
            var console = new StringWriter();
            var previous = Console.Out;
            Console.SetOut(console);
            int rc;
            try { rc = InProcessFuzzer.Run(target, args.ToArray()); }
            finally { Console.SetOut(previous); }
            Assert.True(rc == 0, console.ToString());
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void The_in_process_fuzzer_finds_a_planted_breach_and_saves_it_minimised()
    {
        string outDir = Path.Combine(Path.GetTempPath(), "oclc-fuzz-" + Guid.NewGuid().ToString("N"));
        var planted = new FuzzTarget("planted", "breaks on any input holding the byte 0x1D", new[] { "*" }, b =>
        {
            if (b.Contains((byte)0x1D)) throw new ContractViolation("planted breach");
        });
        try
        {
            string seedDir = Path.Combine(outDir, "seeds");
            Directory.CreateDirectory(seedDir);
            File.WriteAllBytes(Path.Combine(seedDir, "seed.bin"), System.Text.Encoding.ASCII.GetBytes("harmless text with no separators at all"));
            int rc = InProcessFuzzer.Run(planted, new[] { "3", seedDir, "--out", Path.Combine(outDir, "found"), "--seed", "7" });
            Assert.Equal(1, rc);
            string saved = Assert.Single(Directory.GetFiles(Path.Combine(outDir, "found"), "*.bin"));
            Assert.Equal(new byte[] { 0x1D }, File.ReadAllBytes(saved));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }
}
