namespace OclcCataloging.Fuzz;

/// <summary>Cuts a failing input down while it fails the same way (delta debugging by halving chunk sizes).</summary>
internal static class Minimiser
{
    public static byte[] Minimise(FuzzTarget target, byte[] input, string kind, TimeSpan budget)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        byte[] best = input;
        for (int chunk = Math.Max(1, best.Length / 2); chunk >= 1 && clock.Elapsed < budget; chunk /= 2)
        {
            int at = 0;
            while (at < best.Length && clock.Elapsed < budget)
            {
                int len = Math.Min(chunk, best.Length - at);
                byte[] candidate = new byte[best.Length - len];
                Buffer.BlockCopy(best, 0, candidate, 0, at);
                Buffer.BlockCopy(best, at + len, candidate, at, best.Length - at - len);
                if (!InProcessFuzzer.Check(target, candidate, out string? why) && InProcessFuzzer.Kind(why!) == kind) best = candidate;
                else at += len;
            }
        }
        return best;
    }
}
