namespace OclcCataloging.Fuzz;

/// <summary>
/// <c>OclcCataloging.Fuzz list</c>; <c>afl TARGET</c> (under afl-fuzz, SharpFuzz instrumented);
/// <c>run TARGET SECONDS SEEDDIR... [--out DIR]</c> (in-process random mutation, no afl);
/// <c>replay TARGET FILE...</c> (checks the files once); <c>seeds TARGET OUTDIR SEEDPATH...</c> (a seed folder for afl).
/// </summary>
public static class FuzzCommandLine
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] == "list")
        {
            foreach (var t in FuzzTargets.All) Console.WriteLine(t.Name + "\t" + t.Description);
            return args.Length == 0 ? 2 : 0;
        }
        if (args.Length < 2) { Console.Error.WriteLine("usage: afl|run|replay TARGET ..."); return 2; }
        FuzzTarget? target = FuzzTargets.Find(args[1]);
        if (target == null) { Console.Error.WriteLine("unknown target '" + args[1] + "'"); return 2; }
        switch (args[0])
        {
            case "afl":
                SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
                {
                    var ms = new MemoryStream();
                    stream.CopyTo(ms);
                    target.Check(ms.ToArray());
                });
                return 0;
            case "replay":
                int failed = 0;
                foreach (string file in args.Skip(2))
                {
                    try { target.Check(File.ReadAllBytes(file)); }
                    catch (ContractViolation e) { failed++; Console.WriteLine(file + ": " + e.Message); }
                }
                return failed == 0 ? 0 : 1;
            case "seeds":
                // afl-fuzz wants one folder of small seed files
                if (args.Length < 3) { Console.Error.WriteLine("usage: seeds TARGET OUTDIR SEEDPATH..."); return 2; }
                Directory.CreateDirectory(args[2]);
                int n = 0;
                foreach (byte[] seed in SeedCorpus.Load(target, args.Skip(3), 16 * 1024, 64))
                    File.WriteAllBytes(Path.Combine(args[2], "seed" + (n++).ToString("D3") + ".bin"), seed);
                return 0;
            case "run":
                return InProcessFuzzer.Run(target, args.Skip(2).ToArray());
            default:
                Console.Error.WriteLine("unknown mode '" + args[0] + "'");
                return 2;
        }
    }
}
