using System.Globalization;

namespace OclcCataloging.Simulators.Koha;

/// <summary>
/// A Koha staff interface on loopback, as the Connexion receiver uses it: svc/authentication (the CSRF login of 24.05+,
/// or with --legacy the older mainpage.pl login), svc/import_bib (match / overlay_action / nomatch_action / item_action /
/// import_mode / framework / overlay_framework), and the REST biblios endpoints with HTTP Basic authentication.
/// It counts every record it loads so tests can assert "exactly once" (GET /_simulator/loads). See README.md.
/// </summary>
public sealed class KohaSimulator : ISimulator
{
    public string Name => "koha";

    public string Description => "Koha staff interface: svc/authentication, svc/import_bib, REST /api/v1/biblios (--port N --user U --password P --legacy)";

    public async Task<IRunningSimulator> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        var server = new KohaServer(KohaSimulatorOptions.FromArgs(args));
        await server.StartAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts a fake Koha on a free loopback port (for in-process tests).</summary>
    public static async Task<KohaServer> StartInProcessAsync(KohaSimulatorOptions? options = null)
    {
        var server = new KohaServer(options ?? new KohaSimulatorOptions());
        await server.StartAsync(CancellationToken.None);
        return server;
    }
}

public sealed class KohaSimulatorOptions
{
    public int Port { get; set; }

    /// <summary>The staff user allowed to log in (svc and REST).</summary>
    public string User { get; set; } = "koha";

    public string Password { get; set; } = "koha";

    /// <summary>A Koha older than 24.05: no CSRF token, login through mainpage.pl with userid/password.</summary>
    public bool Legacy { get; set; }

    /// <summary>Milliseconds each import takes (to make concurrency visible).</summary>
    public int DelayMs { get; set; }

    public static KohaSimulatorOptions FromArgs(string[] args)
    {
        var o = new KohaSimulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? next = i + 1 < args.Length ? args[i + 1] : null;
            switch (a)
            {
                case "--port": o.Port = int.Parse(next!, CultureInfo.InvariantCulture); i++; break;
                case "--user": o.User = next!; i++; break;
                case "--password": o.Password = next!; i++; break;
                case "--delay-ms": o.DelayMs = int.Parse(next!, CultureInfo.InvariantCulture); i++; break;
                case "--legacy": o.Legacy = true; break;
            }
        }
        return o;
    }
}
