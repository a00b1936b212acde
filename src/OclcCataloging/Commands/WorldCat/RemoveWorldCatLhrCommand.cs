using System;
using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Deletes local holdings records (LHRs) from WorldCat by control number.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "WorldCatLhr", HelpUri = HelpLinks.Folder + "Remove-WorldCatLhr.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BatchActionResult))]
    public sealed class RemoveWorldCatLhrCommand : WorldCatBatchActionCommand
    {
        /// <summary>LHR control numbers (the LHR's 001); MARC records and action results bind by their ControlNumber property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string[] ControlNumber { get; set; } = Array.Empty<string>();

        private protected override string RequiredScope => WorldCatScopes.ManageInstitutionLhrs;

        private protected override string ActionName => "WorldCat delete LHRs";

        protected override void BeginProcessing() => BeginBatch("Check with Get-WorldCatLhr whether the local holdings record still exists.");

        protected override void ProcessRecord()
        {
            foreach (string control in ControlNumber)
            {
                if (Halted) return;
                string input = control ?? "";
                if (!ShouldProcess("DELETE /worldcat/" + WorldCatActionPaths.Lhr(input.Trim()), "Delete local holdings record")) continue;
                Run(input, (context, ct) => Client!.DeleteLhrAsync(input, context, ct));
            }
        }
    }
}
