using System;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Mrk;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns MARC records into MarcEdit mnemonic text (.mrk8 or .mrk style), one string per record.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "MarcText", HelpUri = HelpLinks.Folder + "ConvertTo-MarcText.md")]
    [OutputType(typeof(string))]
    public sealed class ConvertToMarcTextCommand : PSCmdlet
    {
        /// <summary>The records to convert.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>Mrk8 (default: Unicode text) or Mrk (ASCII: MARC-8 characters as LC mnemonics such as {acute}).</summary>
        [Parameter]
        [ValidateSet(nameof(MarcFormat.Mrk8), nameof(MarcFormat.Mrk), IgnoreCase = true)]
        public MarcFormat Format { get; set; } = MarcFormat.Mrk8;

        protected override void ProcessRecord()
        {
            foreach (MarcRecord record in InputObject)
            {
                if (record == null) continue;
                string text;
                try
                {
                    text = MarcEditText.ToText(record, Format, "\n");
                }
                catch (MarcEncodingException e)
                {
                    WriteError(new ErrorRecord(e, ErrorIds.RecordNotConverted, ErrorCategory.InvalidData, record));
                    continue;
                }
                WriteObject(text);
            }
        }
    }
}
