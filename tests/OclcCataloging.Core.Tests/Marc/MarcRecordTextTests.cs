using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc;

/// <summary>How messages name a record and word its problems.</summary>
public class MarcRecordTextTests
{
    private static MarcRecord Record(string? id, MarcOrigin? origin)
    {
        var r = new MarcRecord { Origin = origin };
        if (id != null) r.Fields.Add(new ControlField("001", id));
        return r;
    }

    [Fact]
    public void A_read_record_is_named_by_ordinal_byte_offset_file_and_001()
    {
        var origin = new MarcOrigin("in.mrc", 3, 120, 50, MarcFormat.Iso2709);

        Assert.Equal("Record 3 at byte 120 in 'in.mrc'", MarcRecordText.Where(origin));
        Assert.Equal("Record 3 at byte 120 in 'in.mrc' (001 ocm2)", MarcRecordText.Subject(Record("ocm2", origin)));
        Assert.Equal("Record 3 at byte 120", MarcRecordText.Where(new MarcOrigin(null, 3, 120, 50, MarcFormat.Iso2709)));
        Assert.Equal("The record", MarcRecordText.Subject(Record(null, null)));
    }

    [Fact]
    public void A_record_handed_on_is_identified_by_001_and_where_it_came_from()
    {
        Assert.Equal(" (001 ocm123, from 'in.mrc' record 7)", MarcRecordText.Identity(Record("ocm123", new MarcOrigin("in.mrc", 7, 0, 1, MarcFormat.Iso2709))));
        Assert.Equal(string.Empty, MarcRecordText.Identity(Record(null, null)));
        Assert.Equal("Record 7 (001 x)", MarcRecordText.Numbered(7, "x"));
        Assert.Equal("Record 7", MarcRecordText.Numbered(7, null));
    }

    [Fact]
    public void Problems_unreadable_chunks_and_stray_bytes_are_worded_with_code_and_offset()
    {
        var r = Record("a1", null);
        r.AddWarning(new MarcDiagnostic(MarcSeverity.Warning, "RecordLengthMismatch", "The leader says 10", 0));
        r.AddWarning(new MarcDiagnostic(MarcSeverity.Warning, "InvalidTag", "Bad tag.", 40, "2X5"));
        var error = new MarcReadError("UnreadableRecord", "No leader", new MarcOrigin("f.mrc", 2, 70, 3, MarcFormat.Iso2709), new byte[] { 1, 2, 3 });
        var stray = new MarcStrayBytes("f.mrc", 132, 2, new byte[] { 0, 0 },
            new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.JunkAfterLastRecord, "2 bytes", 132), true);

        Assert.Equal("S was read with 2 problems: RecordLengthMismatch at byte 0: The leader says 10. InvalidTag in 2X5 at byte 40: Bad tag.",
            MarcRecordText.ReadWithProblems("S", r));
        Assert.Equal("Record 2 at byte 70 in 'f.mrc' cannot be read and was skipped (3 bytes): UnreadableRecord: No leader.", MarcRecordText.Unreadable(error));
        Assert.Equal("JunkAfterLastRecord at byte 132 in 'f.mrc': 2 bytes.", MarcRecordText.Stray(stray));
    }
}
