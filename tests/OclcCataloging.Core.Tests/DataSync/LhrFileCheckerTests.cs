using OclcCataloging.DataSync;
using OclcCataloging.DataSync.Lhr;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;
using Xunit;
using static OclcCataloging.Core.Tests.DataSync.LhrTestRecords;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>Rules across the input: docs/design/data-sync.md</summary>
public sealed class LhrFileCheckerTests
{
    private static MarcRecord From(MarcRecord r, string file, long ordinal)
    {
        r.Origin = new MarcOrigin(file, ordinal, 0, 100, MarcFormat.Iso2709);
        return r;
    }

    private static IList<LhrFileFinding> Run(LhrValidationOptions options, params MarcRecord[] records)
    {
        var validator = new LhrRecordValidator(options);
        var checker = new LhrFileChecker(options);
        long n = 0;
        foreach (var r in records) checker.Add(validator.Validate(r, ++n));
        return checker.Finish();
    }

    [Fact]
    public void All_LHRs_of_one_OCN_in_one_file_pass()
    {
        var f = Run(Options(), From(Valid("12345", b: "A"), "a.mrc", 1), From(Valid("ocm00012345", b: "B"), "a.mrc", 2), From(Valid("999"), "b.mrc", 1));
        Assert.DoesNotContain(f, x => x.RuleId == LhrRules.FileOcnSplit);
    }

    [Fact]
    public void LHRs_of_one_OCN_in_two_files_fail_compared_numerically()
    {
        var f = Run(Options(), From(Valid("12345", b: "A"), "a.mrc", 1), From(Valid("ocm00012345", b: "B"), "b.mrc", 1));
        var split = Assert.Single(f, x => x.RuleId == LhrRules.FileOcnSplit);
        Assert.Equal(FindingSeverity.Error, split.Severity);
        Assert.Equal("12345", split.OclcNumber);
        Assert.Equal(new long[] { 1, 2 }, split.Ordinals);
    }

    [Fact]
    public void Split_does_not_matter_for_delete_collections()
    {
        var options = Options();
        options.CollectionType = LhrCollectionType.DeleteLocalHoldings;
        var f = Run(options, From(Valid("12345", b: "A"), "a.mrc", 1), From(Valid("12345", b: "B"), "b.mrc", 1));
        Assert.DoesNotContain(f, x => x.RuleId == LhrRules.FileOcnSplit);
    }

    [Fact]
    public void Too_many_records_per_file()
    {
        var options = Options();
        options.MaxRecordsPerFile = 2;
        Assert.DoesNotContain(Run(options, Valid("1"), Valid("2")), x => x.RuleId == LhrRules.FileTooManyRecords);
        Assert.Contains(Run(options, Valid("1"), Valid("2"), Valid("3")), x => x.RuleId == LhrRules.FileTooManyRecords);
    }

    [Fact]
    public void Too_large_a_file()
    {
        var options = Options();
        options.MaxFileBytes = 150;
        Assert.DoesNotContain(Run(options, From(Valid("1"), "a.mrc", 1)), x => x.RuleId == LhrRules.FileTooLarge);
        Assert.Contains(Run(options, From(Valid("1"), "a.mrc", 1), From(Valid("2"), "a.mrc", 2)), x => x.RuleId == LhrRules.FileTooLarge);
    }

    [Fact]
    public void One_OCN_location_per_file()
    {
        var in035 = Valid("2");
        in035.RemoveFields("004");
        in035.AddDataField("035", "  ", "a", "(OCoLC)2");
        Assert.DoesNotContain(Run(Options(), Valid("1"), Valid("3")), x => x.RuleId == LhrRules.FileOcnLocationInconsistent);
        Assert.Contains(Run(Options(), Valid("1"), in035), x => x.RuleId == LhrRules.FileOcnLocationInconsistent);
    }

    [Fact]
    public void The_same_LHR_sent_twice()
    {
        var first = Valid("1");
        var again = Valid("1");
        ((ControlField)again.GetField("001")!).Value = "other-id";   // 001/005 do not make it different
        Assert.DoesNotContain(Run(Options(), Valid("1", b: "A"), Valid("1", b: "B")), x => x.RuleId == LhrRules.FileDuplicateLhr);
        var dup = Assert.Single(Run(Options(), first, again), x => x.RuleId == LhrRules.FileDuplicateLhr);
        Assert.Equal(new long[] { 1, 2 }, dup.Ordinals);
    }

    [Fact]
    public void Too_many_LHRs_for_one_bib()
    {
        var options = Options();
        options.MaxLhrsPerBib = 2;
        Assert.DoesNotContain(Run(options, Valid("1", b: "A"), Valid("1", b: "B")), x => x.RuleId == LhrRules.FileTooManyLhrsPerBib);
        Assert.Contains(Run(options, Valid("1", b: "A"), Valid("1", b: "B"), Valid("1", b: "C")), x => x.RuleId == LhrRules.FileTooManyLhrsPerBib);
    }

    [Fact]
    public void Decision18_delete_records_with_the_same_OCN_and_852b_are_reported()
    {
        var options = new LhrValidationOptions { OclcNumberLocation = OclcNumberLocation.Field004, CollectionType = LhrCollectionType.DeleteLocalHoldings, TranslationTable = Table() };
        var one = Valid("1", b: "STACKS"); Field(one, "852").SetSubfield('h', "QA1");
        var two = Valid("1", b: "STACKS"); Field(two, "852").SetSubfield('h', "QA2");
        Assert.Contains(Run(options, one, two), x => x.RuleId == LhrRules.FileDeleteAmbiguousTarget);
        Assert.DoesNotContain(Run(options, Valid("1", b: "STACKS"), Valid("1", b: "REF")), x => x.RuleId == LhrRules.FileDeleteAmbiguousTarget);
    }

    [Fact]
    public void Summary_counts_per_rule()
    {
        var options = Options();
        var validator = new LhrRecordValidator(options);
        var summary = new LhrValidationSummary();
        var bad = Valid(); bad.RemoveFields("852");
        summary.Add(validator.Validate(Valid(), 1));
        summary.Add(validator.Validate(bad, 2));
        Assert.Equal(2, summary.Records);
        Assert.Equal(1, summary.Valid);
        Assert.Equal(1, summary.Invalid);
        var rule = Assert.Single(summary.Rules);
        Assert.Equal(LhrRules.Missing852, rule.RuleId);
        Assert.Equal(2, rule.FirstRecord);
        Assert.False(summary.IsValid);
    }
}
