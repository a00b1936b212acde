using System.Net;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;
using OclcCataloging.Simulators.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat.Actions;

/// <summary>The simulator's LHR endpoints: create / read / replace / delete, search by OCLC number, per institution.</summary>
public class WorldCatLhrSimulatorTests
{
    private const long Bib = 300_000_010;

    private static string Lhr(long bib, string symbol = "SIM", string library = "EAST") =>
        MarcXmlWriter.ToXml(WorldCatHoldings.SeedLhr(bib, symbol, library));

    [Fact]
    public async Task Create_read_search_replace_delete()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var http = await SimulatorHttp.StartAsync(host.Simulator);

        var (created, createdBody) = await http.SendAsync(HttpMethod.Post, "manage/lhrs", Lhr(Bib));
        Assert.Equal(HttpStatusCode.OK, created);
        var record = MarcXmlReader.ParseRecord(createdBody);
        Assert.Equal(WorldCatHoldings.FirstLhrControlNumber.ToString(), record.ControlNumber);
        Assert.NotNull(record.GetField("005"));
        Assert.True(host.State.Holdings.IsHeld("00001", Bib));
        string cn = record.ControlNumber!;

        var (read, readBody) = await http.SendAsync(HttpMethod.Get, "manage/lhrs/" + cn, accept: "application/marc");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal((byte)0x1D, System.Text.Encoding.UTF8.GetBytes(readBody)[^1]);

        var found = await http.JsonAsync(HttpMethod.Get, $"search/my-holdings?oclcNumber={Bib}");
        Assert.Equal(1, found.GetProperty("numberOfHoldings").GetInt32());
        var holding = found.GetProperty("detailedHoldings")[0];
        Assert.Equal(cn, holding.GetProperty("lhrControlNumber").GetString());
        Assert.Equal("EAST", holding.GetProperty("location").GetProperty("sublocationCollection").GetString());
        Assert.Equal("SIM", holding.GetProperty("location").GetProperty("holdingLocation").GetString());

        var (replaced, replacedBody) = await http.SendAsync(HttpMethod.Put, "manage/lhrs/" + cn, Lhr(Bib, library: "WEST"));
        Assert.Equal(HttpStatusCode.OK, replaced);
        Assert.Equal("WEST", MarcXmlReader.ParseRecord(replacedBody).GetValue("852", 'b'));
        Assert.Single(host.State.Holdings.Lhrs("00001", Bib));

        var (deleted, _) = await http.SendAsync(HttpMethod.Delete, "manage/lhrs/" + cn);
        Assert.Equal(HttpStatusCode.OK, deleted);
        var (gone, goneBody) = await http.SendAsync(HttpMethod.Get, "manage/lhrs/" + cn);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal(WorldCatBodies.NotFound404, goneBody);
        Assert.Equal(new[] { RequestOutcomes.Created, RequestOutcomes.Read, RequestOutcomes.Read, RequestOutcomes.Replaced, RequestOutcomes.Deleted },
            host.State.RequestsFor(Bib.ToString()).Select(r => r.Outcome));
    }

    [Fact]
    public async Task Put_creates_when_absent_and_marc21_bodies_are_read()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        var marc = System.Text.Encoding.UTF8.GetString(Iso2709Writer.ToBytes(WorldCatHoldings.SeedLhr(Bib, "SIM", "EAST")));

        var (status, body) = await http.SendAsync(HttpMethod.Put, "manage/lhrs/123456", marc, "application/marc");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("123456", MarcXmlReader.ParseRecord(body).ControlNumber);
        // the simulator logs a request after its answer is written, so the client can be ahead of the log by a moment
        RecordedRequest? put = null;
        for (int i = 0; i < 250 && put == null; i++)
        {
            put = host.State.Requests.LastOrDefault(r => r.Method == "PUT");
            if (put == null) await Task.Delay(20);
        }
        Assert.Equal(RequestOutcomes.Created, put?.Outcome);
    }

    [Fact]
    public async Task Bad_lhrs_and_other_institutions_records()
    {
        await using var host = await WorldCatTestHost.StartAsync(o => o.SeedLhrs.Add(Bib));
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        using var other = await SimulatorHttp.StartAsync(host.Simulator, "WorldCatMetadataAPI context:00002");
        var seeded = host.State.Holdings.Lhrs("00001", Bib).Single().ControlNumber;

        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(HttpMethod.Get, "manage/lhrs/" + seeded)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(HttpMethod.Delete, "manage/lhrs/" + seeded)).Status);
        Assert.Equal(0, (await other.JsonAsync(HttpMethod.Get, $"search/my-holdings?oclcNumber={Bib}")).GetProperty("numberOfHoldings").GetInt32());

        var (wrongSymbol, b1) = await http.SendAsync(HttpMethod.Post, "manage/lhrs", Lhr(Bib, symbol: "XYZ"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongSymbol);
        Assert.Contains("852 $a XYZ", b1);
        var (unknownBib, b2) = await http.SendAsync(HttpMethod.Post, "manage/lhrs", Lhr(WorldCatCatalogue.MissingOcn));
        Assert.Equal(HttpStatusCode.BadRequest, unknownBib);
        Assert.Contains("NOT_FOUND", b2);
        var (notMarc, b3) = await http.SendAsync(HttpMethod.Post, "manage/lhrs", "<record><oops", "application/marcxml+xml");
        Assert.Equal(HttpStatusCode.BadRequest, notMarc);
        Assert.Equal(WorldCatBodies.CrosswalkFailed, b3);
        var (json, _) = await http.SendAsync(HttpMethod.Post, "manage/lhrs", "{}", "application/json");
        Assert.Equal(HttpStatusCode.NotAcceptable, json);
        Assert.Single(host.State.Holdings.Lhrs("00001"));
    }

    [Fact]
    public async Task Validate_answers_valid_or_the_three_error_lists()
    {
        await using var host = await WorldCatTestHost.StartAsync();
        using var http = await SimulatorHttp.StartAsync(host.Simulator);
        var good = host.Simulator.Options.Catalogue.Find(WorldCatCatalogue.MagicFluteOcn)!.ToMarc();

        var (ok, okBody) = await http.SendAsync(HttpMethod.Post, "manage/bibs/validate/validateFull", MarcXmlWriter.ToXml(good));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("VALID", System.Text.Json.JsonDocument.Parse(okBody).RootElement.GetProperty("status").GetProperty("summary").GetString());

        var bad = good.Clone();
        bad.RemoveFields("008");
        bad.GetDataFields("245")[0].Subfields.Clear();
        bad.GetDataFields("245")[0].Subfields.Add(new Subfield('c', "Nobody."));
        bad.RemoveFields("040");
        bad.AddDataField("040", "  ", "a", "SIM", "c", "INVALIDSYM");
        var (status, body) = await http.SendAsync(HttpMethod.Post, "manage/bibs/validate/validateFull", MarcXmlWriter.ToXml(bad));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var s = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status");
        Assert.Equal("INVALID", s.GetProperty("summary").GetString());
        var errors = s.GetProperty("validationErrors");
        Assert.Equal(3, errors.GetProperty("errorCount").GetInt32());
        Assert.Equal("008", errors.GetProperty("fixedFieldErrors")[0].GetProperty("tag").GetString());
        var variable = errors.GetProperty("variableFieldErrors").EnumerateArray().Select(e => e.GetProperty("tag").GetString()).ToList();
        Assert.Equal(new[] { "040", "245" }, variable);
        Assert.Equal("CRITICAL", errors.GetProperty("variableFieldErrors")[1].GetProperty("errorLevel").GetString());
        Assert.Equal(1, errors.GetProperty("variableFieldErrors")[1].GetProperty("occurrence").GetInt32());

        var (add, _) = await http.SendAsync(HttpMethod.Post, "manage/bibs/validate/validateAdd", MarcXmlWriter.ToXml(bad));
        Assert.Equal(HttpStatusCode.BadRequest, add);
        var noNumber = good.Clone();
        noNumber.RemoveFields("001");
        var (replace, replaceBody) = await http.SendAsync(HttpMethod.Post, "manage/bibs/validate/validateReplace", MarcXmlWriter.ToXml(noNumber));
        Assert.Equal(HttpStatusCode.BadRequest, replace);
        Assert.Contains("BIB_LACKS_CONTROL_NUMBER", replaceBody);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(HttpMethod.Post, "manage/bibs/validate/validateSome", MarcXmlWriter.ToXml(good))).Status);
    }
}
