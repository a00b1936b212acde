using System.Collections.Concurrent;
using OclcCataloging.Ils.Koha;
using OclcCataloging.Marc;

namespace OclcCataloging.Simulators.Koha;

/// <summary>The fake Koha's catalogue, staged batches and load counter. Thread-safe (one lock; the data are small).</summary>
public sealed class KohaCatalog
{
    private readonly object _gate = new();
    private readonly Dictionary<int, KohaBiblio> _biblios = new();
    private readonly Dictionary<string, int> _webserviceBatches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _loads = new(StringComparer.Ordinal);
    private readonly List<KohaStagedRecord> _staged = new();
    private int _nextBiblio = 100;
    private int _nextBatch = 1;

    /// <summary>How often each record (by 001, else 245 $a) was loaded: committed, replaced or staged.</summary>
    public IReadOnlyDictionary<string, int> Loads => new Dictionary<string, int>(_loads);

    public int LoadCount(string key) => _loads.TryGetValue(key, out int n) ? n : 0;

    public IReadOnlyList<KohaStagedRecord> Staged { get { lock (_gate) return _staged.ToList(); } }

    public KohaBiblio? Find(int id) { lock (_gate) return _biblios.TryGetValue(id, out var b) ? b : null; }

    public int BiblioCount { get { lock (_gate) return _biblios.Count; } }

    /// <summary>Adds a biblio directly (test setup: a record to match against).</summary>
    public int Seed(MarcRecord record)
    {
        lock (_gate) return AddLocked(record, "", count: false);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _biblios.Clear();
            _webserviceBatches.Clear();
            _staged.Clear();
            _loads.Clear();
            _nextBiblio = 100;
            _nextBatch = 1;
        }
    }

    public static string Key(MarcRecord record) => record.ControlNumber ?? record.GetValue("245", 'a') ?? "(no key)";

    /// <summary>svc/import_bib: stage the record in the webservice batch, find duplicates, commit when direct.</summary>
    public KohaSvcResult Import(MarcRecord record, KohaImportFields fields)
    {
        lock (_gate)
        {
            int? match = Match(record, fields.Match);
            var status = match == null ? KohaMatchStatus.NoMatch : KohaMatchStatus.AutoMatch;
            // Direct mode: a new batch per request (the daemon's help); stage: one batch per setting combination.
            string batchKey = fields.Match + "|" + fields.OverlayAction + "|" + fields.NomatchAction + "|" + fields.ItemAction;
            int batch;
            if (fields.IsDirect) batch = _nextBatch++;
            else if (!_webserviceBatches.TryGetValue(batchKey, out batch)) _webserviceBatches[batchKey] = batch = _nextBatch++;

            string matchStatus = status == KohaMatchStatus.NoMatch ? "no_match" : "auto_match";
            if (!fields.IsDirect)
            {
                _staged.Add(new KohaStagedRecord(batch, Key(record), matchStatus, match));
                Count(record);
                return new KohaSvcResult(batch, match?.ToString() ?? "", matchStatus);
            }

            var settings = new KohaImportSettings
            {
                OverlayAction = Typed<KohaOverlayAction>(KohaSettingNames.OverlayAction, fields.OverlayAction),
                NomatchAction = Typed<KohaNomatchAction>(KohaSettingNames.NomatchAction, fields.NomatchAction),
                ItemAction = Typed<KohaItemAction>(KohaSettingNames.ItemAction, fields.ItemAction),
                ImportMode = KohaImportMode.Direct,
            };
            KohaImportDecision d = KohaImportDecider.Decide(record, status, match != null, settings);
            string biblio = "";
            switch (d.BibAction)
            {
                case KohaRecordAction.CreateNew:
                    biblio = AddLocked(record, fields.Framework, count: true).ToString();
                    break;
                case KohaRecordAction.Replace:
                    _biblios[match!.Value] = new KohaBiblio(match.Value, record, fields.OverlayFramework.Length > 0 ? fields.OverlayFramework : _biblios[match.Value].Framework);
                    Count(record);
                    biblio = match.Value.ToString();
                    break;
                default:
                    biblio = match?.ToString() ?? "";
                    break;
            }
            return new KohaSvcResult(batch, biblio, matchStatus);
        }
    }

    /// <summary>REST: Koha's FindDuplicate (ISBN, else title) unless confirmed, then AddBiblio.</summary>
    public (int? Id, int? DuplicateOf) RestAdd(MarcRecord record, string framework, bool confirmNotDuplicate)
    {
        lock (_gate)
        {
            if (!confirmNotDuplicate)
            {
                int? dup = Match(record, "ISBN") ?? FindByTitle(record);
                if (dup != null) return (null, dup);
            }
            return (AddLocked(record, framework, count: true), null);
        }
    }

    public bool RestReplace(int id, MarcRecord record, string framework)
    {
        lock (_gate)
        {
            if (!_biblios.TryGetValue(id, out var old)) return false;
            _biblios[id] = new KohaBiblio(id, record, framework.Length > 0 ? framework : old.Framework);
            Count(record);
            return true;
        }
    }

    private int AddLocked(MarcRecord record, string framework, bool count)
    {
        int id = _nextBiblio++;
        _biblios[id] = new KohaBiblio(id, record, framework);
        if (count) Count(record);
        return id;
    }

    private void Count(MarcRecord record) => _loads.AddOrUpdate(Key(record), 1, (_, n) => n + 1);

    private int? Match(MarcRecord record, string matcher)
    {
        string? tag = matcher.ToUpperInvariant() switch { "ISBN" => "020", "ISSN" => "022", "KOHABIBLIO" => "999", _ => null };
        if (tag == null) return null;
        char code = tag == "999" ? 'c' : 'a';
        string? value = Normalize(record.GetValue(tag, code));
        if (value == null) return null;
        foreach (var b in _biblios.Values)
            if (Normalize(b.Record.GetValue(tag, code)) == value) return b.Id;
        return null;
    }

    private int? FindByTitle(MarcRecord record)
    {
        string? title = record.GetValue("245", 'a');
        if (title == null) return null;
        foreach (var b in _biblios.Values)
            if (b.Record.GetValue("245", 'a') == title) return b.Id;
        return null;
    }

    private static string? Normalize(string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        int space = v.IndexOf(' ');
        return (space > 0 ? v[..space] : v).Replace("-", "").Trim();
    }

    private static T? Typed<T>(string name, string value) where T : struct =>
        value.Length == 0 ? null : KohaDaemonConfig.ParseValue<T>(name, value);
}

public sealed record KohaBiblio(int Id, MarcRecord Record, string Framework);

public sealed record KohaStagedRecord(int Batch, string Key, string MatchStatus, int? MatchedBiblio);

public sealed record KohaSvcResult(int Batch, string Biblio, string MatchStatus);
