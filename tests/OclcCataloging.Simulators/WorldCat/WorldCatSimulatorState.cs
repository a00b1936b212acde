using System.Collections.Concurrent;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>What the running simulator has done and will do: issued tokens, recorded requests, queued faults, counters.</summary>
public sealed class WorldCatSimulatorState
{
    private readonly object _gate = new();
    private readonly List<(string PathContains, SimulatedFault Fault)> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _window = new();
    private int _tokenRequests;
    private int _apiRequests;

    internal sealed record IssuedToken(string Value, DateTimeOffset ExpiresAt, string Scopes)
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
        lock (_gate) foreach (var f in faults) _faults.Add((pathContains, f));
    }

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
            var fault = _faults[i].Fault;
            _faults.RemoveAt(i);
            return fault;
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
