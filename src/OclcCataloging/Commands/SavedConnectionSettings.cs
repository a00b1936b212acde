using System;
using System.Globalization;
using System.Management.Automation;
using OclcCataloging.Connections;
using OclcCataloging.Search;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Commands
{
    /// <summary>Fills the WorldCat/SRU/id.loc.gov settings of Invoke-BatchSearch and the WorldCat action cmdlets from a saved connection (Set-OclcConnection).</summary>
    internal static class SavedConnectionSettings
    {
        /// <summary>Applies the connection's values and returns the target kind it describes.</summary>
        internal static SearchTargetKind Apply(PSCmdlet command, string name, BatchSearchTargetSettings settings) =>
            Apply(command, name, settings, SearchTargetConnections.SearchKinds);

        /// <summary>As above, accepting only connections of <paramref name="kinds"/>.</summary>
        internal static SearchTargetKind Apply(PSCmdlet command, string name, BatchSearchTargetSettings settings, ConnectionKind[] kinds)
        {
            ResolvedConnection resolved = ConnectionResolver.Resolve(command, name, kinds);
            ConnectionProfile profile = resolved.Profile;
            settings.BaseAddress = profile.GetUriSetting(ConnectionSettingNames.BaseAddress);
            settings.Credential = resolved.Credential;
            settings.TokenAddress = profile.GetUriSetting(ConnectionSettingNames.TokenAddress);
            settings.Scope = profile.GetSetting(ConnectionSettingNames.Scope);
            settings.RecordFormat = ParseEnum<WorldCatRecordFormat>(profile.GetSetting(ConnectionSettingNames.RecordFormat));
            settings.RequestsPerSecond = profile.GetDoubleSetting(ConnectionSettingNames.RequestsPerSecond);
            settings.DailyBudget = profile.GetInt32Setting(ConnectionSettingNames.DailyBudget);
            settings.SruVersion = profile.GetSetting(ConnectionSettingNames.SruVersion);
            settings.RecordSchema = profile.GetSetting(ConnectionSettingNames.RecordSchema);
            settings.Scheme = ParseEnum<IdLocScheme>(profile.GetSetting(ConnectionSettingNames.Scheme));
            if (profile.IndexMap.Count > 0)
                settings.IndexMap = new System.Collections.Generic.Dictionary<string, string>(profile.IndexMap, StringComparer.OrdinalIgnoreCase);
            return SearchTargetConnections.TargetOf(profile.Kind);
        }

        private static T? ParseEnum<T>(string? text) where T : struct =>
            text != null && Enum.TryParse(text, ignoreCase: true, out T value) ? value : (T?)null;
    }
}
