using System.Diagnostics;
using System.Security.Cryptography;

namespace OclcCataloging.Fuzz;

/// <summary>
/// Random mutation fuzzing without afl: seeds are mutated (bit flips, byte changes, inserted and deleted runs,
/// dictionary tokens, splices of two seeds) and each input is checked against the target's contract for a fixed
/// time. No coverage feedback, so it finds less than afl-fuzz; it runs anywhere (CI smoke, Windows).
/// <c>run TARGET SECONDS [SEEDDIR|FILE]... [--out DIR] [--dict FILE] [--seed N] [--max-input BYTES] [--runs N]</c>
/// (<c>--runs</c> with <c>--seed</c> makes a run repeatable: the same inputs in the same order, as the CI smoke test needs).
/// A breach is minimised, saved to the output folder (input + .txt with the message) and counted; exit code 1
/// when there was any.
/// </summary>
public static class InProcessFuzzer
{
    private const int DefaultMaxInput = 64 * 1024;
    private const int MaxSeeds = 400;

    /// <summary>One input that takes longer than this is a breach of "bounded time per input".</summary>
    private static readonly TimeSpan InputTimeLimit = TimeSpan.FromSeconds(10);

    public static int Run(FuzzTarget target, string[] args)
    {
        if (args.Length < 1 || !double.TryParse(args[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds))
        {
            Console.Error.WriteLine("usage: run TARGET SECONDS [SEEDDIR|FILE]... [--out DIR] [--dict FILE] [--seed N] [--max-input BYTES] [--runs N]");
            return 2;
        }
        string outDir = Path.Combine("out", "fuzz", target.Name);
        string? dictPath = Path.Combine(AppContext.BaseDirectory, "marc.dict");
        int? seed = null;
        int maxInput = DefaultMaxInput;
        long maxRuns = long.MaxValue;
        var seedPaths = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out": outDir = args[++i]; break;
                case "--dict": dictPath = args[++i]; break;
                case "--seed": seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--max-input": maxInput = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--runs": maxRuns = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: seedPaths.Add(args[i]); break;
            }
        }

        var seeds = SeedCorpus.Load(target, seedPaths, maxInput, MaxSeeds);
        var tokens = dictPath != null && File.Exists(dictPath) ? FuzzDictionary.Load(dictPath) : new List<byte[]>();
        var random = seed.HasValue ? new Random(seed.Value) : new Random();
        var mutator = new Mutator(random, tokens, maxInput);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);

        // every seed as it is first: a seed that breaks the contract is the cheapest finding
        long runs = 0;
        var clock = Stopwatch.StartNew();
        foreach (byte[] s in seeds)
        {
            runs++;
            if (Check(target, s, out string? why)) continue;
            Record(target, s, why!, outDir, failures);
        }
        long mutated = 0;
        while (clock.Elapsed.TotalSeconds < seconds && mutated++ < maxRuns)
        {
            byte[] input = mutator.Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)]);
            runs++;
            if (Check(target, input, out string? why)) continue;
            Record(target, input, why!, outDir, failures);
        }
        double rate = runs / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine($"{target.Name}: {runs:N0} inputs in {clock.Elapsed.TotalSeconds:N0} s ({rate:N0}/s), {seeds.Count} seeds, {tokens.Count} tokens, {failures.Count} distinct breach(es)");
        foreach (var f in failures) Console.WriteLine($"  {f.Value}: {f.Key}");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>True when the input keeps the contract; otherwise the breach.</summary>
    internal static bool Check(FuzzTarget target, byte[] input, out string? why)
    {
        string? failure = null;
        var worker = new Thread(() =>
        {
            try { target.Check(input); }
            catch (ContractViolation e) { failure = e.Message; }
            catch (Exception e) { failure = "unexpected " + e.GetType().Name + ": " + e.Message; }
        }, 64 * 1024 * 1024) { IsBackground = true };
        worker.Start();
        if (!worker.Join(InputTimeLimit))
        {
            why = $"one input of {input.Length:N0} bytes took more than {InputTimeLimit.TotalSeconds:N0} s";
            return false;
        }
        why = failure;
        return failure == null;
    }

    private static void Record(FuzzTarget target, byte[] input, string why, string outDir, Dictionary<string, string> failures)
    {
        string kind = Kind(why);
        if (failures.ContainsKey(kind)) return;
        byte[] small = Minimiser.Minimise(target, input, kind, TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(outDir);
        string name = target.Name + "-" + Convert.ToHexString(SHA1.HashData(small)).Substring(0, 12).ToLowerInvariant();
        string path = Path.Combine(outDir, name + ".bin");
        File.WriteAllBytes(path, small);
        File.WriteAllText(Path.Combine(outDir, name + ".txt"), why + Environment.NewLine);
        failures[kind] = path;
        Console.WriteLine($"{target.Name}: BREACH ({small.Length:N0} bytes, minimised from {input.Length:N0}) {why} -> {path}");
    }

    /// <summary>A breach's kind: its message without the numbers, so one defect is saved once.</summary>
    internal static string Kind(string why)
    {
        var sb = new System.Text.StringBuilder(why.Length);
        bool digits = false;
        foreach (char c in why)
        {
            if (char.IsDigit(c) || c == ',') { if (!digits) sb.Append('#'); digits = true; }
            else { sb.Append(c); digits = false; }
        }
        string s = sb.ToString();
        return s.Length > 160 ? s.Substring(0, 160) : s;
    }
}
