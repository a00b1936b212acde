namespace OclcCataloging.Simulators.WorldCat;

/// <summary>A request as the simulator received it, for assertions (drift guard, headers, timing).</summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    int Status)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
