using OclcCataloging.DataSync.FileNames;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>A name given twice in one batch (docs/design/data-sync.md, "Same name twice in a day").</summary>
public sealed class DataSyncFileNameBatchTests
{
    [Fact]
    public void The_second_of_two_same_names_is_valid_with_a_warning()
    {
        var batch = new DataSyncFileNameBatch();
        var first = batch.Test("1234567.OCWMS.lhr.mrc");
        var other = batch.Test("1234567.OCWMS.bib.mrc");
        var again = batch.Test("1234567.OCWMS.lhr.mrc");

        Assert.Empty(first.Warnings);
        Assert.Empty(other.Warnings);
        Assert.True(again.IsValid);
        var warning = Assert.Single(again.Warnings);
        Assert.Equal(DataSyncFileNameRules.DuplicateName, warning.RuleId);
        Assert.Contains("1st", warning.Message);
    }

    [Fact]
    public void Names_from_different_folders_and_cases_are_the_same_upload_name()
    {
        var batch = new DataSyncFileNameBatch();
        batch.Test(@"C:\outbox\1234567.OCWMS.lhr.mrc");
        var again = batch.Test("/tmp/other/1234567.ocwms.LHR.mrc");
        Assert.Equal("1234567.ocwms.LHR.mrc", again.Name);
        Assert.Contains(again.Warnings, w => w.RuleId == DataSyncFileNameRules.DuplicateName);
    }

    [Fact]
    public void An_invalid_name_given_twice_also_warns_and_stays_invalid()
    {
        var batch = new DataSyncFileNameBatch();
        batch.Test("holdings.mrc");
        var again = batch.Test("holdings.mrc");
        Assert.False(again.IsValid);
        Assert.Contains(again.Warnings, w => w.RuleId == DataSyncFileNameRules.DuplicateName);
    }

    [Fact]
    public void The_batch_keeps_the_extension_choice() =>
        Assert.True(new DataSyncFileNameBatch(allowOtherExtensions: true).Test("1234567.OCWMS.marc").IsValid);
}
