using OclcCataloging.Gateway.Koha;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.Koha.KohaFakes;

namespace OclcCataloging.Core.Tests.Gateway.Koha;

/// <summary>The REST path: POST /api/v1/biblios, Koha's duplicate check, PUT to replace (docs/design/koha-receiver.md §4.2).</summary>
public class KohaRestImporterTests
{
    [Fact]
    public async Task Without_matching_every_record_is_created_confirmed()
    {
        await using var koha = await Start();
        using var importer = new KohaRestImporter(Connection(koha), Direct());
        var o = await importer.ImportAsync(Xml(Bib("r1")), CancellationToken.None);
        Assert.Equal("Success.  Batch number  - biblio record number 100 added to Koha.\n\n" + koha.BaseAddress + "cgi-bin/koha/catalogue/detail.pl?biblionumber=100", o.ReplyText);
        var request = koha.Requests.Single();
        Assert.Equal(("POST", "/api/v1/biblios", "1"), (request.Method, request.Path, request.ConfirmNotDuplicate));
        Assert.StartsWith("application/marcxml+xml", request.ContentType);
    }

    [Fact]
    public async Task A_duplicate_is_replaced_for_overlay_replace()
    {
        await using var koha = await Start();
        int existing = koha.Catalog.Seed(Bib("old", isbn: "9780000000019"));
        using var importer = new KohaRestImporter(Connection(koha), Direct(match: "ISBN", overlay: "replace"));
        var o = await importer.ImportAsync(Xml(Bib("new", isbn: "9780000000019")), CancellationToken.None);
        Assert.StartsWith("Success.  Batch number  - biblio record number " + existing + " overlaid by import.\n\n", o.ReplyText);
        Assert.Equal(new[] { "POST", "PUT" }, koha.Requests.Select(r => r.Method));
        Assert.Equal("new", koha.Catalog.Find(existing)!.Record.ControlNumber);
    }

    [Fact]
    public async Task A_duplicate_is_created_again_for_create_new_and_kept_for_ignore()
    {
        await using var koha = await Start();
        koha.Catalog.Seed(Bib("old", isbn: "9780000000019"));
        using (var create = new KohaRestImporter(Connection(koha), Direct(match: "ISBN", overlay: "create_new")))
            Assert.False((await create.ImportAsync(Xml(Bib("c1", isbn: "9780000000019")), CancellationToken.None)).Overlaid);
        Assert.Equal(2, koha.Catalog.BiblioCount);
        using (var ignore = new KohaRestImporter(Connection(koha), Direct(match: "ISBN", overlay: "ignore")))
            Assert.True((await ignore.ImportAsync(Xml(Bib("i1", isbn: "9780000000019")), CancellationToken.None)).IsImported);
        Assert.Equal(2, koha.Catalog.BiblioCount);
        Assert.Equal(0, koha.Catalog.LoadCount("i1"));
    }

    [Fact]
    public async Task A_refused_login_is_not_delivered()
    {
        await using var koha = await Start();
        using var importer = new KohaRestImporter(Connection(koha, password: "nope"), Direct());
        var o = await importer.ImportAsync(Xml(Bib("a1")), CancellationToken.None);
        Assert.Equal(KohaImportOutcomeKind.NotDelivered, o.Kind);
        Assert.Equal("Unsuccessful request", o.ReplyText);
        Assert.DoesNotContain("nope", o.Detail);
    }

    [Fact]
    public async Task The_framework_header_is_sent()
    {
        await using var koha = await Start();
        var fields = Direct();
        fields.Framework = "BKS";
        using var importer = new KohaRestImporter(Connection(koha), fields);
        await importer.ImportAsync(Xml(Bib("fw")), CancellationToken.None);
        Assert.Equal("BKS", koha.Requests.Single().FrameworkHeader);
        Assert.Equal("BKS", koha.Catalog.Find(100)!.Framework);
    }
}
