namespace OclcCataloging.Simulators.IdLoc;

/// <summary>An injected failure: the next <see cref="Times"/> requests whose path contains <see cref="PathContains"/>
/// (any when null) get <see cref="Status"/>, with Retry-After when given ("2" or an HTTP-date).</summary>
public sealed class IdLocFault
{
    public int Status { get; init; } = 500;

    public int Times { get; set; } = 1;

    public string? RetryAfter { get; init; }

    public string? PathContains { get; init; }
}
