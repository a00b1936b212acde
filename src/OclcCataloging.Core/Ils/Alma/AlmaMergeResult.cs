using System.Collections.Generic;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;

namespace OclcCataloging.Ils.Alma
{
    /// <summary>What Alma would make of an incoming record and the existing one it matched.</summary>
    public sealed class AlmaMergeResult
    {
        internal AlmaMergeResult(AlmaMergeMethod method, AlmaMergeOutcome outcome, MarcRecord incoming, MarcRecord? existing, MarcRecord? record,
            IReadOnlyList<FieldChange> changes, int incomingLevel, int? existingLevel, string? incomingVersion, string? existingVersion, string reason)
        {
            Method = method;
            Outcome = outcome;
            Incoming = incoming;
            Existing = existing;
            Record = record;
            RecordId = RecordMatchIndex.KeyOf(incoming);
            var named = new List<FieldChange>(changes.Count);
            foreach (FieldChange c in changes) named.Add(c.ForRecord(RecordId));
            Changes = named;
            IncomingBriefLevel = incomingLevel;
            ExistingBriefLevel = existingLevel;
            IncomingVersion = incomingVersion;
            ExistingVersion = existingVersion;
            Reason = reason;
        }

        public AlmaMergeMethod Method { get; }
        public AlmaMergeOutcome Outcome { get; }
        public bool IsMerged => Outcome == AlmaMergeOutcome.Merged;

        /// <summary>The record as Alma would hold it: the merge, the existing record when a guard blocked, null when nothing matched.</summary>
        public MarcRecord? Record { get; }

        public MarcRecord Incoming { get; }
        public MarcRecord? Existing { get; }

        /// <summary>Field by field: Kept, Replaced, Added, Removed, Ignored, Unchanged.</summary>
        public IReadOnlyList<FieldChange> Changes { get; }

        /// <summary>The incoming record's OCLC number (else "001:" and its 001): the key it was matched on.</summary>
        public string? RecordId { get; }

        public string? ControlNumber => Existing?.ControlNumber ?? Incoming.ControlNumber;
        public int IncomingBriefLevel { get; }
        public int? ExistingBriefLevel { get; }

        /// <summary>The 005 values compared by the older-version guard.</summary>
        public string? IncomingVersion { get; }
        public string? ExistingVersion { get; }

        public string Reason { get; }

        public int KeptCount => Count(FieldChangeKind.Kept);
        public int ReplacedCount => Count(FieldChangeKind.Replaced);
        public int AddedCount => Count(FieldChangeKind.Added);
        public int RemovedCount => Count(FieldChangeKind.Removed);

        private int Count(FieldChangeKind kind)
        {
            int n = 0;
            foreach (var c in Changes) if (c.Change == kind) n++;
            return n;
        }
    }
}
