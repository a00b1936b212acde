using OclcCataloging.Ils.Koha;
using OclcCataloging.Marc;
using Xunit;

namespace OclcCataloging.Core.Tests.Ils;

public class KohaImportDeciderTests
{
    private static MarcRecord WithItems()
    {
        var r = new MarcRecord();
        r.AddControlField("001", "ocm1");
        r.AddDataField("245", "10", "a", "Title.");
        r.AddDataField("952", "  ", "a", "MAIN", "p", "3900001");
        r.AddDataField("952", "  ", "a", "WEST", "p", "3900002");
        return r;
    }

    private static KohaImportSettings Settings(KohaOverlayAction overlay, KohaNomatchAction nomatch, KohaItemAction item) =>
        new KohaImportSettings { OverlayAction = overlay, NomatchAction = nomatch, ItemAction = item, ImportMode = KohaImportMode.Direct };

    // overlay_status is not no_match: the bib follows overlay_action (replace needs a best match), items the match table.
    [Theory]
    [InlineData(KohaOverlayAction.Replace, true, KohaItemAction.AlwaysAdd, KohaRecordAction.Replace, KohaRecordAction.CreateNew)]
    [InlineData(KohaOverlayAction.Replace, false, KohaItemAction.AlwaysAdd, KohaRecordAction.CreateNew, KohaRecordAction.CreateNew)]
    [InlineData(KohaOverlayAction.Replace, true, KohaItemAction.AddOnlyForMatches, KohaRecordAction.Replace, KohaRecordAction.CreateNew)]
    [InlineData(KohaOverlayAction.Replace, true, KohaItemAction.AddOnlyForNew, KohaRecordAction.Replace, KohaRecordAction.Ignore)]
    [InlineData(KohaOverlayAction.Replace, true, KohaItemAction.Ignore, KohaRecordAction.Replace, KohaRecordAction.Ignore)]
    [InlineData(KohaOverlayAction.Replace, true, KohaItemAction.Replace, KohaRecordAction.Replace, KohaRecordAction.Replace)]
    [InlineData(KohaOverlayAction.CreateNew, true, KohaItemAction.AlwaysAdd, KohaRecordAction.CreateNew, KohaRecordAction.CreateNew)]
    [InlineData(KohaOverlayAction.CreateNew, false, KohaItemAction.AddOnlyForNew, KohaRecordAction.CreateNew, KohaRecordAction.Ignore)]
    [InlineData(KohaOverlayAction.Ignore, true, KohaItemAction.AlwaysAdd, KohaRecordAction.Ignore, KohaRecordAction.CreateNew)]
    [InlineData(KohaOverlayAction.Ignore, true, KohaItemAction.AddOnlyForMatches, KohaRecordAction.Ignore, KohaRecordAction.CreateNew)]
    [InlineData(KohaOverlayAction.Ignore, true, KohaItemAction.AddOnlyForNew, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    [InlineData(KohaOverlayAction.Ignore, true, KohaItemAction.Ignore, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    [InlineData(KohaOverlayAction.UseTemplate, true, KohaItemAction.AlwaysAdd, KohaRecordAction.UseTemplate, KohaRecordAction.CreateNew)]
    public void Matched_record_follows_overlay_action_and_the_match_item_table(KohaOverlayAction overlay, bool bestMatch, KohaItemAction item,
        KohaRecordAction expectedBib, KohaRecordAction expectedItem)
    {
        foreach (var status in new[] { KohaMatchStatus.AutoMatch, KohaMatchStatus.ManualMatch })
        {
            var d = KohaImportDecider.Decide(WithItems(), status, bestMatch, Settings(overlay, KohaNomatchAction.CreateNew, item));
            Assert.Equal(expectedBib, d.BibAction);
            Assert.Equal(expectedItem, d.ItemAction);
            Assert.Equal(2, d.ItemCount);
            Assert.All(d.Items, i => Assert.Equal(expectedItem, i.Action));
        }
    }

    // overlay_status no_match: the bib follows nomatch_action, items the new-record table; an ignored bib takes no items.
    [Theory]
    [InlineData(KohaNomatchAction.CreateNew, KohaItemAction.AlwaysAdd, KohaRecordAction.CreateNew, KohaRecordAction.CreateNew)]
    [InlineData(KohaNomatchAction.CreateNew, KohaItemAction.AddOnlyForNew, KohaRecordAction.CreateNew, KohaRecordAction.CreateNew)]
    [InlineData(KohaNomatchAction.CreateNew, KohaItemAction.AddOnlyForMatches, KohaRecordAction.CreateNew, KohaRecordAction.Ignore)]
    [InlineData(KohaNomatchAction.CreateNew, KohaItemAction.Ignore, KohaRecordAction.CreateNew, KohaRecordAction.Ignore)]
    [InlineData(KohaNomatchAction.CreateNew, KohaItemAction.Replace, KohaRecordAction.CreateNew, KohaRecordAction.Ignore)]
    [InlineData(KohaNomatchAction.Ignore, KohaItemAction.AlwaysAdd, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    [InlineData(KohaNomatchAction.Ignore, KohaItemAction.AddOnlyForNew, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    [InlineData(KohaNomatchAction.Ignore, KohaItemAction.AddOnlyForMatches, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    [InlineData(KohaNomatchAction.Ignore, KohaItemAction.Ignore, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    public void Unmatched_record_follows_nomatch_action_and_the_new_item_table(KohaNomatchAction nomatch, KohaItemAction item,
        KohaRecordAction expectedBib, KohaRecordAction expectedItem)
    {
        foreach (KohaOverlayAction overlay in System.Enum.GetValues(typeof(KohaOverlayAction)))
        {
            var d = KohaImportDecider.Decide(WithItems(), KohaMatchStatus.NoMatch, false, Settings(overlay, nomatch, item));
            Assert.Equal(expectedBib, d.BibAction);
            Assert.Equal(expectedItem, d.ItemAction);
        }
    }

    [Fact]
    public void Left_out_settings_take_the_database_defaults()
    {
        var d = KohaImportDecider.Decide(WithItems(), KohaMatchStatus.AutoMatch, true, new KohaImportSettings());
        Assert.Equal(KohaOverlayAction.CreateNew, d.OverlayAction);
        Assert.Equal(KohaNomatchAction.CreateNew, d.NomatchAction);
        Assert.Equal(KohaItemAction.AlwaysAdd, d.ItemActionSetting);
        Assert.Equal(KohaImportMode.Stage, d.ImportMode);
        Assert.Equal(new[] { "overlay_action", "nomatch_action", "item_action", "import_mode" }, d.DefaultedSettings);
        Assert.Equal(KohaRecordAction.CreateNew, d.BibAction); // default create_new adds a duplicate bib even on a match
        Assert.Equal(KohaRecordAction.CreateNew, d.ItemAction);
        Assert.False(d.Committed);
        Assert.Equal("Staged", d.Outcome);
    }

    [Theory]
    [InlineData(KohaImportMode.Direct, true)]
    [InlineData(KohaImportMode.Stage, false)]
    public void Only_direct_mode_commits(KohaImportMode mode, bool committed)
    {
        var d = KohaImportDecider.Decide(null, KohaMatchStatus.NoMatch, false, new KohaImportSettings { ImportMode = mode });
        Assert.Equal(committed, d.Committed);
        Assert.DoesNotContain("import_mode", d.DefaultedSettings);
    }

    // The variants differ when the matcher says matched but finds no best match, and the other way round.
    [Theory]
    [InlineData(KohaDecisionVariant.OverlayStatusFirst, KohaMatchStatus.AutoMatch, false, KohaRecordAction.CreateNew, KohaRecordAction.CreateNew)]
    [InlineData(KohaDecisionVariant.BestMatchFirst, KohaMatchStatus.AutoMatch, false, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    [InlineData(KohaDecisionVariant.OverlayStatusFirst, KohaMatchStatus.NoMatch, true, KohaRecordAction.Ignore, KohaRecordAction.Ignore)]
    [InlineData(KohaDecisionVariant.BestMatchFirst, KohaMatchStatus.NoMatch, true, KohaRecordAction.Replace, KohaRecordAction.CreateNew)]
    [InlineData(KohaDecisionVariant.BestMatchFirst, KohaMatchStatus.AutoMatch, true, KohaRecordAction.Replace, KohaRecordAction.CreateNew)]
    public void Decision_variants(KohaDecisionVariant variant, KohaMatchStatus status, bool bestMatch, KohaRecordAction expectedBib, KohaRecordAction expectedItem)
    {
        var s = Settings(KohaOverlayAction.Replace, KohaNomatchAction.Ignore, KohaItemAction.AddOnlyForMatches);
        var d = KohaImportDecider.Decide(WithItems(), status, bestMatch, s, variant);
        Assert.Equal(expectedBib, d.BibAction);
        Assert.Equal(expectedItem, d.ItemAction);
    }

    [Fact]
    public void Items_carry_barcode_branch_and_what_they_attach_to()
    {
        var d = KohaImportDecider.Decide(WithItems(), KohaMatchStatus.AutoMatch, true, Settings(KohaOverlayAction.Ignore, KohaNomatchAction.CreateNew, KohaItemAction.AlwaysAdd));
        Assert.Equal("3900001", d.Items[0].Barcode);
        Assert.Equal("WEST", d.Items[1].HomeBranch);
        Assert.Equal("matched bib", d.Items[0].AttachTo);
        Assert.Contains("attached to the matched bib", d.Explanation);
    }

    [Fact]
    public void Daemon_configuration_is_read_with_comments_and_unknown_keys()
    {
        var s = KohaDaemonConfig.Parse(new[]
        {
            "# Koha connexion daemon", "host: 0.0.0.0", "port: 5500", "match: ISBN  # matcher code",
            "overlay_action: replace", "nomatch_action: ignore", "item_action: add_only_for_new", "import_mode: DIRECT",
        });
        Assert.Equal("ISBN", s.Match);
        Assert.Equal(KohaOverlayAction.Replace, s.OverlayAction);
        Assert.Equal(KohaNomatchAction.Ignore, s.NomatchAction);
        Assert.Equal(KohaItemAction.AddOnlyForNew, s.ItemAction);
        Assert.Equal(KohaImportMode.Direct, s.ImportMode);
    }

    [Theory]
    [InlineData("import_mode: stage", KohaImportMode.Stage)]
    [InlineData("import_mode: anything", KohaImportMode.Stage)]
    [InlineData("import_mode: Direct", KohaImportMode.Direct)]
    public void Import_mode_commits_only_for_direct(string line, KohaImportMode expected)
    {
        Assert.Equal(expected, KohaDaemonConfig.Parse(new[] { line }).ImportMode);
    }

    [Fact]
    public void Bad_value_names_line_and_allowed_values()
    {
        var e = Assert.Throws<System.FormatException>(() => KohaDaemonConfig.Parse(new[] { "port: 1", "overlay_action: merge" }));
        Assert.Contains("Line 2", e.Message);
        Assert.Contains("create_new", e.Message);
        Assert.Contains("use_template", e.Message);
    }
}
