namespace OclcCataloging.Fuzz;

/// <summary>One fuzzing target: a name, the file extensions of its seeds, and the contract check for one input.</summary>
public sealed class FuzzTarget
{
    public FuzzTarget(string name, string description, string[] seedExtensions, Action<byte[]> check)
    {
        Name = name;
        Description = description;
        SeedExtensions = seedExtensions;
        Check = check;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Extensions (".mrc") of the files that seed it; "*" for any.</summary>
    public string[] SeedExtensions { get; }

    /// <summary>Throws <see cref="ContractViolation"/> when the input breaks the contract.</summary>
    public Action<byte[]> Check { get; }

    /// <summary>The seed when no seed file matches: a tiny valid-looking input of the right kind.</summary>
    public byte[] FallbackSeed { get; init; } = System.Text.Encoding.ASCII.GetBytes("00026nam a2200025 a 4500\u001e\u001d");

    public bool Seeds(string path) =>
        SeedExtensions.Contains("*") || SeedExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
