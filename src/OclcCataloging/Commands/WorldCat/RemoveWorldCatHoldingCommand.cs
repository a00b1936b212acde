using System;
using System.Management.Automation;
using System.Threading.Tasks;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Unsets our institution's holding on WorldCat records, keeping attached local holdings records unless -DeleteLocalHoldings is given.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "WorldCatHolding", HelpUri = HelpLinks.Folder + "Remove-WorldCatHolding.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BatchActionResult))]
    public sealed class RemoveWorldCatHoldingCommand : WorldCatBatchActionCommand
    {
        private bool _cascadeConfirmed;

        /// <summary>OCLC numbers (strings, Get-OclcNumber results) or MARC records whose number is used.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        [AllowNull]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>Also delete our local holdings records and local bibliographic data attached to each record (the API's cascadeDelete).</summary>
        [Parameter]
        public SwitchParameter DeleteLocalHoldings { get; set; }

        /// <summary>With -DeleteLocalHoldings: do not ask for confirmation first.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private protected override string RequiredScope => WorldCatScopes.ManageInstitutionHoldings;

        private protected override string ActionName => "WorldCat unset holdings cascadeDelete=" + (DeleteLocalHoldings ? "true" : "false");

        protected override void BeginProcessing() => BeginBatch("Check with Get-WorldCatHolding whether the holding is still set"
            + (DeleteLocalHoldings ? ", and with Get-WorldCatLhr whether the local holdings records remain." : "."));

        protected override void ProcessRecord()
        {
            foreach (object item in InputObject)
            {
                if (Halted) return;
                string input = ActionInputText.OclcNumberOf(item);
                string what = WorldCatActionClient.DescribeHolding(input, set: false, DeleteLocalHoldings) ?? "'" + input + "' (not a valid OCLC number: refused, nothing sent)";
                if (!ShouldProcess(what, DeleteLocalHoldings ? "Unset WorldCat holding and delete attached local holdings records" : "Unset WorldCat holding")) continue;
                if (!ConfirmCascade()) return;
                bool cascade = DeleteLocalHoldings;
                Run(input, async (context, ct) => Advise(await Client!.UnsetHoldingAsync(input, cascade, context, ct).ConfigureAwait(false), cascade));
            }
        }

        /// <summary>
        /// A cascading unset deletes records for good, so it is treated as ConfirmImpact High: asked once per run
        /// unless -Force, -Confirm:$false or $ConfirmPreference = 'None'.
        /// </summary>
        private bool ConfirmCascade()
        {
            if (!DeleteLocalHoldings || Force || _cascadeConfirmed) return true;
            if (GetVariableValue("ConfirmPreference") is ConfirmImpact preference && preference == ConfirmImpact.None) return _cascadeConfirmed = true;
            bool yesToAll = false, noToAll = false;
            _cascadeConfirmed = ShouldContinue("Unsetting these holdings also deletes the local holdings records and local bibliographic data attached to them. This cannot be undone.",
                "Delete local holdings records?", ref yesToAll, ref noToAll);
            return _cascadeConfirmed;
        }

        private static ActionOutcome Advise(ActionOutcome outcome, bool cascade)
        {
            if (!cascade && outcome.Status == ActionStatus.Refused && outcome.HttpStatus == 200)
                outcome.Message += " (Run again with -DeleteLocalHoldings to delete them with the holding.)";
            return outcome;
        }
    }
}
