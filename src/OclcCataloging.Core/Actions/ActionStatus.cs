namespace OclcCataloging.Actions
{
    /// <summary>What became of one action (docs/design/worldcat-record-actions.md, "Statuses").</summary>
    public enum ActionStatus
    {
        /// <summary>WorldCat carried it out (or, for a check, the answer is in).</summary>
        Done,

        /// <summary>Nothing to do: already set, already unset.</summary>
        NoChange,

        /// <summary>WorldCat has no such record.</summary>
        NotFound,

        /// <summary>Not carried out for a stated reason: nothing sent (invalid number), blocked (attached local holdings records), or a record OCLC's validation rejects.</summary>
        Refused,

        /// <summary>WorldCat answered with an error; the message is OCLC's.</summary>
        Error,

        /// <summary>Sent, but the reply was lost: WorldCat may or may not have acted. Never sent again; check by hand.</summary>
        Unknown,
    }
}
