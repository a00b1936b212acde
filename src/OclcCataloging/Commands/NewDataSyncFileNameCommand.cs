using System;
using System.Management.Automation;
using OclcCataloging.DataSync.FileNames;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Builds a WorldCat data sync upload file name that follows OCLC's naming rules.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DataSyncFileName", HelpUri = HelpLinks.Folder + "New-DataSyncFileName.md")]
    [OutputType(typeof(string))]
    public sealed class NewDataSyncFileNameCommand : PSCmdlet
    {
        /// <summary>The 7-digit data sync collection ID.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string CollectionId { get; set; } = string.Empty;

        /// <summary>The OCLC institution symbol.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Symbol { get; set; } = string.Empty;

        /// <summary>Optional elements after the symbol (letters and digits).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] Description { get; set; } = Array.Empty<string>();

        /// <summary>mrc, xml or csv.</summary>
        [Parameter]
        [ValidateSet("mrc", "xml", "csv", IgnoreCase = true)]
        public string Extension { get; set; } = "mrc";

        /// <summary>Add the date and time (Dyyyymmdd.Thhmmss).</summary>
        [Parameter]
        public SwitchParameter Timestamp { get; set; }

        /// <summary>The time to write with -Timestamp instead of now.</summary>
        [Parameter]
        public DateTime? Date { get; set; }

        /// <summary>Add a sequence number element.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int? Sequence { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                DateTime? stamp = Timestamp || Date.HasValue ? Date ?? DateTime.Now : (DateTime?)null;
                WriteObject(DataSyncFileNameBuilder.Build(CollectionId, Symbol, Description, Extension, stamp, Sequence));
            }
            catch (DataSyncFileNameException e)
            {
                WriteError(new ErrorRecord(e, e.RuleId, ErrorCategory.InvalidArgument, e.ParamName == "collectionId" ? CollectionId : e.ParamName == "symbol" ? Symbol : (object)Description)
                {
                    ErrorDetails = new ErrorDetails(e.Message)
                    {
                        RecommendedAction = "Use the 7-digit collection ID from Collection Manager, the library's OCLC symbol, and letters and digits only in -Description.",
                    },
                });
            }
        }
    }
}
