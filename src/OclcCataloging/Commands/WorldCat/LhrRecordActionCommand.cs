using System;
using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>What New-WorldCatLhr and Set-WorldCatLhr share: records in, -PassThru gives back the record WorldCat stored.</summary>
    public abstract class LhrRecordActionCommand : WorldCatBatchActionCommand
    {
        /// <summary>MARC holdings records, or Test-LhrRecord results (their translated record is sent).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>Output the record WorldCat stored (with its control number in 001) instead of the result.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void Output(BatchActionResult result)
        {
            if (!PassThru) base.Output(result);
            else if (result.Record != null) WriteObject(result.Record);
        }

        /// <summary>Each input's record, or a refusal when the input is not one.</summary>
        private protected MarcRecord? RecordOrRefuse(object? item, out string input)
        {
            var record = ActionInputText.RecordOf(item);
            input = record == null ? (item?.ToString() ?? "") : ActionInputText.Describe(record);
            if (record != null) return record;
            string text = input;
            Run(text, (c, ct) => System.Threading.Tasks.Task.FromResult(ActionOutcome.Refused("'" + text + "' is not a MARC holdings record; nothing was sent.")));
            return null;
        }
    }
}
