using System;
using System.Collections.Generic;
using System.Linq;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;

namespace OclcCataloging.Ils.Alma
{
    /// <summary>
    /// Merges an incoming record (from Connexion) into the existing Alma record the way an OCLC Connexion integration
    /// profile would: guards first, then the merge method. Neither input record changes. The existing fields that stay
    /// keep their order; each incoming field taken goes before the first field with a higher tag (after the existing
    /// fields with its tag). An incoming field identical to a field the
    /// existing record keeps is not added twice. See docs/design/ils-merge-rules.md.
    /// </summary>
    public static class AlmaMerger
    {
        public static AlmaMergeResult Merge(MarcRecord incoming, MarcRecord? existing, AlmaMergeOptions options)
        {
            if (incoming == null) throw new ArgumentNullException(nameof(incoming));
            if (options == null) throw new ArgumentNullException(nameof(options));
            int incomingLevel = options.BriefLevelRules.LevelOf(incoming);
            string? incomingVersion = AlmaRecordVersion.Of(incoming);
            if (existing == null)
            {
                return new AlmaMergeResult(options.Method, AlmaMergeOutcome.NoMatch, incoming, null, null, Array.Empty<FieldChange>(),
                    incomingLevel, null, incomingVersion, null, "no existing record matched");
            }
            int existingLevel = options.BriefLevelRules.LevelOf(existing);
            string? existingVersion = AlmaRecordVersion.Of(existing);

            if (options.BriefLevelGuard && existingLevel > incomingLevel)
            {
                return Blocked(options, AlmaMergeOutcome.BlockedBriefLevel, incoming, existing, incomingLevel, existingLevel, incomingVersion, existingVersion,
                    "the existing record's brief level " + Level(existingLevel) + " is higher than the incoming " + Level(incomingLevel) + " (" + options.BriefLevelRules.Name + " levels)");
            }
            if (options.OlderVersionGuard)
            {
                string? why = AlmaRecordVersion.BlockReason(incomingVersion, existingVersion, options.MissingVersion);
                if (why != null)
                    return Blocked(options, AlmaMergeOutcome.BlockedOlderVersion, incoming, existing, incomingLevel, existingLevel, incomingVersion, existingVersion, why);
            }

            AlmaMergeRule rule = AlmaMergeRule.For(options.Method, options.Replace245Reading, incoming);
            var merged = new MarcRecord((rule.IncomingLeader ? incoming.Leader : existing.Leader).Clone());
            var changes = new List<FieldChange>();
            changes.Add(LeaderChange(existing.Leader, incoming.Leader, rule.IncomingLeader));

            var kept = new List<MarcField>();
            var dropped = new List<MarcField>();
            foreach (var f in existing.Fields) (rule.KeepExisting(f) ? kept : dropped).Add(f);
            var taken = new List<MarcField>();
            var ignored = new List<(MarcField Field, string Reason)>();
            foreach (var f in incoming.Fields)
            {
                if (!rule.TakeIncoming(f)) ignored.Add((f, rule.IgnoredReason));
                else if (kept.Any(k => k.ContentEquals(f))) ignored.Add((f, "already in the existing record"));
                else taken.Add(f);
            }

            foreach (string tag in Tags(existing, incoming))
            {
                var keptT = kept.Where(f => f.Tag == tag).ToList();
                var droppedT = dropped.Where(f => f.Tag == tag).ToList();
                var takenT = taken.Where(f => f.Tag == tag).ToList();
                int occurrence = 0;
                foreach (var f in existing.Fields.Where(f => f.Tag == tag))
                {
                    occurrence++;
                    if (keptT.Contains(f)) changes.Add(new FieldChange(tag, occurrence, FieldChangeKind.Kept, f.ToMarcText(), f.ToMarcText(), rule.KeptReason));
                }
                int pairs = Math.Min(droppedT.Count, takenT.Count);
                for (int i = 0; i < pairs; i++)
                {
                    bool same = droppedT[i].ContentEquals(takenT[i]);
                    changes.Add(new FieldChange(tag, OccurrenceOf(existing, droppedT[i]), same ? FieldChangeKind.Unchanged : FieldChangeKind.Replaced,
                        droppedT[i].ToMarcText(), takenT[i].ToMarcText(), same ? "incoming field is identical" : "replaced by the incoming field"));
                }
                for (int i = pairs; i < droppedT.Count; i++)
                    changes.Add(new FieldChange(tag, OccurrenceOf(existing, droppedT[i]), FieldChangeKind.Removed, droppedT[i].ToMarcText(), null, "the incoming record has no such field to replace it"));
                for (int i = pairs; i < takenT.Count; i++)
                    changes.Add(new FieldChange(tag, OccurrenceOf(incoming, takenT[i]), FieldChangeKind.Added, null, takenT[i].ToMarcText(), "added from the incoming record"));
                foreach (var ig in ignored.Where(x => x.Field.Tag == tag))
                    changes.Add(new FieldChange(tag, OccurrenceOf(incoming, ig.Field), FieldChangeKind.Ignored, null, ig.Field.ToMarcText(), ig.Reason));
            }

            foreach (var f in kept) merged.Fields.Add(f.Clone());
            foreach (var f in taken) merged.InsertFieldInOrder(f.Clone());
            return new AlmaMergeResult(options.Method, AlmaMergeOutcome.Merged, incoming, existing, merged, changes,
                incomingLevel, existingLevel, incomingVersion, existingVersion, "merged with " + options.Method);
        }

        private static AlmaMergeResult Blocked(AlmaMergeOptions options, AlmaMergeOutcome outcome, MarcRecord incoming, MarcRecord existing,
            int incomingLevel, int existingLevel, string? incomingVersion, string? existingVersion, string reason)
        {
            var changes = new List<FieldChange>();
            var perTag = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var f in existing.Fields)
            {
                perTag[f.Tag] = perTag.TryGetValue(f.Tag, out int n) ? n + 1 : 1;
                changes.Add(new FieldChange(f.Tag, perTag[f.Tag], FieldChangeKind.Kept, f.ToMarcText(), f.ToMarcText(), reason));
            }
            return new AlmaMergeResult(options.Method, outcome, incoming, existing, existing.Clone(), changes,
                incomingLevel, existingLevel, incomingVersion, existingVersion, reason);
        }

        private static FieldChange LeaderChange(Leader existing, Leader incoming, bool incomingLeader)
        {
            string a = RecordComparer.LeaderText(existing), b = RecordComparer.LeaderText(incoming);
            if (!incomingLeader || a == b)
                return new FieldChange("LDR", 1, a == b ? FieldChangeKind.Unchanged : FieldChangeKind.Kept, a, a, incomingLeader ? "incoming leader is identical" : "the existing leader stays");
            return new FieldChange("LDR", 1, FieldChangeKind.Replaced, a, b, "the incoming leader replaces it");
        }

        private static int OccurrenceOf(MarcRecord record, MarcField field)
        {
            int n = 0;
            foreach (var f in record.Fields)
            {
                if (f.Tag != field.Tag) continue;
                n++;
                if (ReferenceEquals(f, field)) return n;
            }
            return n;
        }

        private static IEnumerable<string> Tags(MarcRecord a, MarcRecord b)
        {
            var tags = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var f in a.Fields) tags.Add(f.Tag);
            foreach (var f in b.Fields) tags.Add(f.Tag);
            return tags;
        }

        private static string Level(int level) => level.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
