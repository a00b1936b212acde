using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Commands.Gateway;
using OclcCataloging.Connections;
using OclcCataloging.Gateway;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Editing;
using OclcCataloging.Module;
using OclcCataloging.Resilience;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends MARC records to an ILS over the OCLC Connexion "Gateway Export" protocol (Koha, Alma, FOLIO), one connection per record.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "GatewayExport", HelpUri = HelpLinks.Folder + "Send-GatewayExport.md", DefaultParameterSetName = ComputerSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(GatewaySendResult))]
    public sealed class SendGatewayExportCommand : ValidatingExportCommand, IDisposable
    {
        private const string ComputerSet = "ComputerName";
        private const string ConnectionSet = "Connection";

        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private GatewayClient? _client;
        private OrderedSendWindow? _window;
        private ProgressThrottle? _progress;
        private long _received;
        private long _emitted;
        private long _accepted;

        /// <summary>The records to send, usually piped from Import-MarcFile.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>The receiver's host name or IP address.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ComputerSet)]
        [ValidateNotNullOrEmpty]
        [Alias("Cn", "HostName")]
        public string ComputerName { get; set; } = string.Empty;

        /// <summary>A gateway connection saved with Set-OclcConnection: receiver, port, type, user id and logon. Other parameters override its values.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConnectionSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GatewayConnectionNameCompleter))]
        public string Connection { get; set; } = string.Empty;

        /// <summary>The receiver's port. Required, except with -ReceiverType Alma, where it defaults to 5500.</summary>
        [Parameter(Position = 1)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>Local system logon ID (user name) and password, as under "Send Local System Logon ID/Password".</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The "Send User ID" value (the U field).</summary>
        [Parameter]
        public string? UserId { get; set; }

        /// <summary>Koha, Alma, Folio or Generic: how the reply text is read.</summary>
        [Parameter]
        public GatewayReceiverType ReceiverType { get; set; } = GatewayReceiverType.Generic;

        /// <summary>Seconds to wait for the reply once a record is sent (90, as vendor guides set Connexion).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 90;

        /// <summary>Connection attempts after the first when no connection could be made (nothing was sent).</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int RetryCount { get; set; } = 3;

        /// <summary>Seconds before the first retry (later retries back off).</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public double RetryDelaySec { get; set; }

        /// <summary>Do not send the end-of-transmission NUL after the record.</summary>
        [Parameter]
        public SwitchParameter NoEndOfTransmission { get; set; }

        /// <summary>Utf8 or Marc8: convert each record before sending. Default: send as the record is.</summary>
        [Parameter]
        [ValidateSet(nameof(GatewayRecordEncoding.Utf8), nameof(GatewayRecordEncoding.Marc8), IgnoreCase = true)]
        public GatewayRecordEncoding Encoding { get; set; } = GatewayRecordEncoding.AsIs;

        /// <summary>Send authority records (leader/06 'z') too.</summary>
        [Parameter]
        public SwitchParameter AllowAuthority { get; set; }

        /// <summary>Connections open at once (default 1).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>Fields to leave out of each record sent (Connexion's "Fields to Delete on Export"): tag patterns such as 9XX, 029, 938, or a pattern with subfield codes such as 856$z.</summary>
        [Parameter]
        [TagListTransformation]
        public string[] RemoveField { get; set; } = Array.Empty<string>();

        private IReadOnlyList<FieldSelector> _remove = Array.Empty<FieldSelector>();

        protected override void BeginProcessing()
        {
            if (ParameterSetName == ConnectionSet) ApplySavedConnection();
            StartValidation();
            _remove = RemoveFieldArgument.Parse(this, RemoveField);
            int port = Port;
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(Port)))
            {
                if (ReceiverType != GatewayReceiverType.Alma)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException("-Port is required for a " + ReceiverType + " receiver: Koha and FOLIO have no standard port (only Alma's 5500 is assumed)."),
                        ErrorIds.GatewayPortRequired, ErrorCategory.InvalidArgument, ComputerName));
                }
                port = GatewayClientOptions.AlmaDefaultPort;
                WriteVerbose("Using Alma's port " + port.ToString(CultureInfo.InvariantCulture) + ".");
            }

            var options = new GatewayClientOptions(ComputerName, port)
            {
                ReceiverType = ReceiverType,
                Logon = CreateLogon(),
                SendEndOfTransmission = !NoEndOfTransmission,
                ReplyTimeout = TimeSpan.FromSeconds(TimeoutSec),
                ConnectTimeout = TimeSpan.FromSeconds(Math.Min(TimeoutSec, 30)),
                AllowAuthority = AllowAuthority,
            };
            IRetryExecutor retry = RetryCount == 0
                ? NoRetryExecutor.Instance
                : ModuleServices.CreateRetryExecutor(new RetrySettings
                {
                    MaxRetryAttempts = RetryCount,
                    Delay = TimeSpan.FromSeconds(RetryDelaySec),
                    UseJitter = false,
                    ShouldRetry = GatewayClient.IsRetryableFailure,
                });
            _client = new GatewayClient(options, retry);
            _window = new OrderedSendWindow(ThrottleLimit);
            _progress = new ProgressThrottle();
        }

        // Values of the saved connection fill in every parameter not given on the command line.
        private void ApplySavedConnection()
        {
            ResolvedConnection resolved = ConnectionResolver.Resolve(this, Connection, ConnectionKind.Gateway);
            ConnectionProfile profile = resolved.Profile;
            var bound = MyInvocation.BoundParameters;
            ComputerName = profile.GetSetting(ConnectionSettingNames.ComputerName) ?? string.Empty;
            if (!bound.ContainsKey(nameof(Port)) && profile.GetInt32Setting(ConnectionSettingNames.Port) is int port)
            {
                Port = port;
                bound[nameof(Port)] = port;
            }
            if (!bound.ContainsKey(nameof(ReceiverType))
                && Enum.TryParse(profile.GetSetting(ConnectionSettingNames.ReceiverType) ?? string.Empty, ignoreCase: true, out GatewayReceiverType type))
                ReceiverType = type;
            if (!bound.ContainsKey(nameof(UserId))) UserId = profile.GetSetting(ConnectionSettingNames.UserId);
            if (!bound.ContainsKey(nameof(Credential))) Credential = resolved.ToPSCredential();
        }

        /// <summary>U from -UserId; A and P from -Credential. A blank user name sends no logon ID; domain-style names are kept whole.</summary>
        private GatewayLogon? CreateLogon()
        {
            NetworkCredential? credential = null;
            if (Credential != null && Credential != PSCredential.Empty)
            {
                string user = string.IsNullOrWhiteSpace(Credential.UserName) ? string.Empty : Credential.UserName;
                credential = new NetworkCredential(user, Credential.Password);
            }
            if (string.IsNullOrEmpty(UserId) && credential == null) return null;
            return new GatewayLogon(UserId, credential);
        }

        protected override void ProcessRecord()
        {
            GatewayClient client = _client!;
            foreach (MarcRecord input in InputObject)
            {
                if (input == null) continue;
                MarcRecord record = FieldRemoval.Apply(input, _remove);
                _received++;
                if (Refuse(record, _received) is { } invalid)
                {
                    Enqueue(record, Task.FromResult(client.NotValid(invalid)));
                    continue;
                }
                GatewayRecord gatewayRecord;
                try
                {
                    gatewayRecord = GatewayRecord.FromRecord(record, Encoding);
                }
                catch (GatewayException e)
                {
                    Enqueue(record, Task.FromResult(client.NotSent(record, e)));
                    continue;
                }

                GatewayCheckedRecord checkedRecord = client.Check(gatewayRecord);
                if (checkedRecord.MaySend)
                {
                    string description = client.DescribeSend(gatewayRecord);
                    if (!ShouldProcess(description, description + "?", "Send-GatewayExport")) continue;
                }
                // A refused record goes through SendAsync too, which refuses it without connecting and builds its result.
                Enqueue(record, client.SendAsync(checkedRecord, _cancel.Token));
            }
        }

        private void Enqueue(MarcRecord record, Task<GatewaySendResult> send)
        {
            OrderedSendWindow window = _window!;
            window.Add(record, send);
            Drain(window, untilEmpty: false);
            ReportProgress();
        }

        /// <summary>Writes the finished results in input order: while the window is full, or (at the end) all of them.</summary>
        private void Drain(OrderedSendWindow window, bool untilEmpty)
        {
            try
            {
                while (window.TryTakeOldest(untilEmpty || window.IsFull, out MarcRecord? done, out GatewaySendResult? result))
                    Emit(done!, result!);
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected override void EndProcessing()
        {
            OrderedSendWindow? window = _window;
            if (window == null) return;
            Drain(window, untilEmpty: true);
            if (_progress != null && _progress.HasReported)
                WriteProgress(new ProgressRecord(4, "Send-GatewayExport", "Done") { RecordType = ProgressRecordType.Completed });
            WriteVerbose("Sent " + _emitted.ToString("N0", CultureInfo.CurrentCulture) + " records to " + ComputerName + "; "
                + _accepted.ToString("N0", CultureInfo.CurrentCulture) + " accepted.");
        }

        private void Emit(MarcRecord record, GatewaySendResult result)
        {
            _emitted++;
            if (result.Status == GatewayStatus.Accepted) _accepted++;
            WriteVerbose(result.ToString());
            if (result.ErrorCode == GatewayErrorCodes.LogonRefused)
            {
                // One error for the run, as a refused WorldCat credential stops a batch search: no record after it is sent.
                _cancel.Cancel();
                WriteObject(result);
                ThrowTerminatingError(GatewayErrorRecords.ForResult(result, record, _emitted));
            }
            if (result.Status != GatewayStatus.Accepted) WriteError(GatewayErrorRecords.ForResult(result, record, _emitted));
            WriteObject(result);
        }

        private void ReportProgress()
        {
            if (_progress == null || !_progress.IsDue()) return;
            WriteProgress(new ProgressRecord(4, "Send-GatewayExport",
                "Sent " + _emitted.ToString("N0", CultureInfo.CurrentCulture) + " of " + _received.ToString("N0", CultureInfo.CurrentCulture)
                + " records to " + ComputerName + " (" + _accepted.ToString("N0", CultureInfo.CurrentCulture) + " accepted)"));
        }

        protected override void StopProcessing() => _cancel.Cancel();

        public void Dispose() => _cancel.Dispose();
    }
}
