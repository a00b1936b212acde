using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Creates local holdings records (LHRs) in WorldCat from MARC holdings records, such as Test-LhrRecord's translated records.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "WorldCatLhr", HelpUri = HelpLinks.Folder + "New-WorldCatLhr.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BatchActionResult), typeof(MarcRecord))]
    public sealed class NewWorldCatLhrCommand : LhrRecordActionCommand
    {
        private protected override string RequiredScope => WorldCatScopes.ManageInstitutionLhrs;

        private protected override string ActionName => "WorldCat create LHRs";

        protected override void BeginProcessing() => BeginBatch("Check with Get-WorldCatLhr -OclcNumber whether the local holdings record was created before creating it again.");

        protected override void ProcessRecord()
        {
            foreach (object item in InputObject)
            {
                if (Halted) return;
                var record = RecordOrRefuse(item, out string input);
                if (record == null || !ShouldProcess("POST /worldcat/" + WorldCatActionPaths.Lhrs + " (" + input + ")", "Create local holdings record")) continue;
                Run(input, (context, ct) => Client!.CreateLhrAsync(record, context, ct));
            }
        }
    }
}
