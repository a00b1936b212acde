namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// A misbehaviour for a matching request: an error status, a connection dropped before the request is applied
/// (<see cref="ConnectionReset"/>) or after it was applied (<see cref="LostReply"/>: the outcome is unknown to the client),
/// or a delay. Queued by path (<see cref="WorldCatSimulatorState.Inject"/>) or by OCLC number (<see cref="WorldCatSimulatorState.InjectForNumber"/>).
/// </summary>
public sealed class SimulatedFault
{
    private SimulatedFault() { }

    public int? Status { get; private init; }
    public string? Body { get; private init; }
    public string ContentType { get; private init; } = "application/json";
    /// <summary>Retry-After in seconds; sent as a number or, with <see cref="RetryAfterAsDate"/>, as an HTTP-date that far ahead.</summary>
    public int? RetryAfterSeconds { get; private init; }
    public bool RetryAfterAsDate { get; private init; }
    public bool Abort { get; private init; }
    /// <summary>Serve the request (state changes happen) and then drop the connection instead of answering.</summary>
    public bool LoseReply { get; private init; }
    /// <summary>Wait this long first; without a status the request is then served normally.</summary>
    public TimeSpan Delay { get; private init; }

    public static SimulatedFault WithStatus(int status, string? body, int? retryAfterSeconds = null, bool retryAfterAsDate = false) =>
        new() { Status = status, Body = body, RetryAfterSeconds = retryAfterSeconds, RetryAfterAsDate = retryAfterAsDate };

    public static SimulatedFault TooManyRequests(int? retryAfterSeconds = null, bool asDate = false, bool jsonBody = true) =>
        WithStatus(429, jsonBody ? WorldCatBodies.TooManyRequests : null, retryAfterSeconds, asDate);

    public static SimulatedFault ServiceUnavailable(int? retryAfterSeconds = null) =>
        WithStatus(503, WorldCatBodies.Error("SERVICE_UNAVAILABLE", "Service Unavailable", "The service is temporarily unavailable."), retryAfterSeconds);

    public static SimulatedFault ServerError() => WithStatus(500, WorldCatBodies.SystemError);

    public static SimulatedFault BadGateway() => WithStatus(502, "{\"message\":\"Bad Gateway\"}");

    public static SimulatedFault GatewayTimeout() => WithStatus(504, "{\"message\":\"Endpoint request timed out\"}");

    public static SimulatedFault Unauthorized() => WithStatus(401, WorldCatBodies.Unauthorized);

    public static SimulatedFault ConnectionReset() => new() { Abort = true };

    public static SimulatedFault Slow(TimeSpan delay) => new() { Delay = delay };

    /// <summary>The request is applied, then the connection is dropped before the answer: the client cannot know the outcome.</summary>
    public static SimulatedFault LostReply() => new() { LoseReply = true };

    /// <summary>INFERRED: 409 in the API's problem shape (the spec documents 409 for holdings moves only).</summary>
    public static SimulatedFault Conflict() =>
        WithStatus(409, WorldCatBodies.Error("CONFLICT", "Unable to perform the holding operation.", "The record is locked by another operation. Please try again later."));

    /// <summary>
    /// A fault named on the command line: 401, 409, 429, 500, 502, 503, 504 (any other status: a problem body),
    /// reset (dropped before applied), lost (applied, reply dropped), slow:MS.
    /// </summary>
    public static SimulatedFault Parse(string kind)
    {
        var k = kind.Trim().ToLowerInvariant();
        if (k.StartsWith("slow:", StringComparison.Ordinal)) return Slow(TimeSpan.FromMilliseconds(int.Parse(k[5..], System.Globalization.CultureInfo.InvariantCulture)));
        return k switch
        {
            "reset" => ConnectionReset(),
            "lost" => LostReply(),
            "401" => Unauthorized(),
            "409" => Conflict(),
            "429" => TooManyRequests(1),
            "500" => ServerError(),
            "502" => BadGateway(),
            "503" => ServiceUnavailable(1),
            "504" => GatewayTimeout(),
            _ when int.TryParse(k, out int status) && status is >= 400 and < 600 => WithStatus(status, WorldCatBodies.Error("SIMULATED", "Simulated fault", "Status " + status + " injected by the simulator.")),
            _ => throw new ArgumentException("Unknown fault '" + kind + "': use a status (401, 409, 429, 500, 503, …), reset, lost or slow:MS."),
        };
    }
}
