using System.Management.Automation;
using OclcCataloging.Commands.Gateway;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the gateway listeners running in this PowerShell process, with their counts and recent log.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "GatewayListener", HelpUri = HelpLinks.Folder + "Get-GatewayListener.md")]
    [OutputType(typeof(GatewayListenerHost))]
    public sealed class GetGatewayListenerCommand : PSCmdlet
    {
        /// <summary>Only the listeners on these ports.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public int[]? Port { get; set; }

        protected override void ProcessRecord()
        {
            foreach (GatewayListenerHost host in GatewayListenerRegistry.All())
            {
                if (Port == null || System.Array.IndexOf(Port, host.Port) >= 0) WriteObject(host);
            }
        }
    }
}
