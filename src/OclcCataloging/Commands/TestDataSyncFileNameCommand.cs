using System;
using System.Management.Automation;
using OclcCataloging.DataSync.FileNames;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks a WorldCat data sync upload file name against OCLC's naming rules.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "DataSyncFileName", HelpUri = HelpLinks.Folder + "Test-DataSyncFileName.md")]
    [OutputType(typeof(DataSyncFileNameTest))]
    public sealed class TestDataSyncFileNameCommand : PSCmdlet
    {
        /// <summary>File names (or files) to check.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Accept extensions other than mrc, xml and csv.</summary>
        [Parameter]
        public SwitchParameter AllowAnyExtension { get; set; }

        private DataSyncFileNameBatch? _batch;

        protected override void BeginProcessing() => _batch = new DataSyncFileNameBatch(AllowAnyExtension);

        protected override void ProcessRecord()
        {
            foreach (string n in Name)
            {
                if (n != null) WriteObject(_batch!.Test(n));
            }
        }
    }
}
