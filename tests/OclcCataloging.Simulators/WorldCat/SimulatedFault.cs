namespace OclcCataloging.Simulators.WorldCat;

/// <summary>A one-shot misbehaviour for the next matching request: an error status, a dropped connection, or a delay.</summary>
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
}
