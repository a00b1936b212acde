using System;
using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.Actions
{
    /// <summary>What happened to one input of a batch action: one per input, one report row each.</summary>
    public sealed class BatchActionResult
    {
        /// <summary>1-based position of the input in the run.</summary>
        public int Sequence { get; set; }

        /// <summary>The input as given (a number's text, or the number/control number taken from a record).</summary>
        public string Input { get; set; } = "";

        /// <summary>The action and its switches, e.g. "WorldCat unset cascadeDelete=false".</summary>
        public string Action { get; set; } = "";

        public string? OclcNumber { get; set; }

        public string? CurrentOclcNumber { get; set; }

        public string? ControlNumber { get; set; }

        public string? InstitutionSymbol { get; set; }

        public bool? IsHeld { get; set; }

        public ActionStatus Status { get; set; }

        public string? Message { get; set; }

        public int? HttpStatus { get; set; }

        public int Attempts { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>The record WorldCat returned; null for inputs of earlier sessions.</summary>
        public MarcRecord? Record { get; set; }

        public IReadOnlyList<ValidationIssue> ValidationIssues { get; set; } = Array.Empty<ValidationIssue>();

        /// <summary>True when WorldCat acted on (or reports) another number than the one asked for: a merged record.</summary>
        public bool IsMerged => OclcNumber != null && CurrentOclcNumber != null && OclcNumber != CurrentOclcNumber;

        internal BatchActionResult WithoutRecord()
        {
            var row = (BatchActionResult)MemberwiseClone();
            row.Record = null;
            return row;
        }

        public override string ToString() => Sequence + " " + Input + ": " + Status;
    }
}
