using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>
/// Bytes that belong to no record and a leader whose entry map is not 4500: reported with their byte offset,
/// never dropped without a word (docs/design/iso2709-reading.md).
/// </summary>
public class Iso2709ReaderStrayBytesTests
{
    private static readonly Iso2709ReaderOptions Returning = new Iso2709ReaderOptions { ReturnStrayBytes = true };

    [Theory]
    [InlineData(new byte[] { 0x1D })]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x0A, 0x20, 0x20 })]
    [InlineData(new byte[] { 0x1A, 0x1A })]
    public void Stray_bytes_after_the_last_record_are_returned_with_their_offset_and_bytes(byte[] tail)
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        var results = ReadAll(Concat(a, b, tail), Returning);

        Assert.Equal(3, results.Count);
        Assert.Empty(results[1].Record!.Warnings);
        MarcStrayBytes stray = results[2].StrayBytes!;
        Assert.Null(results[2].Record);
        Assert.Null(results[2].Error);
        Assert.True(stray.AtEndOfInput);
        Assert.Equal(a.Length + b.Length, stray.ByteOffset);
        Assert.Equal(tail, stray.Bytes);
        Assert.Equal(tail.Length, stray.ByteLength);
        Assert.Equal("test.mrc", stray.SourcePath);
        Assert.Equal(MarcDiagnosticCodes.JunkAfterLastRecord, stray.Warning.Code);
        Assert.Equal(a.Length + b.Length, stray.Warning.ByteOffset);
        Assert.Contains(tail.Length + (tail.Length == 1 ? " byte" : " bytes"), stray.Warning.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A })]
    [InlineData(new byte[] { 0x0D, 0x0A })]
    [InlineData(new byte[] { 0x1A })]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x1A })]
    public void A_final_line_end_or_one_ctrl_z_is_harmless(byte[] tail)
    {
        var results = ReadAll(Concat(Marc8Record(), tail), Returning);

        Assert.Single(results);
        Assert.Empty(results[0].Record!.Warnings);
    }

    [Fact]
    public void Stray_bytes_between_records_come_before_the_next_record_instead_of_a_warning_on_it()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        byte[] junk = { 0x00, 0x1D, 0x00 };
        var results = ReadAll(Concat(a, junk, b), Returning);

        Assert.Equal(3, results.Count);
        MarcStrayBytes stray = results[1].StrayBytes!;
        Assert.False(stray.AtEndOfInput);
        Assert.Equal(junk, stray.Bytes);
        Assert.Equal(a.Length, stray.ByteOffset);
        Assert.Equal(MarcDiagnosticCodes.JunkBetweenRecords, stray.Warning.Code);
        Assert.Contains("before the record at byte " + (a.Length + junk.Length), stray.Warning.Message);
        MarcRecord r2 = results[2].Record!;
        Assert.Empty(r2.Warnings);
        Assert.Equal(2, r2.Origin!.Ordinal);
        Assert.Equal(a.Length + junk.Length, r2.Origin.ByteOffset);
    }

    [Fact]
    public void Garbage_found_while_framing_is_returned_whole()
    {
        byte[] a = Marc8Record();
        var results = ReadAll(Concat(L("GARBAGE"), a), Returning);

        Assert.Equal(2, results.Count);
        Assert.Equal(L("GARBAGE"), results[0].StrayBytes!.Bytes);
        Assert.Equal(0, results[0].StrayBytes!.ByteOffset);
        Assert.Empty(results[1].Record!.Warnings);
        Assert.Equal(7, results[1].Record!.Origin!.ByteOffset);
    }

    [Fact]
    public void Without_the_option_results_stay_records_and_errors()
    {
        var results = ReadAll(Concat(Marc8Record(), new byte[] { 0, 0, 0x1D }));

        Assert.Single(results);
        Assert.True(results[0].IsRecord);
    }

    [Theory]
    [InlineData("    ")]
    [InlineData("4501")]
    [InlineData("3400")]
    public void An_entry_map_other_than_4500_is_a_warning_at_leader_20_and_the_leader_is_kept(string entryMap)
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        byte[] odd = WithBytes(b, 20, entryMap);
        var results = ReadAll(Concat(a, odd));

        MarcRecord r = results[1].Record!;
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.EntryMapInvalid, w.Code);
        Assert.Equal(a.Length + 20, w.ByteOffset);
        Assert.Contains("'" + entryMap + "'", w.Message);
        Assert.Equal(entryMap, r.Leader.EntryMap);
        Assert.Equal("001 008 245 880 CAT", Tags(r));
    }
}
