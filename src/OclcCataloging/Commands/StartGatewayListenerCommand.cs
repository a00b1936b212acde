using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OclcCataloging.Commands.Gateway;
using OclcCataloging.Gateway;
using OclcCataloging.Gateway.Koha;
using OclcCataloging.Ils.Koha;
using OclcCataloging.Commands.Completion;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Receives records sent with OCLC Connexion "Gateway Export" (or Send-GatewayExport): loads them into Koha, saves them to a file or folder and/or hands them to a script block.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "GatewayListener", HelpUri = HelpLinks.Folder + "Start-GatewayListener.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(GatewayListenerHost), typeof(GatewayReceivedRecord))]
    public sealed class StartGatewayListenerCommand : KohaSinkCommand, IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>The TCP port to listen on; 0 picks a free port (see the Port property of the result). Required unless -KohaConfigPath has a port: line.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>The local address to listen on (default: every IPv4 address).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LocalAddressCompleter))]
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

        /// <summary>The folder where records Koha did not take are kept (created when missing); Send-KohaSpool sends them later.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SpoolPath { get; set; }

        /// <summary>Run in the foreground until Ctrl+C, writing each accepted record to the pipeline.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        protected override void EndProcessing()
        {
            KohaSinkSetup? koha = CheckKohaParameters();
            if (!Wait && Path == null && ScriptBlock == null && koha == null)
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
            if (!ShouldProcess(where, "Listen for gateway exports" + (koha != null ? " and load them into " + koha.StaffUrl.AbsoluteUri : "")
                + (Path != null ? " and save them to '" + Path + "'" : ""))) return;

            GatewayRecordStore? store = OpenStore();
            KohaSpool? spool = koha != null ? OpenSpool() : null;
            var options = new GatewayListenerOptions
            {
                BindAddress = bind!,
                Port = Port,
                ReplyStyle = ReplyStyle,
                IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSec),
                MaxConnections = MaxConnections,
                Credential = ConnexionLogon(koha),
            };

            ForegroundWorkQueue? foreground = Wait ? new ForegroundWorkQueue() : null;
            RunspaceRecordHandler? background = null;
            GatewayListenerHost? host = null;
            KohaReceiver? receiver = null;
            try
            {
                if (koha != null)
                    receiver = new KohaReceiver(koha.CreateImporter(), spool, line => host?.AddLog("koha: " + line));
                else if (ScriptBlock != null && foreground == null)
                    background = new RunspaceRecordHandler(ScriptBlock, line => host?.AddLog(line));
                host = new GatewayListenerHost(options, store,
                    receiver != null ? receiver.HandleAsync
                    : foreground != null && ScriptBlock != null ? foreground.HandleAsync
                    : background != null ? background.HandleAsync
                    : null);
                if (receiver != null) host.AttachKoha(receiver, koha!.StaffUrl, spool?.Folder);
                if (foreground != null)
                {
                    host.Accepted = foreground.AddOutput;
                    host.LogSink = foreground.AddLog;
                }
                host.Start((IDisposable?)receiver ?? background);
            }
            catch (SocketException e)
            {
                store?.Dispose();
                background?.Dispose();
                receiver?.Dispose();
                ThrowTerminatingError(new ErrorRecord(new IOException("Cannot listen on " + where + ": " + e.Message, e),
                    e.SocketErrorCode == SocketError.AddressAlreadyInUse ? ErrorIds.GatewayListenerPortInUse : ErrorIds.GatewayListenerStartFailed,
                    e.SocketErrorCode == SocketError.AddressAlreadyInUse ? ErrorCategory.ResourceExists : ErrorCategory.OpenError, where));
                return;
            }

            if (host == null) return;
            WriteVerbose("Listening for gateway exports on " + host.Address + ":" + host.Port.ToString(CultureInfo.InvariantCulture) + ".");
            if (koha != null)
            {
                string line = "Forwarding records to " + koha + (spool != null ? "; spool " + spool.Folder : "; no spool") + ".";
                WriteVerbose(line);
                host.AddLog(line);
            }
            if (foreground == null)
            {
                GatewayListenerRegistry.TryAdd(host);
                WriteObject(host);
                return;
            }
            RunInForeground(host, foreground);
        }

        /// <summary>Checks the combination of parameters and the daemon's configuration; the Koha setup, or null without a Koha sink.</summary>
        private KohaSinkSetup? CheckKohaParameters()
        {
            var bound = MyInvocation.BoundParameters;
            if (!KohaRequested)
            {
                foreach (string name in BoundKohaParameters())
                    Conflict("-" + name + " is a setting of the Koha sink, but neither -Koha nor -KohaConfigPath was given.", "Add -Koha https://staff.example (or -KohaConfigPath), or leave out -" + name + ".");
                if (SpoolPath != null)
                    Conflict("-SpoolPath keeps records Koha did not take, but neither -Koha nor -KohaConfigPath was given.", "Add -Koha https://staff.example (or -KohaConfigPath), or leave out -SpoolPath.");
                if (!bound.ContainsKey(nameof(Port)))
                    Conflict("-Port is required.", "Give -Port 5500 (or -KohaConfigPath with a port: line).");
                return null;
            }
            if (ScriptBlock != null)
                Conflict("-ScriptBlock and the Koha sink both decide what happens to a record.", "Use -Koha (records go to Koha; -Path keeps a copy) or -ScriptBlock, not both.");
            if (ReplyStyle == GatewayReplyStyle.Folio)
                Conflict("-ReplyStyle Folio cannot carry Koha's answers.", "Leave out -ReplyStyle (the Koha sink replies as connexion_import_daemon.pl).");
            KohaSinkSetup koha = ResolveKoha();
            KohaDaemonConfig? config = koha.Config;
            if (!bound.ContainsKey(nameof(Port)))
            {
                if (config?.Port == null)
                    Conflict("No port: -Port was not given and " + (config?.Source ?? "the configuration") + " has no port: line.", "Give -Port 5500.");
                Port = config!.Port!.Value;
            }
            if (!bound.ContainsKey(nameof(IPAddress)) && !string.IsNullOrEmpty(config?.Host)) IPAddress = HostAddress(config!.Host!);
            if (config?.Debug == true) WriteWarning("debug: in " + config.Source + " is ignored: this listener never logs passwords or records.");
            if (config?.Log != null) WriteVerbose("log: in " + config.Source + " is not used; the listener's log is its Log property and, with -Wait, the verbose stream (redirect it with 4>> to keep it in a file).");
            if (SpoolPath == null)
                WriteWarning("No -SpoolPath: a record Koha does not take (Koha down, no answer) is answered 'Unsuccessful request' and kept nowhere. Add -SpoolPath to keep such records for Send-KohaSpool.");
            return koha;
        }

        // The daemon's host: is an address or a name; a name listens on its first IPv4 address.
        private static string HostAddress(string host)
        {
            if (System.Net.IPAddress.TryParse(host, out _)) return host;
            try
            {
                foreach (IPAddress a in Dns.GetHostAddresses(host))
                    if (a.AddressFamily == AddressFamily.InterNetwork) return a.ToString();
            }
            catch (SocketException) { }
            return host;
        }

        /// <summary>The Connexion logon a sender must give: -Credential, else the configuration's connexion_user/connexion_password.</summary>
        private NetworkCredential? ConnexionLogon(KohaSinkSetup? koha)
        {
            if (Credential != null && Credential != PSCredential.Empty) return new NetworkCredential(Credential.UserName, Credential.Password);
            KohaDaemonConfig? config = koha?.Config;
            if (config == null || string.IsNullOrEmpty(config.ConnexionUser)) return null;
            if (string.IsNullOrEmpty(config.ConnexionPassword))
                Conflict(config.Source + " sets connexion_user but no connexion_password.", "Add connexion_password: to the file, or give -Credential.");
            return new NetworkCredential(config.ConnexionUser, config.ConnexionPassword);
        }

        private KohaSpool? OpenSpool()
        {
            if (SpoolPath == null) return null;
            string path = GetUnresolvedProviderPathFromPSPath(SpoolPath);
            try
            {
                return new KohaSpool(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.GatewayListenerOutputFailed,
                    e is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.OpenError, SpoolPath)
                {
                    ErrorDetails = new ErrorDetails("The spool folder '" + path + "' cannot be created or written: " + e.Message),
                });
                return null;
            }
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
