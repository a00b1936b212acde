using OclcCataloging.Connections;
using Xunit;

namespace OclcCataloging.Core.Tests.Connections;

public class ConnectionProfileSerializerTests
{
    private static string File(string version) =>
        "{\"format\":\"OclcCataloging.Connections\",\"version\":" + version + ",\"connections\":[]}";

    [Theory]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("1e0")]
    public void Version_1_is_read_however_the_number_is_written(string version) =>
        Assert.Empty(ConnectionProfileSerializer.Read(File(version)));

    [Theory]
    [InlineData("2")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    [InlineData("1e999")]
    public void Other_versions_are_format_errors(string version) =>
        Assert.Throws<FormatException>(() => ConnectionProfileSerializer.Read(File(version)));

    [Fact]
    public void Written_profiles_read_back()
    {
        var profile = new ConnectionProfile("odd \"name\"\t\u2028", ConnectionKind.WorldCat) { Description = "line\nbreak \\ é \U0001F600" };
        profile.Settings["BaseAddress"] = "https://example.org/";
        var read = Assert.Single(ConnectionProfileSerializer.Read(ConnectionProfileSerializer.Write(new[] { profile })));
        Assert.Equal(profile.Name, read.Name);
        Assert.Equal(profile.Description, read.Description);
        Assert.Equal("https://example.org/", read.Settings["BaseAddress"]);
    }
}
