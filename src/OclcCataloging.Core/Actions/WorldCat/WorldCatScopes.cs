namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>
    /// The Metadata API scopes the record actions need (named in the error when a key lacks one). The umbrella
    /// scope <see cref="Umbrella"/> covers them all. See docs/design/worldcat-record-actions.md.
    /// </summary>
    public static class WorldCatScopes
    {
        public const string Umbrella = "WorldCatMetadataAPI";
        public const string ManageInstitutionHoldings = "WorldCatMetadataAPI:manage_institution_holdings";
        public const string ManageInstitutionLhrs = "WorldCatMetadataAPI:manage_institution_lhrs";
        public const string ViewMyHoldings = "WorldCatMetadataAPI:view_my_holdings";
        public const string ManageBibs = "WorldCatMetadataAPI:manage_bibs";

        /// <summary>Every scope a key needs for all the record actions, umbrella aside.</summary>
        public static readonly string[] ForRecordActions = { ManageInstitutionHoldings, ManageInstitutionLhrs, ViewMyHoldings, ManageBibs };

        /// <summary>The record-action scopes a scope request leaves out (empty when it asks for the umbrella scope).</summary>
        public static string[] NotCovered(string? requested) =>
            System.Array.FindAll(ForRecordActions, needed => !Covers(requested, needed));

        /// <summary>
        /// Whether an OAuth scope request (space-separated, "context:…" entries allowed) asks for <paramref name="needed"/>:
        /// the scope itself or the umbrella scope.
        /// </summary>
        public static bool Covers(string? requested, string needed)
        {
            foreach (var scope in (requested ?? "").Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries))
                if (scope == Umbrella || scope == needed) return true;
            return false;
        }
    }
}
