using System.Globalization;
using OclcCataloging.Marc;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>What an unset did or why it did not.</summary>
public enum UnsetResult
{
    Unset,
    UnsetCascaded,
    AlreadyUnset,
    BlockedByLhrs,
    BlockedByLbds,
    BlockedByLbdsAndLhrs,
}

/// <summary>
/// Per-institution holdings, local holdings records and local bibliographic data markers, keyed by the current OCLC number.
/// Thread-safe; seeded from <see cref="WorldCatSimulatorOptions"/> for the default institution.
/// </summary>
public sealed class WorldCatHoldings
{
    public const long FirstLhrControlNumber = 700_000_001;

    private static readonly DateTimeOffset SeedTime = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<long>> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<long>> _lbds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, StoredLhr> _lhrs = new();
    private long _nextControlNumber = FirstLhrControlNumber;

    internal WorldCatHoldings(WorldCatSimulatorOptions options) => Seed(options);

    /// <summary>Forgets every change: back to the seeded holdings, LHRs (same control numbers) and LBD markers.</summary>
    public void Reset(WorldCatSimulatorOptions options)
    {
        lock (_gate)
        {
            _held.Clear();
            _lbds.Clear();
            _lhrs.Clear();
            _nextControlNumber = FirstLhrControlNumber;
            Seed(options);
        }
    }

    private void Seed(WorldCatSimulatorOptions options)
    {
        var institution = options.DefaultInstitution;
        foreach (var n in options.SeedHeld) Set(institution.RegistryId, n);
        foreach (var n in options.SeedLbds) { Set(institution.RegistryId, n); Of(_lbds, institution.RegistryId).Add(n); }
        foreach (var n in options.SeedLhrs)
        {
            Set(institution.RegistryId, n);
            AddLhr(institution.RegistryId, n, SeedLhr(n, institution.Symbol, options.SeedLhrLibraryCode), null);
        }
        foreach (var (n, library, controlNumber) in options.SeedLhrsAt)
        {
            Set(institution.RegistryId, n);
            AddLhr(institution.RegistryId, n, SeedLhr(n, institution.Symbol, library), controlNumber);
        }
    }

    /// <summary>A minimal LHR as OCLC's example shapes it: 004 the bib, 852 $a symbol $b library $c shelving location, 876 $p barcode.</summary>
    public static MarcRecord SeedLhr(long oclcNumber, string symbol, string libraryCode)
    {
        var record = new MarcRecord(new Leader("00000nx  a2200000zi 4500"));
        record.AddControlField("004", oclcNumber.ToString(CultureInfo.InvariantCulture));
        record.AddControlField("007", "zu");
        record.AddControlField("008", "1103280p    0   4001uueng0210908");
        record.AddDataField("852", "  ", "a", symbol, "b", libraryCode, "c", libraryCode + "-STACKS");
        record.AddDataField("876", "  ", "p", "B" + oclcNumber.ToString(CultureInfo.InvariantCulture));
        return record;
    }

    public bool IsHeld(string registryId, long oclcNumber)
    {
        lock (_gate) return Of(_held, registryId).Contains(oclcNumber);
    }

    /// <summary>Numbers the institution holds, ascending.</summary>
    public IReadOnlyList<long> Held(string registryId)
    {
        lock (_gate) return Of(_held, registryId).OrderBy(n => n).ToList();
    }

    /// <summary>The institution's LHRs (all of them, or those for one current OCLC number), by control number.</summary>
    public IReadOnlyList<StoredLhr> Lhrs(string registryId, long? oclcNumber = null)
    {
        lock (_gate)
            return _lhrs.Values.Where(l => l.RegistryId == registryId && (oclcNumber == null || l.OclcNumber == oclcNumber))
                .OrderBy(l => l.ControlNumber).ToList();
    }

    /// <summary>False when the holding was already set.</summary>
    public bool Set(string registryId, long oclcNumber)
    {
        lock (_gate) return Of(_held, registryId).Add(oclcNumber);
    }

    public UnsetResult Unset(string registryId, long oclcNumber, bool cascadeDelete)
    {
        lock (_gate)
        {
            var held = Of(_held, registryId);
            if (!held.Contains(oclcNumber)) return UnsetResult.AlreadyUnset;
            var lhrs = _lhrs.Values.Where(l => l.RegistryId == registryId && l.OclcNumber == oclcNumber).Select(l => l.ControlNumber).ToList();
            bool lbd = Of(_lbds, registryId).Contains(oclcNumber);
            if (!cascadeDelete && (lhrs.Count > 0 || lbd))
                return lbd && lhrs.Count > 0 ? UnsetResult.BlockedByLbdsAndLhrs : lbd ? UnsetResult.BlockedByLbds : UnsetResult.BlockedByLhrs;
            held.Remove(oclcNumber);
            foreach (var cn in lhrs) _lhrs.Remove(cn);
            Of(_lbds, registryId).Remove(oclcNumber);
            return lhrs.Count > 0 || lbd ? UnsetResult.UnsetCascaded : UnsetResult.Unset;
        }
    }

    public StoredLhr? FindLhr(string registryId, long controlNumber)
    {
        lock (_gate) return _lhrs.TryGetValue(controlNumber, out var l) && l.RegistryId == registryId ? l : null;
    }

    /// <summary>
    /// Stores an LHR (a new control number, or <paramref name="controlNumber"/> for a PUT), stamps 001 and 005 and sets the
    /// holding on the bib (INFERRED: WorldCat sets holdings when an LHR is added).
    /// </summary>
    public StoredLhr AddLhr(string registryId, long oclcNumber, MarcRecord record, long? controlNumber, DateTimeOffset? stamped = null)
    {
        lock (_gate)
        {
            long cn = controlNumber ?? _nextControlNumber++;
            if (cn >= _nextControlNumber) _nextControlNumber = cn + 1;
            var stored = record.Clone();
            stored.RemoveFields("001", "005");
            stored.InsertFieldInOrder(new ControlField("001", cn.ToString(CultureInfo.InvariantCulture)));
            stored.InsertFieldInOrder(new ControlField("005", (stamped ?? SeedTime).UtcDateTime.ToString("yyyyMMddHHmmss.f", CultureInfo.InvariantCulture)));
            var lhr = new StoredLhr(cn, oclcNumber, registryId, stored);
            _lhrs[cn] = lhr;
            Of(_held, registryId).Add(oclcNumber);
            return lhr;
        }
    }

    /// <summary>Whether another institution owns this control number (a PUT must not take it over).</summary>
    public bool ExistsElsewhere(string registryId, long controlNumber)
    {
        lock (_gate) return _lhrs.TryGetValue(controlNumber, out var l) && l.RegistryId != registryId;
    }

    public StoredLhr? DeleteLhr(string registryId, long controlNumber)
    {
        lock (_gate)
        {
            if (!_lhrs.TryGetValue(controlNumber, out var l) || l.RegistryId != registryId) return null;
            _lhrs.Remove(controlNumber);
            return l;
        }
    }

    private static HashSet<long> Of(Dictionary<string, HashSet<long>> map, string registryId)
    {
        if (!map.TryGetValue(registryId, out var set)) map[registryId] = set = new HashSet<long>();
        return set;
    }
}
