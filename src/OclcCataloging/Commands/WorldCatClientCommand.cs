using System;
using System.Management.Automation;
using OclcCataloging.Commands.Completion;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The parameters every cmdlet that talks to the WorldCat Metadata API takes (Invoke-BatchSearch and the record
    /// actions): a saved connection, credentials, addresses, scope, pacing, daily budget, timeout and retries.
    /// </summary>
    public abstract class WorldCatClientCommand : PSCmdlet
    {
        /// <summary>A saved connection (Set-OclcConnection) holding the address and credentials.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SearchConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <summary>Base address: the WorldCat Metadata API (or, for Invoke-BatchSearch, the SRU server or id.loc.gov).</summary>
        [Parameter]
        public Uri? BaseAddress { get; set; }

        /// <summary>WorldCat: client id (WSKey) as the user name and its secret as the password.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>WorldCat: the OAuth token address (default https://oauth.oclc.org/token).</summary>
        [Parameter]
        public Uri? TokenAddress { get; set; }

        /// <summary>WorldCat: the OAuth scope (default WorldCatMetadataAPI).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(WorldCatScopeCompleter))]
        public string? Scope { get; set; }

        /// <summary>WorldCat: most requests per second (default 2; 0 = unpaced).</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public double? RequestsPerSecond { get; set; }

        /// <summary>WorldCat: requests allowed in a rolling 24 hours (default 50,000).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? DailyBudget { get; set; }

        /// <summary>Seconds one request may take (default 30).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Retries of a request that failed for a passing reason: 429, 503 (and for reads timeouts and 5xx); default 3.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int RetryCount { get; set; } = 3;
    }
}
