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
    /// Opens the record-action client from the WorldCat parameters (a saved connection and/or those of the command
    /// line), with the same pacing, daily budget and retry settings as Invoke-BatchSearch, after checking the scope.
    /// </summary>
    public abstract class WorldCatActionCommand : WorldCatClientCommand
    {
        /// <summary>The scope the cmdlet's calls need (checked against -Scope before anything is sent).</summary>
        private protected abstract string RequiredScope { get; }

        private protected WorldCatActionClient? Client { get; private set; }

        /// <summary>Opens the client; call from BeginProcessing (reads a saved connection on the pipeline thread).</summary>
        private protected void OpenClient()
        {
            var settings = new BatchSearchTargetSettings { Kind = SearchTargetKind.WorldCat };
            if (!string.IsNullOrEmpty(Connection))
                SavedConnectionSettings.Apply(this, Connection!, settings, new[] { ConnectionKind.WorldCat });
            settings.ApplyParameters(this);
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
