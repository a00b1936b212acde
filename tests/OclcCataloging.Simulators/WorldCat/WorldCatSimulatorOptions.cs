using System.Globalization;

namespace OclcCataloging.Simulators.WorldCat;

public enum NotFoundShape
{
    /// <summary>400 {"type":"BAD_REQUEST","title":"Unable to perform the bib read operation.","detail":{"summary":"NOT_FOUND",…}}.</summary>
    BadRequest400,
    /// <summary>404 {"type":"NOT_FOUND","title":"Resource Not Found","detail":"The specified resource was not found at this address."}.</summary>
    NotFound404,
}

public enum RetryAfterStyle
{
    Seconds,
    HttpDate,
    None,
}

/// <summary>
/// Settings of the WorldCat simulator. Read on every request, so tests may change them while it runs.
/// Command line: <c>worldcat --port N --client-id ID --client-secret SECRET --scopes "…" --token-lifetime S
/// --offset-base 0|1 --rate-limit N --rate-window S --retry-after S --retry-after-style seconds|date|none
/// --daily-limit N --latency-ms MS --partial-content --expires-in-string --held RANGES --held-with-lhr RANGES --held-with-lbd RANGES
/// --lhr-library CODE --merge FORMER=CURRENT,… --number-fault RANGES=KIND[*TIMES] --fault PATH=KIND[*TIMES]</c> (README.md).
/// </summary>
public sealed class WorldCatSimulatorOptions
{
    public const string DefaultClientId = "simulator-client";
    public const string DefaultClientSecret = "simulator-secret";

    public int Port { get; set; }
    public string ClientId { get; set; } = DefaultClientId;
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>Scopes on the key; "WorldCatMetadataAPI" covers every WorldCatMetadataAPI:… scope.</summary>
    public string KeyScopes { get; set; } = "WorldCatMetadataAPI";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(1199);

    /// <summary>Send expires_in as a string ("1199"), as in OCLC's older example.</summary>
    public bool ExpiresInAsString { get; set; }

    /// <summary>Record number of the first brief result: 0 as the spec says, or 1 as bookops assumes (doc §8 Q1).</summary>
    public int OffsetBase { get; set; }

    /// <summary>Answer brief-bibs with 206 instead of 200 (documented, meaning unknown).</summary>
    public bool PartialContent { get; set; }

    /// <summary>API requests allowed per <see cref="RateLimitWindow"/> before 429 (0 = no limit).</summary>
    public int RateLimitRequests { get; set; }
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);
    public RetryAfterStyle RateLimitRetryAfterStyle { get; set; } = RetryAfterStyle.Seconds;
    public int RateLimitRetryAfterSeconds { get; set; } = 1;
    public bool RateLimitJsonBody { get; set; } = true;

    /// <summary>API requests allowed in total (the simulator's "day"); beyond it 429 with Retry-After 86400 (0 = no limit).</summary>
    public int DailyLimit { get; set; }

    /// <summary>Delay added to every response.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How unknown numbers answer by default, and per-number exceptions.</summary>
    public NotFoundShape DefaultNotFoundShape { get; set; } = NotFoundShape.BadRequest400;
    public Dictionary<long, NotFoundShape> NotFoundShapes { get; } = new() { [WorldCatCatalogue.Missing404Ocn] = NotFoundShape.NotFound404 };

    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public WorldCatCatalogue Catalogue { get; set; } = WorldCatCatalogue.CreateDefault();

    /// <summary>Institutions a token may act for; the first is the default (a token without a context:{registryID} scope).</summary>
    public List<SimulatedInstitution> Institutions { get; } = new() { new("00001", "SIM"), new("00002", "SIMB") };

    public SimulatedInstitution DefaultInstitution => Institutions[0];

    /// <summary>Start-up holdings of the default institution (read once, when the simulator starts): numbers held.</summary>
    public HashSet<long> SeedHeld { get; } = new();

    /// <summary>Numbers held with one LHR each (852 $b <see cref="SeedLhrLibraryCode"/>, 876 $p "B" + number).</summary>
    public HashSet<long> SeedLhrs { get; } = new();

    /// <summary>Numbers held with local bibliographic data attached (an unset without cascade is blocked by them).</summary>
    public HashSet<long> SeedLbds { get; } = new();

    public string SeedLhrLibraryCode { get; set; } = "MAIN";

    /// <summary>Extra seeded LHRs (the command line's --lhr): held, with one LHR at that holding library, under that control number when given.</summary>
    public List<(long OclcNumber, string LibraryCode, long? ControlNumber)> SeedLhrsAt { get; } = new();

    /// <summary>Faults by OCLC number queued when the simulator starts (the command line's --number-fault).</summary>
    public List<(long OclcNumber, string Kind, int Times)> NumberFaults { get; } = new();

    /// <summary>Faults by path queued when the simulator starts (the command line's --fault).</summary>
    public List<(string PathContains, string Kind, int Times)> PathFaults { get; } = new();

    public static WorldCatSimulatorOptions FromArguments(string[] args)
    {
        var o = new WorldCatSimulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i].TrimStart('-').ToLowerInvariant();
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value.");
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            switch (name)
            {
                case "port": o.Port = Int(); break;
                case "client-id": o.ClientId = Value(); break;
                case "client-secret": o.ClientSecret = Value(); break;
                case "scopes": o.KeyScopes = Value(); break;
                case "token-lifetime": o.TokenLifetime = TimeSpan.FromSeconds(Int()); break;
                case "expires-in-string": o.ExpiresInAsString = true; break;
                case "offset-base": o.OffsetBase = Int(); break;
                case "partial-content": o.PartialContent = true; break;
                case "rate-limit": o.RateLimitRequests = Int(); break;
                case "rate-window": o.RateLimitWindow = TimeSpan.FromSeconds(Int()); break;
                case "retry-after": o.RateLimitRetryAfterSeconds = Int(); break;
                case "retry-after-style":
                    o.RateLimitRetryAfterStyle = Value().ToLowerInvariant() switch
                    {
                        "seconds" => RetryAfterStyle.Seconds,
                        "date" => RetryAfterStyle.HttpDate,
                        "none" => RetryAfterStyle.None,
                        var v => throw new ArgumentException("--retry-after-style: seconds, date or none, not " + v),
                    };
                    break;
                case "daily-limit": o.DailyLimit = Int(); break;
                case "latency-ms": o.Latency = TimeSpan.FromMilliseconds(Int()); break;
                case "held": o.SeedHeld.UnionWith(NumberRanges.Parse(Value())); break;
                case "held-with-lhr": o.SeedLhrs.UnionWith(NumberRanges.Parse(Value())); break;
                case "held-with-lbd": o.SeedLbds.UnionWith(NumberRanges.Parse(Value())); break;
                case "lhr-library": o.SeedLhrLibraryCode = Value(); break;
                case "bib":
                    foreach (var n in NumberRanges.Parse(Value()))
                        if (o.Catalogue.Find(n) == null) o.Catalogue.Add(new SimulatedBib { OclcNumber = n, Title = $"A simulated record : number {n}", Publisher = "Loopback Books" });
                    break;
                case "lhr": o.SeedLhrsAt.AddRange(NumberRanges.ParseLhrs(Value())); break;
                case "merge":
                    foreach (var (former, current) in NumberRanges.ParsePairs(Value())) o.Catalogue.AddMergedNumber(former, current);
                    break;
                case "number-fault":
                    {
                        var (target, kind, times) = FaultSpec(Value());
                        foreach (var n in NumberRanges.Parse(target)) o.NumberFaults.Add((n, kind, times));
                    }
                    break;
                case "fault":
                    {
                        var (target, kind, times) = FaultSpec(Value());
                        o.PathFaults.Add((target, kind, times));
                    }
                    break;
                default: throw new ArgumentException("Unknown worldcat simulator option: " + args[i]);
            }
        }
        if (o.OffsetBase is not (0 or 1)) throw new ArgumentException("--offset-base must be 0 or 1.");
        return o;
    }

    /// <summary>"TARGET=KIND" or "TARGET=KIND*TIMES" (TIMES 0 or absent: every matching request); the kind is checked here.</summary>
    private static (string Target, string Kind, int Times) FaultSpec(string spec)
    {
        int eq = spec.LastIndexOf('=');
        if (eq <= 0) throw new ArgumentException("A fault is TARGET=KIND[*TIMES], not " + spec);
        var kind = spec[(eq + 1)..];
        int times = 0;
        int star = kind.IndexOf('*');
        if (star >= 0)
        {
            times = int.Parse(kind[(star + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            kind = kind[..star];
        }
        SimulatedFault.Parse(kind);
        return (spec[..eq], kind, times);
    }
}
