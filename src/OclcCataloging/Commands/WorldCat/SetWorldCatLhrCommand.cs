using System;
using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Replaces local holdings records (LHRs) in WorldCat; each record's 001 names the LHR it replaces.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "WorldCatLhr", HelpUri = HelpLinks.Folder + "Set-WorldCatLhr.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BatchActionResult), typeof(MarcRecord))]
    public sealed class SetWorldCatLhrCommand : LhrRecordActionCommand
    {
        /// <summary>The control number of the LHR to replace, when it is not in the record's 001 (one record only).</summary>
        [Parameter]
        public string? ControlNumber { get; set; }

        private protected override string RequiredScope => WorldCatScopes.ManageInstitutionLhrs;

        private protected override string ActionName => "WorldCat replace LHRs";

        protected override void BeginProcessing() => BeginBatch("Check with Get-WorldCatLhr whether the local holdings record was replaced.");

        protected override void ProcessRecord()
        {
            foreach (object item in InputObject)
            {
                if (Halted) return;
                var record = ActionInputText.RecordOf(item);
                if (record == null)
                {
                    RecordOrRefuse(item, out _);
                    continue;
                }
                string control = (ControlNumber ?? record.ControlNumber ?? "").Trim();
                if (!ShouldProcess("PUT /worldcat/" + WorldCatActionPaths.Lhr(control), "Replace local holdings record")) continue;
                Run(control, (context, ct) => Client!.ReplaceLhrAsync(control, record, context, ct));
            }
        }
    }
}
