using System;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Search
{
    /// <summary>
    /// A place to run batch search keys: WorldCat Metadata API, an SRU server, id.loc.gov. A target owns its
    /// protocol: it translates the key, searches, applies <see cref="BatchSearchLimits"/> (no download when
    /// TooMany) and downloads up to MaxRecords records. It does not throw for a failed key: the outcome says Error.
    /// It throws only for cancellation and for failures that make every later key pointless
    /// (<see cref="SearchTargetUnavailableException"/>: bad credentials, daily budget exhausted).
    /// </summary>
    public interface ISearchTarget : IDisposable
    {
        /// <summary>Shown in results: "WorldCat", "SRU http://127.0.0.1:9999/Default", "id.loc.gov names".</summary>
        string Name { get; }

        /// <summary>The query this target would send for the key (used by -WhatIf and reports).</summary>
        /// <exception cref="NotSupportedException">This target cannot run this kind of key.</exception>
        string Translate(SearchKey key);

        Task<KeySearchOutcome> SearchAsync(SearchKey key, BatchSearchLimits limits, CancellationToken cancellationToken);
    }
}
