using System;
using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Sets our institution's holding on WorldCat records, one request per OCLC number, with a report.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "WorldCatHolding", HelpUri = HelpLinks.Folder + "Add-WorldCatHolding.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BatchActionResult))]
    public sealed class AddWorldCatHoldingCommand : WorldCatBatchActionCommand
    {
        /// <summary>OCLC numbers (strings, Get-OclcNumber results) or MARC records whose number is used.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        [AllowNull]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        private protected override string RequiredScope => WorldCatScopes.ManageInstitutionHoldings;

        private protected override string ActionName => "WorldCat set holdings";

        protected override void BeginProcessing() => BeginBatch("Check with Get-WorldCatHolding whether the holding is set.");

        protected override void ProcessRecord()
        {
            foreach (object item in InputObject)
            {
                if (Halted) return;
                string input = ActionInputText.OclcNumberOf(item);
                string what = WorldCatActionClient.DescribeHolding(input, set: true, cascadeDelete: false) ?? "'" + input + "' (not a valid OCLC number: refused, nothing sent)";
                if (!ShouldProcess(what, "Set WorldCat holding")) continue;
                Run(input, (context, ct) => Client!.SetHoldingAsync(input, context, ct));
            }
        }
    }
}
