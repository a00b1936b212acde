using System.Globalization;
using System.Management.Automation;
using OclcCataloging.Commands.Gateway;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops gateway listeners started with Start-GatewayListener, after the records in progress have been answered.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "GatewayListener", HelpUri = HelpLinks.Folder + "Stop-GatewayListener.md", DefaultParameterSetName = ObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(GatewayListenerHost))]
    public sealed class StopGatewayListenerCommand : PSCmdlet
    {
        private const string ObjectSet = "InputObject";
        private const string PortSet = "Port";

        /// <summary>The listeners to stop, as Start-GatewayListener or Get-GatewayListener returned them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0, ParameterSetName = ObjectSet)]
        public GatewayListenerHost[] InputObject { get; set; } = new GatewayListenerHost[0];

        /// <summary>The ports of the listeners to stop.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PortSet)]
        public int[] Port { get; set; } = new int[0];

        /// <summary>Write each stopped listener (with its final counts) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PortSet)
            {
                foreach (int port in Port)
                {
                    if (GatewayListenerRegistry.TryGet(port, out GatewayListenerHost? host)) StopOne(host!);
                    else WriteError(new ErrorRecord(
                        new ItemNotFoundException("No gateway listener started with Start-GatewayListener runs on port " + port.ToString(CultureInfo.InvariantCulture) + " in this process."),
                        ErrorIds.GatewayListenerNotFound, ErrorCategory.ObjectNotFound, port));
                }
                return;
            }
            foreach (GatewayListenerHost host in InputObject)
            {
                if (host != null) StopOne(host);
            }
        }

        private void StopOne(GatewayListenerHost host)
        {
            if (!ShouldProcess(host.ToString(), "Stop")) return;
            GatewayListenerRegistry.Remove(host);
            host.Stop();
            WriteVerbose("Stopped the gateway listener on port " + host.Port.ToString(CultureInfo.InvariantCulture) + ": "
                + host.RecordsAccepted.ToString(CultureInfo.InvariantCulture) + " records accepted, "
                + host.RequestsRejected.ToString(CultureInfo.InvariantCulture) + " requests rejected.");
            if (PassThru) WriteObject(host);
        }
    }
}
