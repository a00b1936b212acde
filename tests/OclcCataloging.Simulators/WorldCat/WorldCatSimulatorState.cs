using System.Collections.Concurrent;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>What the running simulator has done and will do: issued tokens, recorded requests, queued faults, counters, holdings.</summary>
public sealed class WorldCatSimulatorState
{
    private readonly object _gate = new();
    private readonly List<QueuedFault> _faults = new();
    private readonly Dictionary<long, (SimulatedFault Fault, int Remaining)> _numberFaults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _window = new();
    private int _tokenRequests;
    private int _apiRequests;

    internal WorldCatSimulatorState(WorldCatSimulatorOptions options)
    {
        Holdings = new WorldCatHoldings(options);
        foreach (var (number, kind, times) in options.NumberFaults) InjectForNumber(number, SimulatedFault.Parse(kind), times);
        foreach (var (path, kind, times) in options.PathFaults) InjectRepeated(path, SimulatedFault.Parse(kind), times);
    }

    private sealed class QueuedFault(string pathContains, SimulatedFault fault, int remaining)
    {
        public string PathContains { get; } = pathContains;
        public SimulatedFault Fault { get; } = fault;
        public int Remaining { get; set; } = remaining;
    }

    internal sealed record IssuedToken(string Value, DateTimeOffset ExpiresAt, string Scopes, SimulatedInstitution Institution)
    {
        public bool Revoked { get; set; }
    }

    /// <summary>Requests to the token endpoint, successful or not.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Tokens issued.</summary>
    public int TokensIssued => _tokens.Count;

    /// <summary>Requests under /worldcat that passed authentication (what the daily limit counts).</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Makes every token issued so far invalid (the API then answers 401).</summary>
    public void RevokeAllTokens()
    {
        foreach (var token in _tokens.Values) token.Revoked = true;
    }

    /// <summary>Queues faults, each used once by the next request whose path contains <paramref name="pathContains"/>.</summary>
    public void Inject(string pathContains, params SimulatedFault[] faults)
    {
        lock (_gate) foreach (var f in faults) _faults.Add(new QueuedFault(pathContains, f, 1));
    }

    /// <summary>Queues one fault for the next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> (0: all of them).</summary>
    public void InjectRepeated(string pathContains, SimulatedFault fault, int times = 0)
    {
        lock (_gate) _faults.Add(new QueuedFault(pathContains, fault, times == 0 ? int.MaxValue : times));
    }

    /// <summary>
    /// Makes requests that act on <paramref name="oclcNumber"/> (as sent: path, oclcNumbers query or the LHR's 004) misbehave,
    /// <paramref name="times"/> times, or every time when 0. Replaces an earlier fault for that number.
    /// </summary>
    public void InjectForNumber(long oclcNumber, SimulatedFault fault, int times = 0)
    {
        lock (_gate) _numberFaults[oclcNumber] = (fault, times == 0 ? int.MaxValue : times);
    }

    /// <summary>Holdings, LHRs and LBD markers per institution.</summary>
    public WorldCatHoldings Holdings { get; }

    /// <summary>Requests that acted on an OCLC number, grouped by it: method + path + outcome, for "no action sent twice".</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string oclcNumber) => Requests.Where(r => r.OclcNumber == oclcNumber).ToList();

    public int PendingFaults
    {
        get { lock (_gate) return _faults.Count; }
    }

    public void ClearRequests() => _requests.Clear();

    internal SimulatedFault? TakeFault(string path)
    {
        lock (_gate)
        {
            int i = _faults.FindIndex(f => path.Contains(f.PathContains, StringComparison.OrdinalIgnoreCase));
            if (i < 0) return null;
            var queued = _faults[i];
            if (queued.Remaining == 1) _faults.RemoveAt(i);
            else if (queued.Remaining != int.MaxValue) queued.Remaining--;
            return queued.Fault;
        }
    }

    internal bool HasNumberFault(long oclcNumber)
    {
        lock (_gate) return _numberFaults.ContainsKey(oclcNumber);
    }

    internal SimulatedFault? TakeNumberFault(long oclcNumber)
    {
        lock (_gate)
        {
            if (!_numberFaults.TryGetValue(oclcNumber, out var f)) return null;
            if (f.Remaining == 1) _numberFaults.Remove(oclcNumber);
            else if (f.Remaining != int.MaxValue) _numberFaults[oclcNumber] = (f.Fault, f.Remaining - 1);
            return f.Fault;
        }
    }

    internal void Record(RecordedRequest request) => _requests.Enqueue(request);

    internal void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    internal int CountApiRequest() => Interlocked.Increment(ref _apiRequests);

    internal void AddToken(IssuedToken token) => _tokens[token.Value] = token;

    internal IssuedToken? FindToken(string value) => _tokens.GetValueOrDefault(value);

    /// <summary>Counts a request in the sliding window; false when the window is already full.</summary>
    internal bool TryEnterWindow(DateTimeOffset now, int limit, TimeSpan window)
    {
        lock (_gate)
        {
            while (_window.Count > 0 && _window.Peek() <= now - window) _window.Dequeue();
            if (_window.Count >= limit) return false;
            _window.Enqueue(now);
            return true;
        }
    }
}
