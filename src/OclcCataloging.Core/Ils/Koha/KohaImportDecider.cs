using System;
using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.Ils.Koha
{
    /// <summary>
    /// Koha's commit decision for a staged record (C4::ImportBatch _get_commit_action), as a pure function of the
    /// match result and the batch settings. The rules and their sources: docs/design/ils-merge-rules.md.
    /// </summary>
    public static class KohaImportDecider
    {
        public static KohaImportDecision Decide(MarcRecord? record, KohaMatchStatus matchStatus, bool hasBestMatch,
            KohaImportSettings settings, KohaDecisionVariant variant = KohaDecisionVariant.OverlayStatusFirst)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            ResolvedKohaImportSettings s = settings.Resolve();

            bool matchedBranch = variant == KohaDecisionVariant.OverlayStatusFirst
                ? matchStatus != KohaMatchStatus.NoMatch
                : hasBestMatch;

            KohaRecordAction bib;
            KohaRecordAction item;
            string why;
            if (matchedBranch)
            {
                bib = MatchedBibAction(s.OverlayAction, hasBestMatch);
                item = s.ItemAction == KohaItemAction.AlwaysAdd || s.ItemAction == KohaItemAction.AddOnlyForMatches ? KohaRecordAction.CreateNew
                    : s.ItemAction == KohaItemAction.Replace ? KohaRecordAction.Replace
                    : KohaRecordAction.Ignore;
                why = variant == KohaDecisionVariant.OverlayStatusFirst
                    ? "overlay status " + Name(matchStatus) + ": the bib follows overlay_action " + Name(s.OverlayAction)
                      + (s.OverlayAction == KohaOverlayAction.Replace && !hasBestMatch ? " (no best match to replace, so a new bib)" : string.Empty)
                    : "a best match exists: the bib follows overlay_action " + Name(s.OverlayAction);
                why += "; items follow item_action " + Name(s.ItemAction) + " for a match";
                if (bib == KohaRecordAction.Ignore && item != KohaRecordAction.Ignore) why += " (attached to the matched bib)";
            }
            else
            {
                bib = s.NomatchAction == KohaNomatchAction.CreateNew ? KohaRecordAction.CreateNew : KohaRecordAction.Ignore;
                item = s.ItemAction == KohaItemAction.AlwaysAdd || s.ItemAction == KohaItemAction.AddOnlyForNew ? KohaRecordAction.CreateNew : KohaRecordAction.Ignore;
                why = (variant == KohaDecisionVariant.OverlayStatusFirst ? "no match" : "no best match")
                      + ": the bib follows nomatch_action " + Name(s.NomatchAction) + "; items follow item_action " + Name(s.ItemAction) + " for a new record";
                if (bib == KohaRecordAction.Ignore && item != KohaRecordAction.Ignore)
                {
                    item = KohaRecordAction.Ignore;
                    why += " (ignored: no bib to attach them to)";
                }
            }
            if (bib == KohaRecordAction.UseTemplate) why += "; use_template is not implemented in Koha, so nothing happens to the bib";
            why += s.ImportMode == KohaImportMode.Direct ? "; import_mode direct commits at once." : "; import_mode stage: the record waits in the staged batch until it is committed.";
            if (s.DefaultedSettings.Count > 0) why += " Defaults used for: " + string.Join(", ", s.DefaultedSettings) + ".";

            return new KohaImportDecision(record?.ControlNumber, matchStatus, hasBestMatch, variant, s, bib, item,
                Items(record, item, bib), why);
        }

        private static KohaRecordAction MatchedBibAction(KohaOverlayAction overlay, bool hasBestMatch)
        {
            switch (overlay)
            {
                case KohaOverlayAction.Replace: return hasBestMatch ? KohaRecordAction.Replace : KohaRecordAction.CreateNew;
                case KohaOverlayAction.CreateNew: return KohaRecordAction.CreateNew;
                case KohaOverlayAction.UseTemplate: return KohaRecordAction.UseTemplate;
                default: return KohaRecordAction.Ignore;
            }
        }

        private static IReadOnlyList<KohaItemDecision> Items(MarcRecord? record, KohaRecordAction item, KohaRecordAction bib)
        {
            var list = new List<KohaItemDecision>();
            if (record == null) return list;
            int n = 0;
            foreach (DataField f in record.GetDataFields("952"))
            {
                n++;
                string attach = item == KohaRecordAction.Ignore ? string.Empty
                    : bib == KohaRecordAction.CreateNew ? "new bib" : "matched bib";
                list.Add(new KohaItemDecision(n, f.GetValue('p'), f.GetValue('a'), item, attach));
            }
            return list;
        }

        /// <summary>Koha's spelling of a setting value: create_new, add_only_for_matches, no_match.</summary>
        public static string Name(Enum value)
        {
            string s = value.ToString();
            var sb = new System.Text.StringBuilder(s.Length + 4);
            for (int i = 0; i < s.Length; i++)
            {
                if (i > 0 && char.IsUpper(s[i])) sb.Append('_');
                sb.Append(char.ToLowerInvariant(s[i]));
            }
            return sb.ToString();
        }
    }
}
