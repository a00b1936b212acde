using System;
using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Validates bibliographic records with OCLC (WorldCat's rules) and returns OCLC's findings as objects.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "WorldCatRecord", HelpUri = HelpLinks.Folder + "Test-WorldCatRecord.md")]
    [OutputType(typeof(BatchActionResult))]
    public sealed class TestWorldCatRecordCommand : WorldCatBatchActionCommand
    {
        /// <summary>The bibliographic records to validate, usually piped from Import-MarcFile.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>OCLC's validation level: Full (default), Add (rules for a new record) or Replace.</summary>
        [Parameter]
        public WorldCatValidationLevel Level { get; set; } = WorldCatValidationLevel.Full;

        private protected override string RequiredScope => WorldCatScopes.ManageBibs;

        private protected override string ActionName => "WorldCat validate " + Level;

        private protected override bool RefusalIsError => false;

        protected override void BeginProcessing() => BeginBatch("Validate the record again: validation changes nothing.");

        protected override void ProcessRecord()
        {
            foreach (MarcRecord record in InputObject)
            {
                if (Halted) return;
                if (record == null) continue;
                var level = Level;
                Run(ActionInputText.Describe(record), (context, ct) => Client!.ValidateAsync(record, level, context, ct));
            }
        }
    }
}
