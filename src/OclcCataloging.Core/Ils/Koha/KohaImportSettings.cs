using System;
using System.Collections.Generic;

namespace OclcCataloging.Ils.Koha
{
    /// <summary>
    /// The import settings of a Koha Connexion daemon or staged batch. A null action means the configuration left the
    /// key out; <see cref="Resolve"/> fills it with the database default.
    /// </summary>
    public sealed class KohaImportSettings
    {
        /// <summary>import_batches.overlay_action default.</summary>
        public const KohaOverlayAction DefaultOverlayAction = KohaOverlayAction.CreateNew;

        /// <summary>import_batches.nomatch_action default.</summary>
        public const KohaNomatchAction DefaultNomatchAction = KohaNomatchAction.CreateNew;

        /// <summary>import_batches.item_action default.</summary>
        public const KohaItemAction DefaultItemAction = KohaItemAction.AlwaysAdd;

        /// <summary>import_bib commits only when import_mode is "direct"; anything else (or nothing) stages.</summary>
        public const KohaImportMode DefaultImportMode = KohaImportMode.Stage;

        public string? Match { get; set; }
        public KohaOverlayAction? OverlayAction { get; set; }
        public KohaNomatchAction? NomatchAction { get; set; }
        public KohaItemAction? ItemAction { get; set; }
        public KohaImportMode? ImportMode { get; set; }

        /// <summary>Settings with every action filled in, and the names of the keys that took the default.</summary>
        public ResolvedKohaImportSettings Resolve()
        {
            var defaulted = new List<string>();
            if (OverlayAction == null) defaulted.Add(KohaSettingNames.OverlayAction);
            if (NomatchAction == null) defaulted.Add(KohaSettingNames.NomatchAction);
            if (ItemAction == null) defaulted.Add(KohaSettingNames.ItemAction);
            if (ImportMode == null) defaulted.Add(KohaSettingNames.ImportMode);
            return new ResolvedKohaImportSettings(
                OverlayAction ?? DefaultOverlayAction,
                NomatchAction ?? DefaultNomatchAction,
                ItemAction ?? DefaultItemAction,
                ImportMode ?? DefaultImportMode,
                defaulted);
        }
    }

    /// <summary>Koha's own names of the settings (daemon configuration keys and import_batches columns).</summary>
    public static class KohaSettingNames
    {
        public const string Match = "match";
        public const string OverlayAction = "overlay_action";
        public const string NomatchAction = "nomatch_action";
        public const string ItemAction = "item_action";
        public const string ImportMode = "import_mode";
    }

    public sealed class ResolvedKohaImportSettings
    {
        internal ResolvedKohaImportSettings(KohaOverlayAction overlay, KohaNomatchAction nomatch, KohaItemAction item, KohaImportMode mode, IReadOnlyList<string> defaulted)
        {
            OverlayAction = overlay;
            NomatchAction = nomatch;
            ItemAction = item;
            ImportMode = mode;
            DefaultedSettings = defaulted ?? throw new ArgumentNullException(nameof(defaulted));
        }

        public KohaOverlayAction OverlayAction { get; }
        public KohaNomatchAction NomatchAction { get; }
        public KohaItemAction ItemAction { get; }
        public KohaImportMode ImportMode { get; }

        /// <summary>Koha names of the settings that took the database default (overlay_action, ...).</summary>
        public IReadOnlyList<string> DefaultedSettings { get; }
    }
}
