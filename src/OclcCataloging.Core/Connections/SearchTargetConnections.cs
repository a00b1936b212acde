using System;
using OclcCataloging.Search;

namespace OclcCataloging.Connections
{
    /// <summary>Which connection kind describes each search target, and back.</summary>
    public static class SearchTargetConnections
    {
        /// <summary>The connection kinds a batch search can use.</summary>
        public static ConnectionKind[] SearchKinds => new[] { ConnectionKind.WorldCat, ConnectionKind.Sru, ConnectionKind.IdLoc };

        public static ConnectionKind KindOf(SearchTargetKind target) => target switch
        {
            SearchTargetKind.WorldCat => ConnectionKind.WorldCat,
            SearchTargetKind.Sru => ConnectionKind.Sru,
            SearchTargetKind.IdLoc => ConnectionKind.IdLoc,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not a search target."),
        };

        /// <summary>The search target a connection of <paramref name="kind"/> describes.</summary>
        /// <exception cref="ArgumentException">The kind is not a search target (a gateway).</exception>
        public static SearchTargetKind TargetOf(ConnectionKind kind) => kind switch
        {
            ConnectionKind.WorldCat => SearchTargetKind.WorldCat,
            ConnectionKind.Sru => SearchTargetKind.Sru,
            ConnectionKind.IdLoc => SearchTargetKind.IdLoc,
            _ => throw new ArgumentException(kind + " connections are not search targets.", nameof(kind)),
        };
    }
}
