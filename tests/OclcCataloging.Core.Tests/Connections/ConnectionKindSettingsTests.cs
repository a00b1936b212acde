using OclcCataloging.Connections;
using OclcCataloging.Search;
using Xunit;

namespace OclcCataloging.Core.Tests.Connections;

public class ConnectionKindSettingsTests
{
    [Theory]
    [InlineData("Scope", ConnectionKind.Sru)]
    [InlineData("Port", ConnectionKind.Sru)]
    [InlineData("IndexMap", ConnectionKind.WorldCat)]
    [InlineData("Scheme", ConnectionKind.Gateway)]
    [InlineData("Credential", ConnectionKind.IdLoc)]
    [InlineData("BaseAddress", ConnectionKind.Gateway)]
    public void A_setting_of_another_kind_is_found(string setting, ConnectionKind kind) =>
        Assert.Equal(setting, ConnectionKindSettings.FirstNotFor(kind, new[] { "Name", "Kind", setting })!.Name);

    [Fact]
    public void Settings_of_the_kind_and_other_parameters_pass() =>
        Assert.Null(ConnectionKindSettings.FirstNotFor(ConnectionKind.Sru, new[] { "Name", "Kind", "BaseAddress", "credential", "IndexMap", "SruVersion", "RecordSchema", "PassThru" }));

    [Theory]
    [InlineData(ConnectionKind.WorldCat, "Credential")]
    [InlineData(ConnectionKind.Sru, "BaseAddress")]
    [InlineData(ConnectionKind.Gateway, "ComputerName,Port")]
    [InlineData(ConnectionKind.IdLoc, "")]
    public void Each_kind_needs_its_settings(ConnectionKind kind, string needed) =>
        Assert.Equal(needed, string.Join(",", ConnectionKindSettings.RequiredBy(kind).Select(r => r.Name)));

    [Fact]
    public void The_first_missing_setting_is_named()
    {
        Assert.Equal("Port", ConnectionKindSettings.FirstMissing(ConnectionKind.Gateway, s => s == "ComputerName")!.Name);
        Assert.Null(ConnectionKindSettings.FirstMissing(ConnectionKind.Gateway, s => true));
    }

    [Fact]
    public void Only_WorldCat_credentials_need_a_secret() =>
        Assert.Equal(new[] { ConnectionKind.WorldCat }, Enum.GetValues<ConnectionKind>().Where(ConnectionKindSettings.NeedsSecret));

    [Fact]
    public void Every_stored_setting_name_has_a_rule()
    {
        foreach (var field in typeof(ConnectionSettingNames).GetFields())
            Assert.NotNull(ConnectionKindSettings.Find((string)field.GetValue(null)!));
    }

    [Fact]
    public void Search_targets_map_to_connection_kinds_and_back()
    {
        foreach (SearchTargetKind target in Enum.GetValues<SearchTargetKind>())
            Assert.Equal(target, SearchTargetConnections.TargetOf(SearchTargetConnections.KindOf(target)));
        Assert.Throws<ArgumentException>(() => SearchTargetConnections.TargetOf(ConnectionKind.Gateway));
    }
}
