using System.Linq;
using OclcCataloging.Ils.Alma;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;
using Xunit;

namespace OclcCataloging.Core.Tests.Ils;

public class AlmaMergerTests
{
    private static MarcRecord Existing(char encodingLevel = ' ', string version = "20240101120000.0")
    {
        var r = new MarcRecord(new Leader("00000cam a2200000 a 4500") { EncodingLevel = encodingLevel });
        r.AddControlField("001", "99123");
        r.AddControlField("005", version);
        r.AddDataField("035", "  ", "a", "(OCoLC)111");
        r.AddDataField("035", "9 ", "a", "LOCAL-9");
        r.AddDataField("035", "  ", "a", "(Vendor)V1");
        r.AddDataField("245", "10", "a", "Old title.");
        r.AddDataField("500", "  ", "a", "Old note.");
        r.AddDataField("600", "10", "a", "Old person.");
        r.AddDataField("650", " 0", "a", "Old subject.");
        r.AddDataField("700", "1 ", "a", "Old added.");
        r.AddDataField("949", "  ", "a", "local item");
        return r;
    }

    private static MarcRecord Incoming(char encodingLevel = ' ', string version = "20250101120000.0")
    {
        var r = new MarcRecord(new Leader("00000nam a2200000 i 4500") { EncodingLevel = encodingLevel });
        r.AddControlField("001", "ocm111");
        r.AddControlField("005", version);
        r.AddDataField("035", "  ", "a", "(OCoLC)111");
        r.AddDataField("035", "  ", "a", "(OCoLC)ocm00111");
        r.AddDataField("245", "10", "a", "New title.");
        r.AddDataField("504", "  ", "a", "New bibliography note.");
        r.AddDataField("600", "10", "a", "New person.");
        r.AddDataField("650", " 0", "a", "New subject.");
        r.AddDataField("650", " 0", "a", "Old subject.");
        r.AddDataField("700", "1 ", "a", "New added.");
        r.AddDataField("949", "  ", "a", "OCLC local");
        return r;
    }

    private static string Fields(MarcRecord r) => string.Join("|", r.Fields.Select(f => f.Tag + " " + (f is DataField d ? string.Concat(d.Subfields.Select(s => "$" + s.Code + s.Value)) : f.Text)));

    private static AlmaMergeResult Merge(AlmaMergeMethod method, Replace245Reading reading = Replace245Reading.ByName) =>
        AlmaMerger.Merge(Incoming(), Existing(), new AlmaMergeOptions { Method = method, Replace245Reading = reading });

    // One row per documented rule of each method: which fields the merged record has.
    [Theory]
    // Overlay all fields but local: existing 001, 9XX and 035 9/blank stay; every other field comes from the incoming record.
    [InlineData(AlmaMergeMethod.OverlayAllFieldsButLocal, Replace245Reading.ByName,
        "001 99123|005 20250101120000.0|035 $aLOCAL-9|035 $a(OCoLC)111|035 $a(OCoLC)ocm00111|245 $aNew title.|504 $aNew bibliography note.|600 $aNew person.|650 $aNew subject.|650 $aOld subject.|700 $aNew added.|949 $alocal item")]
    // Conditional subject headings: existing 001, 035, 65X, 7XX, 9XX stay; other fields replaced; incoming 6XX/7XX added.
    [InlineData(AlmaMergeMethod.ConditionalSubjectHeadings, Replace245Reading.ByName,
        "001 99123|005 20250101120000.0|035 $a(OCoLC)111|035 $aLOCAL-9|035 $a(Vendor)V1|245 $aNew title.|504 $aNew bibliography note.|600 $aNew person.|650 $aOld subject.|650 $aNew subject.|700 $aOld added.|700 $aNew added.|949 $alocal item")]
    // Keep only old value: the existing record as it is.
    [InlineData(AlmaMergeMethod.KeepOnlyOldValue, Replace245Reading.ByName,
        "001 99123|005 20240101120000.0|035 $a(OCoLC)111|035 $aLOCAL-9|035 $a(Vendor)V1|245 $aOld title.|500 $aOld note.|600 $aOld person.|650 $aOld subject.|700 $aOld added.|949 $alocal item")]
    // Replace 245 and 035 (OCLC), by its name: only 245 and the OCLC 035s (incl. first indicator 9) come from the incoming record.
    [InlineData(AlmaMergeMethod.Replace245And035, Replace245Reading.ByName,
        "001 99123|005 20240101120000.0|035 $a(Vendor)V1|035 $a(OCoLC)111|035 $a(OCoLC)ocm00111|245 $aNew title.|500 $aOld note.|600 $aOld person.|650 $aOld subject.|700 $aOld added.|949 $alocal item")]
    // Replace 245 and 035 (OCLC), as described: existing 001, 245, OCLC 035 stay; everything else, and incoming 245/035, come in.
    [InlineData(AlmaMergeMethod.Replace245And035, Replace245Reading.AsDescribed,
        "001 99123|005 20250101120000.0|035 $a(OCoLC)111|035 $aLOCAL-9|035 $a(OCoLC)ocm00111|245 $aOld title.|245 $aNew title.|504 $aNew bibliography note.|600 $aNew person.|650 $aNew subject.|650 $aOld subject.|700 $aNew added.|949 $aOCLC local")]
    public void Each_method_builds_the_documented_record(AlmaMergeMethod method, Replace245Reading reading, string expected)
    {
        var result = Merge(method, reading);
        Assert.Equal(AlmaMergeOutcome.Merged, result.Outcome);
        Assert.Equal(expected, Fields(result.Record!));
    }

    [Theory]
    [InlineData(AlmaMergeMethod.OverlayAllFieldsButLocal, true)]
    [InlineData(AlmaMergeMethod.ConditionalSubjectHeadings, true)]
    [InlineData(AlmaMergeMethod.KeepOnlyOldValue, false)]
    [InlineData(AlmaMergeMethod.Replace245And035, false)]
    public void Leader_comes_from_the_incoming_record_only_when_the_method_overlays(AlmaMergeMethod method, bool incomingLeader)
    {
        var result = Merge(method);
        Assert.Equal(incomingLeader ? 'n' : 'c', result.Record!.Leader.RecordStatus);
        Assert.Equal(incomingLeader ? FieldChangeKind.Replaced : FieldChangeKind.Kept, result.Changes.Single(c => c.Tag == "LDR").Change);
    }

    [Fact]
    public void Changes_list_kept_replaced_added_removed_and_ignored_fields()
    {
        var result = Merge(AlmaMergeMethod.OverlayAllFieldsButLocal);
        FieldChange Single(string tag, FieldChangeKind kind) => result.Changes.Single(c => c.Tag == tag && c.Change == kind);
        Assert.Equal("=949  \\\\$alocal item", Single("949", FieldChangeKind.Kept).OldValue);
        Assert.Equal("=949  \\\\$aOCLC local", Single("949", FieldChangeKind.Ignored).NewValue);
        Assert.Equal("=245  10$aNew title.", Single("245", FieldChangeKind.Replaced).NewValue);
        Assert.Equal("=500  \\\\$aOld note.", Single("500", FieldChangeKind.Removed).OldValue);
        Assert.Equal("=504  \\\\$aNew bibliography note.", Single("504", FieldChangeKind.Added).NewValue);
        Assert.Equal(result.Changes.Count(c => c.Change == FieldChangeKind.Kept), result.KeptCount);
        Assert.True(result.ReplacedCount > 0 && result.AddedCount > 0 && result.RemovedCount > 0);
    }

    [Fact]
    public void Inputs_never_change()
    {
        var existing = Existing();
        var incoming = Incoming();
        string e = existing.ToMarcText(), i = incoming.ToMarcText();
        AlmaMerger.Merge(incoming, existing, new AlmaMergeOptions());
        Assert.Equal(e, existing.ToMarcText());
        Assert.Equal(i, incoming.ToMarcText());
    }

    // Brief-level guard: block when existing level > incoming level (CARLI table by default).
    [Theory]
    [InlineData(' ', '3', true, AlmaMergeOutcome.BlockedBriefLevel)]  // full (10) existing, brief (03) incoming
    [InlineData('3', ' ', true, AlmaMergeOutcome.Merged)]             // fuller incoming overlays
    [InlineData('I', ' ', true, AlmaMergeOutcome.Merged)]             // equal levels (10/10) are not blocked
    [InlineData('7', '8', true, AlmaMergeOutcome.BlockedBriefLevel)]  // 05 > 04
    [InlineData(' ', '3', false, AlmaMergeOutcome.Merged)]            // the option off: no guard
    [InlineData(' ', 'Q', true, AlmaMergeOutcome.BlockedBriefLevel)]  // unmapped incoming is 01
    public void Brief_level_guard(char existingLevel, char incomingLevel, bool guard, AlmaMergeOutcome expected)
    {
        var result = AlmaMerger.Merge(Incoming(incomingLevel), Existing(existingLevel), new AlmaMergeOptions { BriefLevelGuard = guard });
        Assert.Equal(expected, result.Outcome);
        if (expected == AlmaMergeOutcome.BlockedBriefLevel)
        {
            Assert.Equal(Existing(existingLevel).ToMarcText(), result.Record!.ToMarcText());
            Assert.All(result.Changes, c => Assert.Equal(FieldChangeKind.Kept, c.Change));
            Assert.Contains("brief level", result.Reason);
        }
    }

    [Theory]
    [InlineData("Carli", ' ', 10)] [InlineData("Carli", '1', 10)] [InlineData("Carli", 'I', 10)] [InlineData("Carli", 'L', 10)]
    [InlineData("Carli", '2', 7)] [InlineData("Carli", '4', 7)] [InlineData("Carli", 'M', 7)] [InlineData("Carli", '7', 5)]
    [InlineData("Carli", 'K', 5)] [InlineData("Carli", '8', 4)] [InlineData("Carli", '3', 3)] [InlineData("Carli", '5', 2)]
    [InlineData("Carli", 'u', 1)] [InlineData("Carli", 'z', 1)] [InlineData("Carli", 'J', 1)]
    [InlineData("Csu", ' ', 10)] [InlineData("Csu", 'I', 9)] [InlineData("Csu", 'L', 9)] [InlineData("Csu", '1', 8)]
    [InlineData("Csu", '4', 7)] [InlineData("Csu", 'K', 6)] [InlineData("Csu", 'M', 6)] [InlineData("Csu", '2', 5)]
    [InlineData("Csu", '7', 5)] [InlineData("Csu", '8', 4)] [InlineData("Csu", '3', 3)] [InlineData("Csu", '5', 2)]
    [InlineData("Csu", 'u', 2)] [InlineData("Csu", 'z', 2)] [InlineData("Csu", 'J', 1)]
    public void Brief_levels_follow_the_published_tables(string table, char encodingLevel, int level)
    {
        var rules = table == "Carli" ? AlmaBriefLevelRules.Carli() : AlmaBriefLevelRules.Csu();
        Assert.Equal(level, rules.LevelOf(Incoming(encodingLevel)));
    }

    [Fact]
    public void Record_without_245_is_level_01_unless_turned_off()
    {
        var r = Incoming(' ');
        r.RemoveFields("245");
        Assert.Equal(1, AlmaBriefLevelRules.Carli().LevelOf(r));
        Assert.Equal(10, AlmaBriefLevelRules.Carli(missing245Level: null).LevelOf(r));
        Assert.Equal(4, AlmaBriefLevelRules.Carli(unmappedLevel: 4).LevelOf(Incoming('Q')));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => AlmaBriefLevelRules.Carli(unmappedLevel: 11));
    }

    // Older-version guard: the 005 of the incoming record must not be older than the existing one's.
    [Theory]
    [InlineData("20230101000000.0", "20240101000000.0", MissingVersionPolicy.Allow, AlmaMergeOutcome.BlockedOlderVersion)]
    [InlineData("20250101000000.0", "20240101000000.0", MissingVersionPolicy.Allow, AlmaMergeOutcome.Merged)]
    [InlineData("20240101000000.0", "20240101000000.0", MissingVersionPolicy.Allow, AlmaMergeOutcome.Merged)]
    [InlineData("20240101000000", "20240101000000.5", MissingVersionPolicy.Allow, AlmaMergeOutcome.BlockedOlderVersion)]
    [InlineData("", "20240101000000.0", MissingVersionPolicy.Allow, AlmaMergeOutcome.Merged)]
    [InlineData("", "20240101000000.0", MissingVersionPolicy.Block, AlmaMergeOutcome.BlockedOlderVersion)]
    [InlineData("20250101000000.0", "garbage", MissingVersionPolicy.Block, AlmaMergeOutcome.BlockedOlderVersion)]
    public void Older_version_guard(string incoming, string existing, MissingVersionPolicy missing, AlmaMergeOutcome expected)
    {
        var options = new AlmaMergeOptions { OlderVersionGuard = true, MissingVersion = missing };
        Assert.Equal(expected, AlmaMerger.Merge(Incoming(version: incoming), Existing(version: existing), options).Outcome);
        Assert.Equal(AlmaMergeOutcome.Merged, AlmaMerger.Merge(Incoming(version: incoming), Existing(version: existing), new AlmaMergeOptions()).Outcome);
    }

    [Fact]
    public void No_existing_record_is_no_match()
    {
        var result = AlmaMerger.Merge(Incoming(), null, new AlmaMergeOptions());
        Assert.Equal(AlmaMergeOutcome.NoMatch, result.Outcome);
        Assert.Null(result.Record);
    }

    [Fact]
    public void Replace245_by_name_keeps_existing_035s_when_incoming_has_no_oclc_035()
    {
        var incoming = Incoming();
        incoming.RemoveFields("035");
        var result = AlmaMerger.Merge(incoming, Existing(), new AlmaMergeOptions { Method = AlmaMergeMethod.Replace245And035 });
        Assert.Equal(3, result.Record!.GetFields("035").Count);
        Assert.Equal("New title.", result.Record.GetField("245")!.Text);
    }

    [Theory]
    [InlineData(' ', true)]    // 035 with indicators 9 and blank: a local number, stays
    [InlineData('9', false)]   // 9 and 9 is not that case: replaced like any 035
    [InlineData('1', false)]
    public void Overlay_keeps_only_the_035_with_indicators_9_and_blank(char ind2, bool kept)
    {
        var existing = Existing();
        existing.AddDataField("035", "9" + ind2, "a", "LOCAL-CASE");
        var result = AlmaMerger.Merge(Incoming(), existing, new AlmaMergeOptions { Method = AlmaMergeMethod.OverlayAllFieldsButLocal });
        Assert.Equal(kept, result.Record!.GetFields("035").Any(f => ((DataField)f).GetValue('a') == "LOCAL-CASE"));
    }

    [Fact]
    public void Replace245_by_name_keeps_the_existing_245_when_incoming_has_none()
    {
        var incoming = Incoming();
        incoming.RemoveFields("245");
        var result = AlmaMerger.Merge(incoming, Existing(), new AlmaMergeOptions { Method = AlmaMergeMethod.Replace245And035 });
        Assert.Equal("Old title.", ((DataField)result.Record!.GetField("245")!).GetValue('a'));
        Assert.Equal(FieldChangeKind.Kept, result.Changes.Single(c => c.Tag == "245").Change);
    }

    [Fact]
    public void Conditional_subject_headings_adds_an_identical_heading_once()
    {
        var result = Merge(AlmaMergeMethod.ConditionalSubjectHeadings);
        Assert.Single(result.Record!.GetFields("650"), f => ((DataField)f).GetValue('a') == "Old subject.");
        Assert.Contains(result.Changes, c => c.Tag == "650" && c.Change == FieldChangeKind.Ignored && c.Reason == "already in the existing record");
    }

    [Fact]
    public void Keep_only_old_value_keeps_the_existing_order_even_out_of_tag_order()
    {
        var existing = Existing();
        existing.AddDataField("035", "  ", "a", "(OCoLC)999");
        var result = AlmaMerger.Merge(Incoming(), existing, new AlmaMergeOptions { Method = AlmaMergeMethod.KeepOnlyOldValue });
        Assert.True(result.Record!.ContentEquals(existing));
        Assert.Equal("035", result.Record.Fields[result.Record.Fields.Count - 1].Tag);
    }

    [Fact]
    public void Brief_level_guard_is_checked_before_the_older_version_guard()
    {
        var options = new AlmaMergeOptions { BriefLevelGuard = true, OlderVersionGuard = true };
        var result = AlmaMerger.Merge(Incoming('3', "20200101000000.0"), Existing(' '), options);
        Assert.Equal(AlmaMergeOutcome.BlockedBriefLevel, result.Outcome);
        Assert.Equal(AlmaMergeOutcome.BlockedOlderVersion, AlmaMerger.Merge(Incoming(' ', "20200101000000.0"), Existing(' '), options).Outcome);
    }

    [Fact]
    public void Changes_name_the_record_by_its_oclc_number()
    {
        var result = Merge(AlmaMergeMethod.OverlayAllFieldsButLocal);
        Assert.Equal("111", result.RecordId);
        Assert.All(result.Changes, c => Assert.Equal("111", c.RecordId));
    }
}
