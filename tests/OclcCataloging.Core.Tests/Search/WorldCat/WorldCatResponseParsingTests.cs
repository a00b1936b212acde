using OclcCataloging.Search.WorldCat;
using Xunit;

namespace OclcCataloging.Core.Tests.Search.WorldCat;

public class WorldCatResponseParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 19, 32, 38, TimeSpan.Zero);

    [Fact]
    public void Token_with_integer_expires_in()
    {
        var token = WorldCatAccessToken.Parse("{\"access_token\":\"tk_TokenString\",\"expires_at\":\"2024-03-14 19:52:37Z\",\"authenticating_institution_id\":\"00001\",\"principalID\":\"\",\"context_institution_id\":\"00001\",\"scope\":\"WorldCatMetadataAPI:view_brief_bib\",\"scopes\":\"WorldCatMetadataAPI:view_brief_bib\",\"token_type\":\"bearer\",\"expires_in\":1199,\"principalIDNS\":\"\"}", Now);
        Assert.Equal("tk_TokenString", token.Value);
        Assert.Equal(Now.AddSeconds(1199), token.ExpiresAt);
        Assert.DoesNotContain("tk_TokenString", token.ToString());
    }

    [Fact]
    public void Token_with_string_expires_in_or_only_expires_at()
    {
        Assert.Equal(Now.AddSeconds(3599), WorldCatAccessToken.Parse("{\"access_token\":\"tk_a\",\"expires_in\":\"3599\"}", Now).ExpiresAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 19, 52, 37, TimeSpan.Zero),
            WorldCatAccessToken.Parse("{\"access_token\":\"tk_a\",\"expires_at\":\"2026-03-14 19:52:37Z\"}", Now).ExpiresAt);
        Assert.Throws<FormatException>(() => WorldCatAccessToken.Parse("{\"token_type\":\"bearer\"}", Now));
    }

    [Fact]
    public void Token_usable_until_skew_before_expiry()
    {
        var token = new WorldCatAccessToken("tk_a", Now.AddMinutes(10));
        Assert.True(token.IsUsable(Now.AddMinutes(8), TimeSpan.FromMinutes(1)));
        Assert.False(token.IsUsable(Now.AddMinutes(9).AddSeconds(1), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Error_body_with_object_detail_is_a_not_found()
    {
        var body = WorldCatErrorBody.Parse("{\"type\":\"BAD_REQUEST\",\"title\":\"Unable to perform the bib read operation.\",\"detail\":{\"summary\":\"NOT_FOUND\",\"description\":\"Not able to find the requested Bib\"}}");
        Assert.Equal("BAD_REQUEST", body.Type);
        Assert.Equal("NOT_FOUND", body.Summary);
        Assert.True(WorldCatErrorBody.IsNotFound(400, body));
        Assert.Equal("Unable to perform the bib read operation: Not able to find the requested Bib", body.Describe());
    }

    [Fact]
    public void Error_body_with_string_detail_and_problem_uri_type()
    {
        var body = WorldCatErrorBody.Parse("{\"type\":\"https://developer.api.oclc.org/errors/INVALID_QUERY_PARAMETER_VALUE\",\"title\":\"Validation Failure\",\"detail\":\"oclcNumber must be a positive whole number\",\"invalid-params\":[{\"reason\":\"Invalid Value: -41266045\"}]}");
        Assert.Equal("INVALID_QUERY_PARAMETER_VALUE", body.Type);
        Assert.False(WorldCatErrorBody.IsNotFound(400, body));
        Assert.Equal("Validation Failure: oclcNumber must be a positive whole number", body.Describe());
    }

    [Theory]
    [InlineData("{\"message\":\"Unauthorized\"}", "Unauthorized")]
    [InlineData("", null)]
    [InlineData("<html>Bad gateway</html>", null)]
    public void Error_bodies_without_a_problem_shape(string text, string? expected)
    {
        Assert.Equal(expected, WorldCatErrorBody.Parse(text).Describe());
        Assert.True(WorldCatErrorBody.IsNotFound(404, WorldCatErrorBody.Parse(text)));
    }

    [Fact]
    public void Brief_results_keep_string_numbers_and_tolerate_nulls()
    {
        var results = WorldCatBriefResults.Parse("{\"numberOfRecords\":79,\"briefRecords\":[{\"oclcNumber\":\"778419313\",\"title\":\"My brilliant friend\",\"mergedOclcNumbers\":null,\"edition\":null},{\"oclcNumber\":811639683},{\"title\":\"no number\"}]}");
        Assert.Equal(79, results.NumberOfRecords);
        Assert.Equal(new[] { "778419313", "811639683" }, results.OclcNumbers);
        Assert.Empty(WorldCatBriefResults.Parse("{\"numberOfRecords\":0}").OclcNumbers);
        Assert.Throws<FormatException>(() => WorldCatBriefResults.Parse("{\"briefRecords\":[]}"));
    }
}
