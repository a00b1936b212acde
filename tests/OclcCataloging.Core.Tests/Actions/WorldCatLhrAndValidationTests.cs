using System.Net.Http;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Xml;
using Xunit;
using static OclcCataloging.Core.Tests.Actions.FakeWorldCatHandler;

namespace OclcCataloging.Core.Tests.Actions;

public class WorldCatLhrAndValidationTests
{
    private const string StoredLhr = "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nx  a2200000zi 4500</leader>"
        + "<controlfield tag=\"001\">227523461</controlfield><controlfield tag=\"004\">312010</controlfield>"
        + "<controlfield tag=\"008\">1103280p    0   4001uueng0210908</controlfield>"
        + "<datafield tag=\"852\" ind1=\" \" ind2=\" \"><subfield code=\"a\">OCWMS</subfield><subfield code=\"b\">EAST</subfield></datafield></record>";

    private static MarcRecord NewLhr()
    {
        var record = new MarcRecord(new Leader("00000nx  a2200000zi 4500"));
        record.AddControlField("004", "312010");
        record.AddControlField("008", "1103280p    0   4001uueng0210908");
        record.AddDataField("852", "  ", "a", "OCWMS", "b", "EAST", "c", "EAST-STACKS");
        return record;
    }

    private static MarcRecord Bib()
    {
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        record.AddControlField("001", "ocn970988303");
        record.AddControlField("008", "120827s2012    nyua          000 0 eng d");
        record.AddDataField("245", "10", "a", "Test Record");
        return record;
    }

    private static (WorldCatActionClient, FakeWorldCatHandler) Create(Func<ApiRequest, HttpResponseMessage> respond)
    {
        var handler = new FakeWorldCatHandler(respond);
        var options = Options();
        return (new WorldCatActionClient(options, Executor(options), handler), handler);
    }

    [Fact]
    public async Task Create_posts_MARCXML_and_returns_the_stored_record_with_its_control_number()
    {
        var (client, handler) = Create(_ => MarcXml(200, StoredLhr));
        using (client)
        {
            var outcome = await client.CreateLhrAsync(NewLhr(), new ActionContext(), CancellationToken.None);

            Assert.Equal(ActionStatus.Done, outcome.Status);
            Assert.Equal("227523461", outcome.ControlNumber);
            Assert.Equal("312010", outcome.OclcNumber);
            Assert.NotNull(outcome.Record);
            var request = handler.Requests.Single();
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/worldcat/manage/lhrs", request.PathAndQuery);
            Assert.Equal("application/marcxml+xml", request.ContentType);
            Assert.Equal("EAST-STACKS", MarcXmlReader.ParseRecord(request.Body!).GetValue("852", 'c'));
        }
    }

    [Fact]
    public async Task Create_refuses_a_bibliographic_record_without_sending()
    {
        var (client, handler) = Create(_ => throw new InvalidOperationException());
        using (client)
        {
            var outcome = await client.CreateLhrAsync(Bib(), new ActionContext(), CancellationToken.None);
            Assert.Equal(ActionStatus.Refused, outcome.Status);
            Assert.Empty(handler.Requests);
        }
    }

    [Fact]
    public async Task Read_replace_and_delete_use_the_control_number()
    {
        var (client, handler) = Create(r => r.Method == HttpMethod.Delete ? Json(404, "{\"type\":\"NOT_FOUND\",\"title\":\"Resource Not Found\",\"detail\":\"The specified resource was not found at this address.\"}") : MarcXml(200, StoredLhr));
        using (client)
        {
            var read = await client.GetLhrAsync("227523461", new ActionContext(), CancellationToken.None);
            var replaced = await client.ReplaceLhrAsync("227523461", NewLhr(), new ActionContext(), CancellationToken.None);
            var deleted = await client.DeleteLhrAsync("227523461", new ActionContext(), CancellationToken.None);

            Assert.Equal(ActionStatus.Done, read.Status);
            Assert.Equal("EAST", read.Record!.GetValue("852", 'b'));
            Assert.Equal(ActionStatus.Done, replaced.Status);
            Assert.Equal(ActionStatus.NotFound, deleted.Status);
            Assert.Equal("227523461", deleted.ControlNumber);
            Assert.Equal(new[] { "GET", "PUT", "DELETE" }, handler.Requests.Select(r => r.Method.Method));
            Assert.All(handler.Requests, r => Assert.Equal("/worldcat/manage/lhrs/227523461", r.PathAndQuery));
        }
    }

    [Fact]
    public async Task A_control_number_that_is_not_digits_is_refused()
    {
        var (client, handler) = Create(_ => throw new InvalidOperationException());
        using (client)
            Assert.Equal(ActionStatus.Refused, (await client.DeleteLhrAsync("12a", new ActionContext(), CancellationToken.None)).Status);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Find_filters_our_LHRs_by_holding_library_code()
    {
        var (client, handler) = Create(_ => Json(200, "{\"numberOfHoldings\":2,\"detailedHoldings\":[{\"lhrControlNumber\":\"11\",\"location\":{\"holdingLocation\":\"OCWMS\",\"sublocationCollection\":\"EAST\"}},"
            + "{\"lhrControlNumber\":\"12\",\"location\":{\"holdingLocation\":\"OCWMS\",\"sublocationCollection\":\"WEST\"}}]}"));
        using (client)
        {
            var found = await client.FindLhrsAsync("312010", "west", new ActionContext(), CancellationToken.None);
            Assert.Equal(new[] { "12" }, found);
            Assert.StartsWith("/worldcat/search/my-holdings?oclcNumber=312010", handler.Requests.Single().PathAndQuery);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Validation_errors_become_readable_issues_in_both_documented_shapes(bool wrapped)
    {
        const string errors = "{\"errorCount\":2,\"errors\":[\"Invalid symbol OCWMS in 1st $c in 040.\",\"245 missing\"],"
            + "\"variableFieldErrors\":[{\"tag\":\"040\",\"occurrence\":1,\"errorLevel\":\"CRITICAL\",\"message\":\"Invalid symbol OCWMS in 1st $c in 040.\"}],"
            + "\"recordLevelErrors\":[{\"message\":\"Record lacks 245\",\"errorLevel\":\"MINOR\"}]}";
        string body = wrapped ? "{\"status\":{\"summary\":\"INVALID\",\"description\":\"The record has errors\",\"validationErrors\":" + errors + "}}" : errors;
        var (client, handler) = Create(_ => Json(400, body));
        using (client)
        {
            var outcome = await client.ValidateAsync(Bib(), WorldCatValidationLevel.Add, new ActionContext(), CancellationToken.None);

            Assert.Equal(ActionStatus.Refused, outcome.Status);
            Assert.Equal(2, outcome.ValidationIssues.Count);
            var field = outcome.ValidationIssues.Single(i => i.Kind == "VariableField");
            Assert.Equal("040", field.Tag);
            Assert.Equal("c", field.Subfield);
            Assert.Equal("CRITICAL", field.Level);
            Assert.Equal(1, field.Occurrence);
            Assert.Equal("970988303", outcome.OclcNumber);
            Assert.Equal("/worldcat/manage/bibs/validate/validateAdd", handler.Requests.Single().PathAndQuery);
        }
    }

    [Fact]
    public async Task A_valid_record_is_Done()
    {
        var (client, _) = Create(_ => Json(200, "{\"httpStatus\":\"OK\",\"status\":{\"summary\":\"VALID\",\"description\":\"The record is valid\"}}"));
        using (client)
            Assert.Equal(ActionStatus.Done, (await client.ValidateAsync(Bib(), WorldCatValidationLevel.Full, new ActionContext(), CancellationToken.None)).Status);
    }
}
