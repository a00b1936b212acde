using System;
using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;

namespace OclcCataloging.Commands.WorldCat
{
    /// <summary>
    /// <para type="synopsis">Shows whether our institution holds WorldCat records, asking for up to 10 OCLC numbers per request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WorldCatHolding", HelpUri = HelpLinks.Folder + "Get-WorldCatHolding.md")]
    [OutputType(typeof(BatchActionResult))]
    public sealed class GetWorldCatHoldingCommand : WorldCatBatchActionCommand
    {
        private readonly List<string> _pending = new List<string>(WorldCatActionPaths.MaxCurrentHoldingsNumbers);

        /// <summary>OCLC numbers (strings, Get-OclcNumber results) or MARC records whose number is used.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        [AllowNull]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        private protected override string RequiredScope => WorldCatScopes.ManageInstitutionHoldings;

        private protected override string ActionName => "WorldCat current holdings";

        protected override void BeginProcessing() => BeginBatch("Ask again: reading holdings changes nothing.");

        protected override void ProcessRecord()
        {
            foreach (object item in InputObject)
            {
                _pending.Add(ActionInputText.OclcNumberOf(item));
                if (_pending.Count == WorldCatActionPaths.MaxCurrentHoldingsNumbers) Flush();
            }
        }

        protected override void EndProcessing()
        {
            Flush();
            base.EndProcessing();
        }

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var group = _pending.ToArray();
            _pending.Clear();
            RunGroup(group, (inputs, context, ct) => Client!.GetCurrentHoldingsAsync(inputs, context, ct));
        }
    }
}
