using System;
using System.Management.Automation;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Connections;
using OclcCataloging.Module;
using OclcCataloging.Search;
using OclcCataloging.Search.Http;
using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// What every WorldCat record-action cmdlet takes to reach the Metadata API: a saved connection and/or the
    /// WorldCat parameters of Invoke-BatchSearch, with the same pacing, daily budget and retry settings.
    /// </summary>
    public abstract class WorldCatActionCommand : PSCmdlet
    {
        /// <summary>A saved WorldCat connection (Set-OclcConnection -Kind WorldCat).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Connection { get; set; }

        /// <summary>Client id (WSKey) as the user name and its secret as the password.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The Metadata API base address (default https://metadata.api.oclc.org/worldcat).</summary>
        [Parameter]
        public Uri? BaseAddress { get; set; }

        /// <summary>The OAuth token address (default https://oauth.oclc.org/token).</summary>
        [Parameter]
        public Uri? TokenAddress { get; set; }

        /// <summary>The OAuth scope (default WorldCatMetadataAPI).</summary>
        [Parameter]
        public string? Scope { get; set; }

        /// <summary>Most requests per second (default 2; 0 = unpaced).</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public double? RequestsPerSecond { get; set; }

        /// <summary>Requests allowed in a rolling 24 hours (default 50,000).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? DailyBudget { get; set; }

        /// <summary>Seconds one request may take (default 30). A write that runs out of time is reported Unknown, never resent.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Retries after 429/503 (and, for reads, timeouts and 5xx); default 3.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int RetryCount { get; set; } = 3;

        /// <summary>The scope the cmdlet's calls need (checked against -Scope before anything is sent).</summary>
        private protected abstract string RequiredScope { get; }

        private protected WorldCatActionClient? Client { get; private set; }

        /// <summary>Opens the client; call from BeginProcessing (reads a saved connection on the pipeline thread).</summary>
        private protected void OpenClient()
        {
            var settings = new BatchSearchTargetSettings { Kind = SearchTargetKind.WorldCat };
            if (!string.IsNullOrEmpty(Connection))
                SavedConnectionSettings.Apply(this, Connection!, settings, new[] { ConnectionKind.WorldCat });
            if (BaseAddress != null) settings.BaseAddress = BaseAddress;
            if (Credential != null) settings.Credential = Credential.GetNetworkCredential();
            if (TokenAddress != null) settings.TokenAddress = TokenAddress;
            if (Scope != null) settings.Scope = Scope;
            if (RequestsPerSecond.HasValue) settings.RequestsPerSecond = RequestsPerSecond;
            if (DailyBudget.HasValue) settings.DailyBudget = DailyBudget;
            settings.Check(this, "action");
            var resilience = BatchSearchTargetFactory.Resilience(TimeoutSec, RetryCount);
            var options = BatchSearchTargetFactory.WorldCatOptions(settings, resilience);
            if (!WorldCatScopes.Covers(options.Scope, RequiredScope))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                    "The scope requested ('" + options.Scope + "') does not include " + RequiredScope + ", which " + MyInvocation.MyCommand.Name
                    + " needs. Request WorldCatMetadataAPI (all Metadata API scopes) or add " + RequiredScope + " to -Scope or to the saved connection."),
                    ErrorIds.WorldCatScopeMissing, ErrorCategory.PermissionDenied, options.Scope));
            }
            Client = new WorldCatActionClient(options, ModuleServices.CreateRetryExecutor(SearchResilience.CreateRetrySettings(resilience)));
        }

        private protected void CloseClient()
        {
            Client?.Dispose();
            Client = null;
        }
    }
}
