using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OclcCataloging.Commands.Gateway;
using OclcCataloging.Gateway;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Receives records sent with OCLC Connexion "Gateway Export" (or Send-GatewayExport): saves them to a file or folder and/or hands them to a script block.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "GatewayListener", HelpUri = HelpLinks.Folder + "Start-GatewayListener.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(GatewayListenerHost), typeof(GatewayReceivedRecord))]
    public sealed class StartGatewayListenerCommand : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>The TCP port to listen on; 0 picks a free port (see the Port property of the result).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>The local address to listen on (default: every IPv4 address).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string IPAddress { get; set; } = "0.0.0.0";

        /// <summary>A folder (one .mrc file per record) or a file (records appended) where accepted records are saved.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Runs for each record, with the record as $_; output $false to reject it.</summary>
        [Parameter]
        public ScriptBlock? ScriptBlock { get; set; }

        /// <summary>The logon ID (user name) and password a sender must give; without it any sender is accepted.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Koha (the default) or Folio: how replies are worded and who closes the connection.</summary>
        [Parameter]
        public GatewayReplyStyle ReplyStyle { get; set; } = GatewayReplyStyle.Koha;

        /// <summary>Seconds a connection may stay silent before it is answered or closed.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int IdleTimeoutSec { get; set; } = 5;

        /// <summary>Connections served at once; more wait in the queue.</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int MaxConnections { get; set; } = 64;

        /// <summary>Run in the foreground until Ctrl+C, writing each accepted record to the pipeline.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        protected override void EndProcessing()
        {
            if (!Wait && Path == null && ScriptBlock == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("A background listener needs -Path or -ScriptBlock, or the records it receives would be lost. Use -Wait to get them as output."),
                    ErrorIds.GatewayListenerNoOutput, ErrorCategory.InvalidArgument, null));
            }
            if (!System.Net.IPAddress.TryParse(IPAddress, out IPAddress? bind))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-IPAddress '" + IPAddress + "' is not an IP address."),
                    ErrorIds.GatewayListenerStartFailed, ErrorCategory.InvalidArgument, IPAddress));
                return;
            }
            if (Port != 0 && GatewayListenerRegistry.TryGet(Port, out _))
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("A gateway listener already runs on port " + Port + " in this process. Stop it first: Stop-GatewayListener -Port " + Port + "."),
                    ErrorIds.GatewayListenerPortInUse, ErrorCategory.ResourceExists, Port));
            }

            string where = bind + ":" + Port.ToString(CultureInfo.InvariantCulture);
            if (!ShouldProcess(where, "Listen for gateway exports" + (Path != null ? " and save them to '" + Path + "'" : ""))) return;

            GatewayRecordStore? store = OpenStore();
            var options = new GatewayListenerOptions
            {
                BindAddress = bind!,
                Port = Port,
                ReplyStyle = ReplyStyle,
                IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSec),
                MaxConnections = MaxConnections,
                Credential = Credential == null || Credential == PSCredential.Empty ? null : new NetworkCredential(Credential.UserName, Credential.Password),
            };

            ForegroundWorkQueue? foreground = Wait ? new ForegroundWorkQueue() : null;
            RunspaceRecordHandler? background = null;
            GatewayListenerHost? host = null;
            try
            {
                if (ScriptBlock != null && foreground == null)
                    background = new RunspaceRecordHandler(ScriptBlock, line => host?.AddLog(line));
                host = new GatewayListenerHost(options, store,
                    foreground != null && ScriptBlock != null ? foreground.HandleAsync
                    : background != null ? background.HandleAsync
                    : null);
                if (foreground != null)
                {
                    host.Accepted = foreground.AddOutput;
                    host.LogSink = foreground.AddLog;
                }
                host.Start(background);
            }
            catch (SocketException e)
            {
                store?.Dispose();
                background?.Dispose();
                ThrowTerminatingError(new ErrorRecord(new IOException("Cannot listen on " + where + ": " + e.Message, e),
                    e.SocketErrorCode == SocketError.AddressAlreadyInUse ? ErrorIds.GatewayListenerPortInUse : ErrorIds.GatewayListenerStartFailed,
                    e.SocketErrorCode == SocketError.AddressAlreadyInUse ? ErrorCategory.ResourceExists : ErrorCategory.OpenError, where));
                return;
            }

            if (host == null) return;
            WriteVerbose("Listening for gateway exports on " + host.Address + ":" + host.Port.ToString(CultureInfo.InvariantCulture) + ".");
            if (foreground == null)
            {
                GatewayListenerRegistry.TryAdd(host);
                WriteObject(host);
                return;
            }
            RunInForeground(host, foreground);
        }

        private GatewayRecordStore? OpenStore()
        {
            if (Path == null) return null;
            string path = GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                if (Directory.Exists(path)) return new GatewayRecordStore(path, folder: true);
                string? parent = System.IO.Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
                {
                    ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException("The folder '" + parent + "' of -Path does not exist."),
                        ErrorIds.DirectoryNotFound, ErrorCategory.ObjectNotFound, Path));
                }
                return new GatewayRecordStore(path, folder: false);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.GatewayListenerOutputFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.OpenError, Path));
                return null;
            }
        }

        /// <summary>-Wait: the pipeline thread runs the handler and writes output until Ctrl+C (StopProcessing) cancels.</summary>
        private void RunInForeground(GatewayListenerHost host, ForegroundWorkQueue queue)
        {
            WriteVerbose("Press Ctrl+C to stop.");
            try
            {
                while (!_cancel.IsCancellationRequested)
                {
                    if (!queue.TryTake(out ForegroundWork? work, 500, _cancel.Token)) continue;
                    if (work!.LogLine != null) WriteVerbose(work.LogLine);
                    else if (work.Output != null) WriteObject(work.Output);
                    else if (work.HandlerRecord != null) RunHandler(work.HandlerRecord, work.Verdict!);
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C
            }
            finally
            {
                queue.Complete();
                host.Stop();
            }
        }

        private void RunHandler(GatewayReceivedRecord record, System.Threading.Tasks.TaskCompletionSource<GatewayListenerVerdict> verdict)
        {
            try
            {
                var output = ScriptBlock!.InvokeWithContext(null, new System.Collections.Generic.List<PSVariable> { new PSVariable("_", record) }, record);
                verdict.TrySetResult(HandlerVerdict.From(output));
            }
            catch (Exception e) when (e is RuntimeException || e is IOException)
            {
                verdict.TrySetException(e);
                WriteError(new ErrorRecord(e, ErrorIds.GatewayHandlerFailed, ErrorCategory.InvalidResult, record)
                {
                    ErrorDetails = new ErrorDetails("The -ScriptBlock failed for record " + record.Sequence + " from " + record.RemoteEndPoint + ": " + e.Message + " The sender was told the record could not be stored."),
                });
            }
        }

        protected override void StopProcessing() => _cancel.Cancel();

        public void Dispose() => _cancel.Dispose();
    }
}
