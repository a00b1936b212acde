using System;
using OclcCataloging.Marc;

namespace OclcCataloging.Ils.Alma
{
    /// <summary>
    /// One merge method as two choices per field (keep the existing field? take the incoming one?) and the leader's
    /// source. The existing Alma record is the primary record. Rules and sources: docs/design/ils-merge-rules.md.
    /// </summary>
    internal sealed class AlmaMergeRule
    {
        private AlmaMergeRule(Func<MarcField, bool> keepExisting, Func<MarcField, bool> takeIncoming, bool incomingLeader, string keptReason, string ignoredReason)
        {
            KeepExisting = keepExisting;
            TakeIncoming = takeIncoming;
            IncomingLeader = incomingLeader;
            KeptReason = keptReason;
            IgnoredReason = ignoredReason;
        }

        public Func<MarcField, bool> KeepExisting { get; }
        public Func<MarcField, bool> TakeIncoming { get; }
        public bool IncomingLeader { get; }
        public string KeptReason { get; }
        public string IgnoredReason { get; }

        public static AlmaMergeRule For(AlmaMergeMethod method, Replace245Reading reading, MarcRecord incoming)
        {
            switch (method)
            {
                case AlmaMergeMethod.OverlayAllFieldsButLocal:
                    return new AlmaMergeRule(
                        f => f.Tag == "001" || IsLocal(f) || (f.Tag == "035" && f is DataField d && d.Indicator1 == '9' && d.Indicator2 == ' '),
                        f => f.Tag != "001" && !IsLocal(f),
                        incomingLeader: true, "001, 9XX and 035 with indicators 9/blank stay", "001 and 9XX come from the existing record");
                case AlmaMergeMethod.ConditionalSubjectHeadings:
                    return new AlmaMergeRule(
                        f => f.Tag == "001" || f.Tag == "035" || IsLocal(f) || f.IsMatch("65X") || f.IsMatch("7XX"),
                        f => f.Tag != "001" && f.Tag != "035" && !IsLocal(f),
                        incomingLeader: true, "001, 035, 65X, 7XX and 9XX stay", "001, 035 and 9XX come from the existing record");
                case AlmaMergeMethod.KeepOnlyOldValue:
                    return new AlmaMergeRule(f => true, f => false, incomingLeader: false, "every existing field stays", "the existing record is kept as it is");
                case AlmaMergeMethod.Replace245And035:
                    if (reading == Replace245Reading.AsDescribed)
                    {
                        return new AlmaMergeRule(
                            f => f.Tag == "001" || f.Tag == "245" || IsOclc035(f),
                            f => f.Tag != "001",
                            incomingLeader: true, "001, 245 and OCLC 035 stay", "001 comes from the existing record");
                    }
                    bool has245 = incoming.GetField("245") != null;
                    bool hasOclc035 = false;
                    foreach (var f in incoming.Fields) if (IsOclc035(f)) hasOclc035 = true;
                    return new AlmaMergeRule(
                        f => !((f.Tag == "245" && has245) || (IsOclc035(f) && hasOclc035)),
                        f => f.Tag == "245" || IsOclc035(f),
                        incomingLeader: false, "only 245 and OCLC 035 are replaced", "only 245 and OCLC 035 are taken");
                default:
                    throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown merge method.");
            }
        }

        /// <summary>Local fields: 9XX.</summary>
        internal static bool IsLocal(MarcField f) => f.Tag.Length == 3 && f.Tag[0] == '9';

        /// <summary>An OCLC 035: $a contains (OCoLC), or first indicator 9.</summary>
        internal static bool IsOclc035(MarcField f)
        {
            if (f.Tag != "035" || !(f is DataField d)) return false;
            if (d.Indicator1 == '9') return true;
            foreach (string a in d.GetValues('a')) if (a.IndexOf("(OCoLC)", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            return false;
        }
    }
}
