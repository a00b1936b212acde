using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;
using OclcCataloging.Marc.Editing;

namespace OclcCataloging.Commands.Editing
{
    /// <summary>
    /// <para type="synopsis">Applies constant data (from New-MarcConstantData) to each record in the pipeline and passes the changed copy on; the input records do not change.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MarcConstantData", HelpUri = HelpLinks.Folder + "Set-MarcConstantData.md", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(MarcRecord), typeof(FieldChange))]
    public sealed class SetMarcConstantDataCommand : MarcRecordInputCommand
    {
        /// <summary>The constant data to apply, from New-MarcConstantData.</summary>
        [Parameter(Mandatory = true)]
        public MarcConstantData ConstantData { get; set; } = null!;

        /// <summary>Output what each record would get (one change per field: Added, Replaced, Changed, Kept) instead of the records.</summary>
        [Parameter]
        public SwitchParameter AsChange { get; set; }

        protected override void ProcessMarcRecord(MarcRecord record)
        {
            MarcRecord changed = ConstantData.Apply(record, out IList<FieldChange> changes);
            if (!AsChange)
            {
                WriteObject(changed);
                return;
            }
            string? id = RecordMatchIndex.KeyOf(record);
            foreach (FieldChange c in changes) WriteObject(c.ForRecord(id));
        }
    }
}
