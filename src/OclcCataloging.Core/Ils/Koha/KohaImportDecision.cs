using System.Collections.Generic;

namespace OclcCataloging.Ils.Koha
{
    /// <summary>What Koha does with a record it receives, given the match result and the import settings.</summary>
    public sealed class KohaImportDecision
    {
        internal KohaImportDecision(string? controlNumber, KohaMatchStatus matchStatus, bool hasBestMatch, KohaDecisionVariant variant,
            ResolvedKohaImportSettings settings, KohaRecordAction bibAction, KohaRecordAction itemAction,
            IReadOnlyList<KohaItemDecision> items, string explanation)
        {
            ControlNumber = controlNumber;
            MatchStatus = matchStatus;
            HasBestMatch = hasBestMatch;
            Variant = variant;
            Settings = settings;
            BibAction = bibAction;
            ItemAction = itemAction;
            Items = items;
            Explanation = explanation;
        }

        /// <summary>The record's 001, or null when no record was given.</summary>
        public string? ControlNumber { get; }

        public KohaMatchStatus MatchStatus { get; }

        /// <summary>Whether the matcher found a best record match in the catalog.</summary>
        public bool HasBestMatch { get; }

        public KohaDecisionVariant Variant { get; }

        public ResolvedKohaImportSettings Settings { get; }

        public KohaOverlayAction OverlayAction => Settings.OverlayAction;
        public KohaNomatchAction NomatchAction => Settings.NomatchAction;
        public KohaItemAction ItemActionSetting => Settings.ItemAction;
        public KohaImportMode ImportMode => Settings.ImportMode;
        public IReadOnlyList<string> DefaultedSettings => Settings.DefaultedSettings;

        /// <summary>What committing does to the bib.</summary>
        public KohaRecordAction BibAction { get; }

        /// <summary>What committing does to every embedded item.</summary>
        public KohaRecordAction ItemAction { get; }

        /// <summary>One decision per 952 of the record.</summary>
        public IReadOnlyList<KohaItemDecision> Items { get; }

        public int ItemCount => Items.Count;

        /// <summary>True when Koha commits at once (import_mode direct); false when the record waits in Manage Staged Records.</summary>
        public bool Committed => ImportMode == KohaImportMode.Direct;

        /// <summary>"Committed" or "Staged".</summary>
        public string Outcome => Committed ? "Committed" : "Staged";

        public string Explanation { get; }
    }
}
