namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// A request as the simulator received it, for assertions (drift guard, headers, timing, "no action sent twice").
/// <see cref="OclcNumber"/> is the number the request acted on as sent (path, query or 004 of the body), <see cref="Institution"/>
/// the registry ID of the token's institution, <see cref="Outcome"/> what the simulator did (see <see cref="RequestOutcomes"/>).
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    int Status,
    string? OclcNumber = null,
    string? Institution = null,
    string? Outcome = null)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>True when the simulator changed its holdings/LHR state for this request (also when the reply was then lost).</summary>
    public bool Applied => Outcome != null && RequestOutcomes.Changes(Outcome);
}
