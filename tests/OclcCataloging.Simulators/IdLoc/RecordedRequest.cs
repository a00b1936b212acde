namespace OclcCataloging.Simulators.IdLoc;

/// <summary>A request the simulator received: Path is decoded; RawTarget is the request-target as sent.</summary>
public sealed record RecordedRequest(string Method, string Path, string RawTarget, string Query, string? UserAgent);
