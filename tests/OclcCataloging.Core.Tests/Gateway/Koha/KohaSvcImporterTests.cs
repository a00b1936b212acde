using OclcCataloging.Gateway.Koha;
using OclcCataloging.Simulators.Koha;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.Koha.KohaFakes;

namespace OclcCataloging.Core.Tests.Gateway.Koha;

/// <summary>svc/import_bib the way the daemon uses it, against the fake Koha (tests/OclcCataloging.Simulators/Koha).</summary>
public class KohaSvcImporterTests
{
    [Fact]
    public async Task Csrf_login_then_import_added()
    {
        await using var koha = await Start();
        using var importer = new KohaSvcImporter(Connection(koha), Direct());
        var o = await importer.ImportAsync(Xml(Bib("k1")), CancellationToken.None);

        Assert.Equal(KohaImportOutcomeKind.Imported, o.Kind);
        Assert.Equal("Success.  Batch number 1 - biblio record number 100 added to Koha.\n\n" + koha.BaseAddress + "cgi-bin/koha/catalogue/detail.pl?biblionumber=100", o.ReplyText);
        Assert.Equal(1, koha.Catalog.LoadCount("k1"));
        var paths = koha.Requests.Select(r => r.Method + " " + r.Path).ToArray();
        Assert.Equal(new[] { "GET /cgi-bin/koha/svc/authentication", "POST /cgi-bin/koha/svc/authentication", "POST /cgi-bin/koha/svc/import_bib" }, paths);
        Assert.NotEmpty(koha.Requests[2].CsrfToken);
    }

    [Fact]
    public async Task The_configured_settings_are_posted_as_they_are()
    {
        await using var koha = await Start();
        var fields = new OclcCataloging.Ils.Koha.KohaImportFields
        {
            ImportMode = "direct", Match = "ISBN", OverlayAction = "replace", NomatchAction = "create_new", ItemAction = "ignore",
            Framework = "BKS", OverlayFramework = "",
        };
        using var importer = new KohaSvcImporter(Connection(koha), fields);
        await importer.ImportAsync(Xml(Bib("k2")), CancellationToken.None);
        var sent = koha.Requests.Last().Fields!;
        Assert.Equal(("direct", "ISBN", "replace", "create_new", "ignore", "BKS", ""),
            (sent.ImportMode, sent.Match, sent.OverlayAction, sent.NomatchAction, sent.ItemAction, sent.Framework, sent.OverlayFramework));
    }

    [Fact]
    public async Task A_match_on_isbn_is_overlaid()
    {
        await using var koha = await Start();
        int existing = koha.Catalog.Seed(Bib("old", isbn: "9780000000019"));
        using var importer = new KohaSvcImporter(Connection(koha), Direct(match: "ISBN", overlay: "replace"));
        var o = await importer.ImportAsync(Xml(Bib("new", isbn: "978-0-00-000001-9 (pbk.)")), CancellationToken.None);
        Assert.Equal("Success.  Batch number 1 - biblio record number " + existing + " overlaid by import.\n\n" + koha.BaseAddress
            + "cgi-bin/koha/catalogue/detail.pl?biblionumber=" + existing, o.ReplyText);
        Assert.Equal("new", koha.Catalog.Find(existing)!.Record.ControlNumber);
        Assert.Equal(1, koha.Catalog.BiblioCount);
    }

    [Fact]
    public async Task Stage_mode_has_no_biblionumber()
    {
        await using var koha = await Start();
        using var importer = new KohaSvcImporter(Connection(koha), new OclcCataloging.Ils.Koha.KohaImportFields());
        var o = await importer.ImportAsync(Xml(Bib("s1")), CancellationToken.None);
        Assert.Equal("Success.  Batch number 1 - biblio record number  added to Koha.\n\n" + koha.BaseAddress + "cgi-bin/koha/catalogue/detail.pl?biblionumber=", o.ReplyText);
        Assert.Single(koha.Catalog.Staged);
        Assert.Equal(0, koha.Catalog.BiblioCount);
    }

    [Fact]
    public async Task A_failed_import_is_refused_with_kohas_error()
    {
        await using var koha = await Start();
        koha.InjectFault(new KohaFault { Kind = "failed", Error = "Batch create error" });
        using var importer = new KohaSvcImporter(Connection(koha), Direct());
        var o = await importer.ImportAsync(Xml(Bib("f1")), CancellationToken.None);
        Assert.Equal(KohaImportOutcomeKind.Refused, o.Kind);
        Assert.Equal("Batch create error.  Please contact administrator.", o.ReplyText);
    }

    [Fact]
    public async Task A_wrong_koha_password_is_unsuccessful_and_not_delivered()
    {
        await using var koha = await Start();
        using var importer = new KohaSvcImporter(Connection(koha, password: "wrong"), Direct());
        var o = await importer.ImportAsync(Xml(Bib("w1")), CancellationToken.None);
        Assert.Equal(KohaImportOutcomeKind.NotDelivered, o.Kind);
        Assert.Equal("Unsuccessful request", o.ReplyText);
        Assert.DoesNotContain("wrong", o.Detail);
        Assert.Equal(0, koha.Catalog.LoadCount("w1"));
    }

    [Fact]
    public async Task An_expired_session_logs_in_again_once_and_loads_once()
    {
        await using var koha = await Start();
        using var importer = new KohaSvcImporter(Connection(koha), Direct());
        await importer.ImportAsync(Xml(Bib("e0")), CancellationToken.None);
        koha.InjectFault(new KohaFault { Kind = "expire" });
        var o = await importer.ImportAsync(Xml(Bib("e1")), CancellationToken.None);
        Assert.True(o.IsImported, o.Detail);
        Assert.Equal(1, koha.Catalog.LoadCount("e1"));
        Assert.Equal(4, koha.Requests.Count(r => r.Path.EndsWith("authentication", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_older_login_through_mainpage()
    {
        await using var koha = await Start(legacy: true);
        using var importer = new KohaSvcImporter(Connection(koha), Direct(), csrfLogin: false);
        var o = await importer.ImportAsync(Xml(Bib("l1")), CancellationToken.None);
        Assert.True(o.IsImported, o.Detail);
        Assert.Equal(new[] { "/cgi-bin/koha/svc/import_bib", "/cgi-bin/koha/mainpage.pl", "/cgi-bin/koha/svc/import_bib" }, koha.Requests.Select(r => r.Path));
        Assert.Equal(1, koha.Catalog.LoadCount("l1"));
    }

    [Theory]
    [InlineData(500, KohaImportOutcomeKind.Unknown)]
    [InlineData(503, KohaImportOutcomeKind.NotDelivered)]
    public async Task A_server_error_is_unsuccessful(int status, KohaImportOutcomeKind kind)
    {
        await using var koha = await Start();
        koha.InjectFault(new KohaFault { Kind = "status", Status = status });
        using var importer = new KohaSvcImporter(Connection(koha), Direct());
        var o = await importer.ImportAsync(Xml(Bib("x")), CancellationToken.None);
        Assert.Equal(kind, o.Kind);
        Assert.Equal("Unsuccessful request", o.ReplyText);
    }

    [Fact]
    public async Task Not_xml_is_an_invalid_response()
    {
        await using var koha = await Start();
        koha.InjectFault(new KohaFault { Kind = "notxml" });
        using var importer = new KohaSvcImporter(Connection(koha), Direct());
        var o = await importer.ImportAsync(Xml(Bib("n1")), CancellationToken.None);
        Assert.Equal(KohaImportOutcomeKind.Unknown, o.Kind);
        Assert.Equal("Invalid response", o.ReplyText);
    }

    [Fact]
    public async Task Koha_down_is_not_delivered()
    {
        using var importer = new KohaSvcImporter(Connection(new Uri("http://127.0.0.1:" + FreePort())), Direct());
        var o = await importer.ImportAsync(Xml(Bib("d1")), CancellationToken.None);
        Assert.Equal(KohaImportOutcomeKind.NotDelivered, o.Kind);
        Assert.Equal("Unsuccessful request", o.ReplyText);
    }
}
