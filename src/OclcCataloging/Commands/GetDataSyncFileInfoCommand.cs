using System;
using System.Management.Automation;
using OclcCataloging.DataSync.FileNames;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads the parts of OCLC data sync output, report and upload file names.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DataSyncFileInfo", HelpUri = HelpLinks.Folder + "Get-DataSyncFileInfo.md")]
    [OutputType(typeof(DataSyncFileInfo))]
    public sealed class GetDataSyncFileInfoCommand : PSCmdlet
    {
        /// <summary>File names (or files) to parse.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (string n in Name)
            {
                if (n == null) continue;
                WriteObject(DataSyncFileInfo.Parse(n));
            }
        }
    }
}
