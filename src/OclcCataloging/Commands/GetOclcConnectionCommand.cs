using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the saved connections (never their secrets).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OclcConnection", HelpUri = HelpLinks.Folder + "Get-OclcConnection.md")]
    [OutputType(typeof(ConnectionProfile))]
    public sealed class GetOclcConnectionCommand : PSCmdlet
    {
        private IReadOnlyList<ConnectionProfile> _profiles = new ConnectionProfile[0];
        private string _storePath = string.Empty;

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = { "*" };

        [Parameter]
        public ConnectionKind[]? Kind { get; set; }

        protected override void BeginProcessing()
        {
            ConnectionProfileStore store = ConnectionProfileStore.OpenDefault();
            _storePath = store.Path;
            WriteVerbose("Reading connections from " + _storePath + ".");
            try { _profiles = store.Load(); }
            catch (ConnectionStoreException e) { ThrowTerminatingError(ConnectionErrors.StoreUnreadable(e)); }
        }

        protected override void ProcessRecord()
        {
            var written = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (string name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = _profiles.Where(p => pattern.IsMatch(p.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(ConnectionErrors.NotFound(name, _storePath));
                    continue;
                }
                foreach (ConnectionProfile p in matches)
                {
                    if (Kind != null && !Kind.Contains(p.Kind)) continue;
                    if (written.Add(p.Name)) WriteObject(p);
                }
            }
        }
    }
}
