using System.Linq;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Editing;

public class RecordComparerTests
{
    [Fact]
    public void Reports_changed_added_removed_and_ignores_reordering()
    {
        var a = new MarcRecord();
        a.AddControlField("001", "1");
        a.AddDataField("245", "10", "a", "Old.");
        a.AddDataField("650", " 0", "a", "A.");
        a.AddDataField("650", " 0", "a", "B.");
        a.AddDataField("500", "  ", "a", "Gone.");
        var b = new MarcRecord();
        b.AddControlField("001", "1");
        b.AddDataField("245", "10", "a", "New.");
        b.AddDataField("650", " 0", "a", "B.");
        b.AddDataField("650", " 0", "a", "A.");
        b.AddDataField("700", "1 ", "a", "New person.");
        var changes = RecordComparer.Compare(a, b);
        Assert.Equal(new[] { "245 Changed", "500 Removed", "700 Added" }, changes.Select(c => c.Tag + " " + c.Change));
        Assert.Equal(7, RecordComparer.Compare(a, b, includeUnchanged: true).Count); // + LDR, 001, two 650s
        Assert.Empty(RecordComparer.Compare(a, a.Clone()));
    }

    [Fact]
    public void Leader_lengths_are_not_a_difference_but_status_is()
    {
        var a = new MarcRecord(new Leader("01234nam a2200289 a 4500"));
        var b = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        Assert.Empty(RecordComparer.Compare(a, b));
        b.Leader.RecordStatus = 'c';
        Assert.Equal("LDR", RecordComparer.Compare(a, b).Single().Tag);
    }
}
