using OclcCataloging.Search.Sru;
using Xunit;
using static OclcCataloging.Core.Tests.Search.Sru.FakeSruHandler;

namespace OclcCataloging.Core.Tests.Search.Sru;

public class SruResponseParserTests
{
    [Fact]
    public void Reads_count_records_and_next_position_of_sru_1_1()
    {
        var response = SruResponseParser.Parse(Fixture("sru11-one-record.xml"));
        Assert.Equal(3, response.NumberOfRecords);
        Assert.Equal(2, response.NextRecordPosition);
        Assert.StartsWith("<record xmlns=\"http://www.loc.gov/MARC21/slim\">", Assert.Single(response.Records));
        Assert.Empty(response.Diagnostics);
    }

    [Fact]
    public void Zebra_style_response_has_no_next_position()
    {
        var response = SruResponseParser.Parse(Fixture("sru12-two-records.xml"));
        Assert.Equal(2, response.NumberOfRecords);
        Assert.Null(response.NextRecordPosition);
        Assert.Equal(2, response.Records.Count);
    }

    [Fact]
    public void Unescapes_string_packed_records()
    {
        string record = Assert.Single(SruResponseParser.Parse(Fixture("sru20-string-escaping.xml")).Records);
        Assert.StartsWith("<record xmlns=", record);
        Assert.Contains("Golden fixture two &amp; more", record);
    }

    [Fact]
    public void Reads_diagnostics_of_both_namespaces()
    {
        var d12 = Assert.Single(SruResponseParser.Parse(Fixture("sru12-diagnostic-10.xml")).Diagnostics);
        Assert.Equal("info:srw/diagnostic/1/10", d12.Uri);
        Assert.Equal("10", d12.Number);
        Assert.Equal("Query syntax error", d12.Message);
        Assert.Equal("dc.title=(unbalanced", d12.Details);

        var r20 = SruResponseParser.Parse(Fixture("sru20-diagnostic-16.xml"));
        Assert.Null(r20.NumberOfRecords);
        Assert.Equal("16", Assert.Single(r20.Diagnostics).Number);
    }

    [Fact]
    public void Surrogate_diagnostics_are_kept_apart_from_records()
    {
        var response = SruResponseParser.Parse(Fixture("sru12-surrogate-diagnostic.xml"));
        Assert.Empty(response.Records);
        Assert.Empty(response.Diagnostics);
        Assert.Equal("67", Assert.Single(response.RecordDiagnostics).Number);
    }

    [Theory]
    [InlineData("<html><body>Welcome</body></html>")]
    [InlineData("<searchRetrieveResponse xmlns=\"urn:other\"/>")]
    [InlineData("not xml at all")]
    [InlineData("")]
    public void Rejects_what_is_not_an_sru_response(string text) =>
        Assert.Throws<FormatException>(() => SruResponseParser.Parse(text));

    [Fact]
    public void Ignores_a_dtd_without_resolving_it()
    {
        string xml = "<!DOCTYPE x SYSTEM \"http://invalid.example/x.dtd\"><searchRetrieveResponse xmlns=\"http://www.loc.gov/zing/srw/\"><numberOfRecords>0</numberOfRecords></searchRetrieveResponse>";
        Assert.Equal(0, SruResponseParser.Parse(xml).NumberOfRecords);
    }
}
