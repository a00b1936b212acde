namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// The simulator's deterministic synthetic catalogue (our own invented records, no real WorldCat data).
/// The constants below are what tests, Pester scripts and the README demo search for.
/// </summary>
public sealed class WorldCatCatalogue
{
    /// <summary>Title word in exactly <see cref="TooManyWordHits"/> records (more than Connexion's 1,500: TooMany).</summary>
    public const string TooManyWord = "history";
    public const int TooManyWordHits = 1600;

    /// <summary>Title word in exactly <see cref="PagingWordHits"/> records (several 50-record pages).</summary>
    public const string PagingWord = "lighthouse";
    public const int PagingWordHits = 160;

    /// <summary>"The magic flute : an opera in two acts", Mozart; ocm 8-digit 001; the derived key moza,magi finds it.</summary>
    public const long MagicFluteOcn = 12345678;
    public const string MagicFluteIsbn = "9780000000019";
    public const string MagicFluteLccn = "91012345";
    /// <summary>Former numbers merged into <see cref="MagicFluteOcn"/>.</summary>
    public const long MagicFluteMergedOcn = 1234567;
    public const long MagicFluteMergedOcn2 = 2345678;

    /// <summary>A serial with an ISSN; 9-digit number (001 ocn…).</summary>
    public const long SerialOcn = 987654321;
    public const string SerialIssn = "1234-5679";
    public const string SerialTitle = "Journal of synthetic cataloguing";

    /// <summary>A 10-digit number (001 on…), with one merged former number.</summary>
    public const long CartographerOcn = 1234567890;
    public const long CartographerMergedOcn = 5555555;
    public const string CartographerTitle = "The quiet cartographer";

    /// <summary>Numbers WorldCat does not have: by default the first answers 400 BAD_REQUEST/NOT_FOUND, the second 404.</summary>
    public const long MissingOcn = 99999999;
    public const long Missing404Ocn = 88888888;

    private static readonly string[] Places = { "Aberdeen", "Bergen", "Cork", "Dunedin", "Esbjerg", "Falmouth", "Galway", "Hobart", "Inverness", "Juneau" };
    private static readonly string[] Names = { "Ada", "Bram", "Cleo", "Dara", "Emil", "Fern", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena" };

    private readonly List<SimulatedBib> _records = new();
    private readonly Dictionary<long, SimulatedBib> _byNumber = new();

    public IReadOnlyList<SimulatedBib> Records => _records;

    public static WorldCatCatalogue CreateDefault()
    {
        var c = new WorldCatCatalogue();
        c.Add(new SimulatedBib
        {
            OclcNumber = MagicFluteOcn, Title = "The magic flute : an opera in two acts", Author = "Mozart, Wolfgang Amadeus, 1756-1791",
            Date = "1991", Publisher = "Synthetic Music Press", PublicationPlace = "New York", Isbns = new[] { MagicFluteIsbn, "0000000019" },
            Lccn = MagicFluteLccn, Subjects = new[] { "Operas -- Librettos" }, MergedOclcNumbers = new[] { MagicFluteMergedOcn, MagicFluteMergedOcn2 },
        });
        c.Add(new SimulatedBib
        {
            OclcNumber = SerialOcn, Title = SerialTitle, Date = "1999", Publisher = "Simulated Society", PublicationPlace = "London",
            Issn = SerialIssn, Subjects = new[] { "Cataloging -- Periodicals" },
        });
        c.Add(new SimulatedBib
        {
            OclcNumber = CartographerOcn, Title = CartographerTitle, Author = "Okafor, Ada", Date = "2019", Publisher = "Loopback Books",
            Isbns = new[] { Isbn13(900000001) }, Subjects = new[] { "Maps -- Fiction" }, MergedOclcNumbers = new[] { CartographerMergedOcn },
        });
        for (int n = 1; n <= PagingWordHits; n++)
        {
            c.Add(new SimulatedBib
            {
                OclcNumber = 200_000_000 + n, Title = $"The {PagingWord} at {Places[n % Places.Length]} : volume {n}",
                Author = $"Keeper, {Names[n % Names.Length]}", Date = (1950 + n % 70).ToString(), Publisher = "Harbour Press",
                PublicationPlace = n % 5 == 0 ? null : Places[(n + 3) % Places.Length], Isbns = new[] { Isbn13(100_000_000 + n) },
                Subjects = new[] { "Lighthouses -- Fiction" },
            });
        }
        for (int n = 1; n <= TooManyWordHits; n++)
        {
            c.Add(new SimulatedBib
            {
                OclcNumber = 300_000_000 + n, Title = $"A {TooManyWord} of {Places[n % Places.Length]} : part {n}",
                Author = n % 7 == 0 ? null : $"Chronicler, {Names[n % Names.Length]}", Date = (1900 + n % 120).ToString(),
                Publisher = "Annals Press", Isbns = new[] { Isbn13(300_000_000 + n) }, Subjects = new[] { $"{Places[n % Places.Length]} -- History" },
            });
        }
        return c;
    }

    public void Add(SimulatedBib bib)
    {
        _records.Add(bib);
        _byNumber[bib.OclcNumber] = bib;
        foreach (var merged in bib.MergedOclcNumbers) _byNumber[merged] = bib;
    }

    /// <summary>
    /// Makes <paramref name="former"/> a merged number of the record <paramref name="current"/> (as if OCLC merged a duplicate):
    /// reads, current-number look-ups and holdings actions on it reach that record. Its 019 is not rewritten.
    /// </summary>
    public void AddMergedNumber(long former, long current)
    {
        var bib = Find(current) ?? throw new ArgumentException("No record " + current + " to merge " + former + " into.");
        if (_records.Any(r => r.OclcNumber == former)) throw new ArgumentException(former + " is a record of its own; it cannot be merged.");
        _byNumber[former] = bib;
    }

    /// <summary>The current record for a number (merged numbers give their master), or null.</summary>
    public SimulatedBib? Find(long oclcNumber) => _byNumber.GetValueOrDefault(oclcNumber);

    /// <summary>The ISBN-13 978 + 9 digits + check digit.</summary>
    public static string Isbn13(long nineDigits)
    {
        var body = "978" + nineDigits.ToString("D9");
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (body[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return body + ((10 - sum % 10) % 10);
    }
}
