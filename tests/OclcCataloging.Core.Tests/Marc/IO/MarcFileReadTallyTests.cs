using System.Globalization;
using OclcCataloging.Marc.IO;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.IO;

/// <summary>Counting one file's read, capping its warnings, and when it ends with a summary.</summary>
public sealed class MarcFileReadTallyTests
{
    [Fact]
    public void Shows_the_first_warnings_up_to_the_cap_then_only_counts_them()
    {
        var tally = new MarcFileReadTally("vendor.mrc", maxWarnings: 3);
        var shown = new List<bool>();
        for (int i = 0; i < 5; i++)
        {
            tally.CountRecord();
            shown.Add(tally.CountDamaged());
        }
        shown.Add(tally.CountStray());

        Assert.Equal(new[] { true, true, true, false, false, false }, shown);
        Assert.Equal(3, tally.WarningsShown);
        Assert.Equal(3, tally.WarningsNotShown);
        Assert.Equal(5, tally.Damaged);
        Assert.Equal(1, tally.Stray);
        Assert.True(tally.NeedsSummary);
    }

    [Fact]
    public void Zero_shows_every_warning()
    {
        var tally = new MarcFileReadTally("vendor.mrc", maxWarnings: 0);
        for (int i = 0; i < 1000; i++) Assert.True(tally.CountDamaged());
        Assert.Equal(1000, tally.WarningsShown);
        Assert.Equal(0, tally.WarningsNotShown);
    }

    [Fact]
    public void Unreadable_chunks_are_counted_but_never_use_up_the_warnings()
    {
        var tally = new MarcFileReadTally("vendor.mrc", maxWarnings: 1);
        tally.CountUnreadable();
        tally.CountUnreadable();
        Assert.True(tally.CountDamaged());
        Assert.Equal(2, tally.Unreadable);
        Assert.Equal(3, tally.Problems);
        Assert.Equal(0, tally.WarningsNotShown);
    }

    [Fact]
    public void A_clean_file_and_a_file_with_one_problem_need_no_summary()
    {
        var clean = new MarcFileReadTally("clean.mrc", MarcFileReadTally.DefaultMaxWarnings);
        clean.CountRecords(500);
        Assert.False(clean.NeedsSummary);
        Assert.False(clean.FoundNothing);

        var one = new MarcFileReadTally("one.mrc", MarcFileReadTally.DefaultMaxWarnings);
        one.CountRecord();
        one.CountDamaged();
        Assert.False(one.NeedsSummary);

        one.CountUnreadable();
        Assert.True(one.NeedsSummary);
    }

    [Fact]
    public void A_single_problem_whose_warning_was_held_back_gets_a_summary()
    {
        // Only reachable with a cap the caller set low; the summary is then the only word about the record.
        var tally = new MarcFileReadTally("x.mrc", maxWarnings: 1);
        tally.CountDamaged();
        tally.CountDamaged();
        Assert.True(tally.NeedsSummary);
        Assert.Equal(1, tally.WarningsNotShown);
    }

    [Fact]
    public void Found_nothing_only_when_there_was_no_record_no_unreadable_chunk_and_no_stray_bytes()
    {
        Assert.True(new MarcFileReadTally("empty.mrc", 100).FoundNothing);
        var stray = new MarcFileReadTally("junk.mrc", 100);
        stray.CountStray();
        Assert.False(stray.FoundNothing);
        var unreadable = new MarcFileReadTally("bad.mrc", 100);
        unreadable.CountUnreadable();
        Assert.False(unreadable.FoundNothing);
    }

    [Fact]
    public void Summary_names_the_file_and_every_kind_of_problem_found()
    {
        WithCulture(CultureInfo.InvariantCulture, () =>
        {
            var tally = new MarcFileReadTally("vendor.mrc", 100);
            tally.CountRecords(10000);
            for (int i = 0; i < 37; i++) tally.CountDamaged();
            tally.CountUnreadable();
            tally.CountUnreadable();
            tally.CountStray();
            Assert.Equal("'vendor.mrc': 10,000 records read, 37 damaged (read with warnings), 2 unreadable (see errors), 1 run of stray bytes skipped.",
                tally.Summary());
        });
    }

    [Fact]
    public void Summary_leaves_out_what_was_not_found_and_speaks_in_the_singular_for_one()
    {
        var tally = new MarcFileReadTally("a.mrc", 100);
        tally.CountRecord();
        tally.CountStray();
        tally.CountStray();
        Assert.Equal("'a.mrc': 1 record read, 2 runs of stray bytes skipped.", tally.Summary());
    }

    [Fact]
    public void Refuses_a_negative_cap_or_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarcFileReadTally("a.mrc", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarcFileReadTally("a.mrc", 1).CountRecords(-1));
    }

    private static void WithCulture(CultureInfo culture, Action action)
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
