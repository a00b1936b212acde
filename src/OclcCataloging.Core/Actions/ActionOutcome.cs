using System;
using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.Actions
{
    /// <summary>What one operation of a batch action returns; the session adds sequence, input, attempts and time.</summary>
    public sealed class ActionOutcome
    {
        public ActionStatus Status { get; set; }

        /// <summary>OCLC's message, or ours for inputs refused before sending.</summary>
        public string? Message { get; set; }

        public int? HttpStatus { get; set; }

        /// <summary>The OCLC number the action was asked for.</summary>
        public string? OclcNumber { get; set; }

        /// <summary>The number WorldCat acted on or reports as current; differs from OclcNumber for a merged record.</summary>
        public string? CurrentOclcNumber { get; set; }

        /// <summary>The local holdings record's control number (LHR actions).</summary>
        public string? ControlNumber { get; set; }

        public string? InstitutionSymbol { get; set; }

        /// <summary>Current holdings: whether our institution holds the record.</summary>
        public bool? IsHeld { get; set; }

        /// <summary>The record WorldCat returned (LHR read, create, replace).</summary>
        public MarcRecord? Record { get; set; }

        public IReadOnlyList<ValidationIssue> ValidationIssues { get; set; } = Array.Empty<ValidationIssue>();

        public static ActionOutcome Refused(string message, string? oclcNumber = null) =>
            new ActionOutcome { Status = ActionStatus.Refused, Message = message, OclcNumber = oclcNumber };
    }
}
