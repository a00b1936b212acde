namespace OclcCataloging.Simulators.WorldCat;

/// <summary>What a /worldcat/… request reaches.</summary>
internal enum WorldCatOperation
{
    Unknown,
    MethodNotAllowed,
    /// <summary>Published in the v2 reference but not simulated: 501.</summary>
    Published,
    BriefBibs,
    Bib,
    CurrentNumbers,
    Validate,
    CurrentHoldings,
    SetHolding,
    UnsetHolding,
    CreateLhr,
    ReadLhr,
    ReplaceLhr,
    DeleteLhr,
    SearchMyHoldings,
    ReadMyHolding,
}

/// <summary>
/// The simulated routes under /worldcat/ with the scopes that admit them (any one of the list; the umbrella
/// WorldCatMetadataAPI admits all). {x} is one path segment; literal routes are listed before the {x} ones they overlap.
/// </summary>
public static class WorldCatRoutes
{
    private sealed record Route(string Method, string[] Segments, WorldCatOperation Operation, string[] Scopes);

    private static readonly string[] ManageBibs = { "manage_bibs" };
    private static readonly string[] Holdings = { "manage_institution_holdings" };
    private static readonly string[] Lhrs = { "manage_institution_lhrs" };
    private static readonly string[] MyHoldings = { "view_my_holdings", "view_my_holdings_private_notes" };

    private static readonly Route[] Table =
    {
        R("GET", "search/brief-bibs", WorldCatOperation.BriefBibs, "view_brief_bib"),
        R("GET", "manage/bibs/current", WorldCatOperation.CurrentNumbers, "manage_bibs", "match_bibs"),
        R("POST", "manage/bibs/match", WorldCatOperation.Published, "manage_bibs", "match_bibs"),
        R("POST", "manage/bibs/validate/{level}", WorldCatOperation.Validate, ManageBibs),
        R("GET", "manage/bibs/{ocn}", WorldCatOperation.Bib, "view_marc_bib", "manage_bibs"),
        R("PUT", "manage/bibs/{ocn}", WorldCatOperation.Published, ManageBibs),
        R("POST", "manage/bibs", WorldCatOperation.Published, ManageBibs),
        R("GET", "manage/institution/holdings/current", WorldCatOperation.CurrentHoldings, Holdings),
        R("POST", "manage/institution/holdings/set", WorldCatOperation.Published, Holdings),
        R("POST", "manage/institution/holdings/unset", WorldCatOperation.Published, Holdings),
        R("POST", "manage/institution/holdings/move", WorldCatOperation.Published, Holdings),
        R("POST", "manage/institution/holdings/{ocn}/set", WorldCatOperation.SetHolding, Holdings),
        R("POST", "manage/institution/holdings/{ocn}/unset", WorldCatOperation.UnsetHolding, Holdings),
        R("POST", "manage/lhrs", WorldCatOperation.CreateLhr, Lhrs),
        R("GET", "manage/lhrs/{cn}", WorldCatOperation.ReadLhr, Lhrs),
        R("PUT", "manage/lhrs/{cn}", WorldCatOperation.ReplaceLhr, Lhrs),
        R("DELETE", "manage/lhrs/{cn}", WorldCatOperation.DeleteLhr, Lhrs),
        R("GET", "search/my-holdings", WorldCatOperation.SearchMyHoldings, MyHoldings),
        R("GET", "search/my-holdings/{cn}", WorldCatOperation.ReadMyHolding, MyHoldings),
    };

    /// <summary>Method + path of every simulated operation (not the 501 ones), e.g. "POST /manage/lhrs", for the drift guard.</summary>
    public static IEnumerable<string> Simulated =>
        Table.Where(r => r.Operation != WorldCatOperation.Published).Select(r => r.Method + " /" + string.Join('/', r.Segments));

    private static Route R(string method, string path, WorldCatOperation operation, params string[] scopes) =>
        new(method, path.Split('/'), operation, scopes);

    /// <summary>
    /// The operation for a route (the path after /worldcat/), its scopes and the {x} segment; MethodNotAllowed when the path is
    /// routed for other methods; Published for the rest of the v2 surface (manage/, search/, browse/); else Unknown.
    /// </summary>
    internal static WorldCatOperation Find(string route, string method, out string[] scopes, out string? id)
    {
        var segments = route.Split('/');
        bool pathKnown = false;
        string[]? literal = null;
        foreach (var r in Table)
        {
            if (r.Segments.Length != segments.Length) continue;
            if (literal != null && !r.Segments.SequenceEqual(literal)) continue;
            string? captured = null;
            bool match = true;
            for (int i = 0; i < segments.Length && match; i++)
            {
                if (r.Segments[i].StartsWith('{')) captured = segments[i];
                else match = r.Segments[i] == segments[i];
            }
            if (!match) continue;
            pathKnown = true;
            if (!string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                if (captured == null) literal = r.Segments;
                continue;
            }
            scopes = r.Scopes;
            id = captured;
            return r.Operation;
        }
        scopes = ManageBibs;
        id = null;
        if (pathKnown) return WorldCatOperation.MethodNotAllowed;
        return route.StartsWith("manage/", StringComparison.Ordinal) || route.StartsWith("search/", StringComparison.Ordinal) || route.StartsWith("browse/", StringComparison.Ordinal)
            ? WorldCatOperation.Published : WorldCatOperation.Unknown;
    }
}
