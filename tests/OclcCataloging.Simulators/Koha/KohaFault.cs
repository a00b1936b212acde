namespace OclcCataloging.Simulators.Koha;

/// <summary>
/// A failure the fake Koha answers with instead of doing the work, for the next <see cref="Times"/> matching requests
/// (0 = until cleared). Kinds: <c>status</c> (HTTP <see cref="Status"/>, nothing loaded), <c>failed</c> (svc status failed
/// with <see cref="Error"/>), <c>notxml</c> (200 with an HTML body, after loading), <c>expire</c> (drop every session
/// first, so the caller must log in again), <c>drop</c> (load the record, then abort the connection without an answer).
/// </summary>
public sealed class KohaFault
{
    public string Kind { get; init; } = "status";

    /// <summary>Part of the request path that selects the fault, e.g. "import_bib" or "api/v1/biblios".</summary>
    public string PathContains { get; init; } = "import_bib";

    public int Status { get; init; } = 500;

    public string Error { get; init; } = "Batch create error";

    public int Times { get; set; } = 1;
}
