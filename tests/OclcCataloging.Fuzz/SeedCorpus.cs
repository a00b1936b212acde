namespace OclcCataloging.Fuzz;

/// <summary>The seeds of a target: the files under the given folders that it reads, cut to the input limit.</summary>
internal static class SeedCorpus
{
    public static List<byte[]> Load(FuzzTarget target, IEnumerable<string> paths, int maxInput, int maxSeeds)
    {
        var files = new List<string>();
        foreach (string p in paths)
        {
            if (File.Exists(p)) files.Add(p);
            else if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(target.Seeds));
        }
        files.Sort(StringComparer.Ordinal);
        var seeds = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // small files first: they mutate into more distinct inputs per second
        foreach (string f in files.OrderBy(f => new FileInfo(f).Length))
        {
            if (seeds.Count >= maxSeeds) break;
            byte[] bytes = ReadStart(f, maxInput);
            if (seen.Add(Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(bytes)))) seeds.Add(bytes);
        }
        if (seeds.Count == 0) seeds.Add(target.FallbackSeed);
        return seeds;
    }

    private static byte[] ReadStart(string path, int max)
    {
        using var fs = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(fs.Length, max)];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = fs.Read(buffer, read, buffer.Length - read);
            if (n <= 0) break;
            read += n;
        }
        return read == buffer.Length ? buffer : buffer.AsSpan(0, read).ToArray();
    }
}
