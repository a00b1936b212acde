using System;
using System.IO;
using System.Management.Automation;
using OclcCataloging.Ils.Koha;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands.Ils
{
    /// <summary>
    /// <para type="synopsis">Shows what Koha's Connexion import (svc/import_bib, staged MARC import) would do with a record and each of its embedded 952 items, given the match result and the overlay, nomatch and item actions and the import mode.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Resolve, "KohaImportAction", HelpUri = HelpLinks.Folder + "Resolve-KohaImportAction.md")]
    [OutputType(typeof(KohaImportDecision))]
    public sealed class ResolveKohaImportActionCommand : PSCmdlet
    {
        private KohaImportSettings? _settings;
        private bool _hasBestMatch;

        /// <summary>The records Koha receives (their 952 items are listed one by one). Optional: without records, one decision for the settings.</summary>
        [Parameter(ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>The matcher's verdict: NoMatch, AutoMatch or ManualMatch (Koha's overlay_status).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public KohaMatchStatus MatchStatus { get; set; }

        /// <summary>Whether the matcher found a best record match. Default: $true unless -MatchStatus is NoMatch.</summary>
        [Parameter]
        public SwitchParameter HasBestMatch { get; set; }

        /// <summary>overlay_action: replace, create_new, use_template or ignore. Left out: the configuration file's value, else Koha's default create_new.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(OclcCataloging.Commands.Gateway.KohaSettingCompleter))]
        public string? OverlayAction { get; set; }

        /// <summary>nomatch_action: create_new or ignore. Left out: the configuration file's value, else Koha's default create_new.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(OclcCataloging.Commands.Gateway.KohaSettingCompleter))]
        public string? NomatchAction { get; set; }

        /// <summary>item_action: always_add, add_only_for_matches, add_only_for_new, ignore or replace. Left out: the configuration file's value, else Koha's default always_add.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(OclcCataloging.Commands.Gateway.KohaSettingCompleter))]
        public string? ItemAction { get; set; }

        /// <summary>import_mode: stage or direct. Left out: the configuration file's value, else stage.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(OclcCataloging.Commands.Gateway.KohaSettingCompleter))]
        public string? ImportMode { get; set; }

        /// <summary>A connexion_import_daemon configuration file (name: value lines) to read the settings from; the action parameters override it.</summary>
        [Parameter]
        public string? ConfigPath { get; set; }

        /// <summary>Which version of Koha's decision: OverlayStatusFirst (default, the documented _get_commit_action) or BestMatchFirst (a newer variant).</summary>
        [Parameter]
        public KohaDecisionVariant Variant { get; set; } = KohaDecisionVariant.OverlayStatusFirst;

        protected override void BeginProcessing()
        {
            _settings = ConfigPath == null ? new KohaImportSettings() : ReadConfig(ConfigPath);
            try
            {
                if (OverlayAction != null) _settings.OverlayAction = KohaDaemonConfig.ParseValue<KohaOverlayAction>(KohaSettingNames.OverlayAction, OverlayAction);
                if (NomatchAction != null) _settings.NomatchAction = KohaDaemonConfig.ParseValue<KohaNomatchAction>(KohaSettingNames.NomatchAction, NomatchAction);
                if (ItemAction != null) _settings.ItemAction = KohaDaemonConfig.ParseValue<KohaItemAction>(KohaSettingNames.ItemAction, ItemAction);
                if (ImportMode != null) _settings.ImportMode = KohaDaemonConfig.ParseValue<KohaImportMode>(KohaSettingNames.ImportMode, ImportMode);
            }
            catch (FormatException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.KohaSettingInvalid, ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = "Press Tab after the parameter name to see the values Koha accepts." },
                });
            }
            _hasBestMatch = MyInvocation.BoundParameters.ContainsKey(nameof(HasBestMatch)) ? HasBestMatch.IsPresent : MatchStatus != KohaMatchStatus.NoMatch;
        }

        protected override void ProcessRecord()
        {
            if (InputObject.Length == 0)
            {
                WriteObject(KohaImportDecider.Decide(null, MatchStatus, _hasBestMatch, _settings!, Variant));
                return;
            }
            foreach (MarcRecord record in InputObject)
            {
                if (record != null) WriteObject(KohaImportDecider.Decide(record, MatchStatus, _hasBestMatch, _settings!, Variant));
            }
        }

        private KohaImportSettings ReadConfig(string path)
        {
            string file = GetUnresolvedProviderPathFromPSPath(path);
            try
            {
                return KohaDaemonConfig.Parse(File.ReadAllLines(file));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.KohaConfigInvalid, ErrorCategory.ReadError, file));
            }
            catch (FormatException e)
            {
                ThrowTerminatingError(new ErrorRecord(new FormatException("'" + file + "': " + e.Message, e), ErrorIds.KohaConfigInvalid, ErrorCategory.InvalidData, file)
                {
                    ErrorDetails = new ErrorDetails("'" + file + "': " + e.Message) { RecommendedAction = "Fix the line in the daemon configuration file, or give the setting with its parameter instead." },
                });
            }
            return new KohaImportSettings();
        }
    }
}
