using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Gateway;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>
    /// Runs a background listener's -ScriptBlock in a private runspace, one record at a time. A script block belongs
    /// to the runspace that created it and must not run on a listener thread, so the handler is re-created from its
    /// text inside the private runspace (which has OclcCataloging imported). It therefore cannot see the caller's
    /// variables; the record is <c>$_</c>.
    /// </summary>
    internal sealed class RunspaceRecordHandler : IDisposable
    {
        private readonly string _script;
        private readonly Runspace _runspace;
        private readonly SemaphoreSlim _one = new SemaphoreSlim(1, 1);
        private readonly Action<string> _log;

        internal RunspaceRecordHandler(ScriptBlock handler, Action<string> log)
        {
            _script = handler.ToString();
            _log = log;
            InitialSessionState state = InitialSessionState.CreateDefault();
            string? manifest = ModuleManifestPath();
            if (manifest != null) state.ImportPSModule(new[] { manifest });
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
        }

        /// <summary>The module's manifest next to the loaded assembly (bin/&lt;framework&gt;/ → ../../OclcCataloging.psd1), or null.</summary>
        private static string? ModuleManifestPath()
        {
            string? bin = Path.GetDirectoryName(typeof(RunspaceRecordHandler).Assembly.Location);
            if (string.IsNullOrEmpty(bin)) return null;
            string manifest = Path.GetFullPath(Path.Combine(bin, "..", "..", "OclcCataloging.psd1"));
            return File.Exists(manifest) ? manifest : null;
        }

        internal async Task<GatewayListenerVerdict> HandleAsync(GatewayReceivedRecord record, CancellationToken cancellationToken)
        {
            await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await Task.Run(() => Invoke(record, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _one.Release();
            }
        }

        private GatewayListenerVerdict Invoke(GatewayReceivedRecord record, CancellationToken cancellationToken)
        {
            using (PowerShell ps = PowerShell.Create())
            using (cancellationToken.Register(p => ((PowerShell)p!).Stop(), ps))
            {
                ps.Runspace = _runspace;
                ps.AddCommand("ForEach-Object").AddParameter("Process", ScriptBlock.Create(_script));
                var output = ps.Invoke(new object[] { record });
                foreach (ErrorRecord error in ps.Streams.Error)
                    _log("handler, record " + record.Sequence + ": " + error);
                return HandlerVerdict.From(output);
            }
        }

        public void Dispose()
        {
            _runspace.Dispose();
            _one.Dispose();
        }
    }
}
