using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>How the reader finds records in a byte stream, including damaged ones.</summary>
public class Iso2709ReaderFramingTests
{
    [Fact]
    public void Valid_records_are_read_with_their_origin()
    {
        byte[] a = Marc8Record("ocm1"), b = Utf8Record("ocn2");
        var results = ReadAll(Concat(a, b));

        Assert.Equal(2, results.Count);
        MarcRecord r1 = results[0].Record!, r2 = results[1].Record!;
        Assert.Empty(r1.Warnings);
        Assert.Empty(r2.Warnings);

        Assert.Equal("test.mrc", r1.Origin!.SourcePath);
        Assert.Equal(1, r1.Origin.Ordinal);
        Assert.Equal(0, r1.Origin.ByteOffset);
        Assert.Equal(a.Length, r1.Origin.ByteLength);
        Assert.Equal(MarcFormat.Iso2709, r1.Origin.Format);
        Assert.Equal(2, r2.Origin!.Ordinal);
        Assert.Equal(a.Length, r2.Origin.ByteOffset);
        Assert.Equal(b.Length, r2.Origin.ByteLength);

        Assert.Equal(Encoding.Latin1.GetString(a, 0, 24), r1.Leader.ToString());
        Assert.Equal("001 003 008 100 245 650", Tags(r1));
        Assert.Equal("ocm1", r1.ControlNumber);
        var f245 = (DataField)r1["245"]!;
        Assert.Equal('1', f245.Indicator1);
        Assert.Equal('4', f245.Indicator2);
        Assert.Equal("The complete novels of Jane Austen /", f245['a']);
        Assert.Equal("Jane Austen ; \u00e9dition.", f245['c']);   // MARC-8: E2 (acute) + e decodes to é (NFC)

        Assert.Equal("001 008 245 880 CAT", Tags(r2));
        Assert.Equal("École et société :", r2.GetValue("245", 'a'));
        Assert.Equal("日本語のタイトル", r2.GetValue("880", 'a'));
        Assert.IsType<DataField>(r2["CAT"]);
        Assert.Equal("OCLC", r2.GetValue("CAT", 'a'));
    }

    [Fact]
    public void Empty_input_and_filler_only_input_have_no_records()
    {
        Assert.Empty(ReadAll(Array.Empty<byte>()));
        Assert.Empty(ReadAll(new byte[] { 0x0D, 0x0A, 0x00, 0x1A, 0x20, 0x1D }));
    }

    [Fact]
    public void Line_ends_between_records_and_at_the_end_are_skipped_silently()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        var results = ReadAll(Concat(a, L("\r\n"), b, L("\n")));

        Assert.Equal(2, results.Count);
        Assert.Empty(results[0].Record!.Warnings);
        Assert.Empty(results[1].Record!.Warnings);
        Assert.Equal(a.Length + 2, results[1].Record!.Origin!.ByteOffset);
    }

    [Fact]
    public void Other_filler_between_records_is_skipped_with_a_warning_on_the_next_record()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        var results = ReadAll(Concat(a, new byte[] { 0x00, 0x20, 0x1A, 0x0A }, b));

        Assert.Equal(2, results.Count);
        Assert.Empty(results[0].Record!.Warnings);
        MarcRecord r2 = results[1].Record!;
        var w = Assert.Single(r2.Warnings);
        Assert.Equal(MarcDiagnosticCodes.JunkBetweenRecords, w.Code);
        Assert.Equal(a.Length, w.ByteOffset);
        Assert.Contains("4 bytes", w.Message);
        Assert.Contains("00 20 1A 0A", w.Message);
        Assert.Equal(a.Length + 4, r2.Origin!.ByteOffset);
    }

    [Fact]
    public void Garbage_before_a_record_is_skipped_with_a_warning()
    {
        byte[] a = Marc8Record();
        var r = ReadSingle(Concat(L("GARBAGE"), a));

        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.JunkBetweenRecords, w.Code);
        Assert.Equal(0, w.ByteOffset);
        Assert.Equal(7, r.Origin!.ByteOffset);
        Assert.Equal(a.Length, r.Origin.ByteLength);
        Assert.Equal(6, r.Fields.Count);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(-1)]
    [InlineData(+1)]
    [InlineData(+50)]
    public void A_wrong_leader_length_is_recovered_from_the_record_terminator(int delta)
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        byte[] bad = WithBytes(a, 0, (a.Length + delta).ToString("D5"));
        var results = ReadAll(Concat(bad, b));

        Assert.Equal(2, results.Count);
        MarcRecord r1 = results[0].Record!;
        var w = Assert.Single(r1.Warnings);
        Assert.Equal(MarcDiagnosticCodes.RecordLengthMismatch, w.Code);
        Assert.Equal(0, w.ByteOffset);
        Assert.Equal(a.Length, r1.Origin!.ByteLength);
        Assert.Equal("001 003 008 100 245 650", Tags(r1));
        Assert.Empty(results[1].Record!.Warnings);
        Assert.Equal(a.Length, results[1].Record!.Origin!.ByteOffset);
    }

    [Fact]
    public void A_non_numeric_leader_length_is_recovered_from_the_record_terminator()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        var results = ReadAll(Concat(WithBytes(a, 0, "0O1x5"), b));

        Assert.Equal(2, results.Count);
        var w = Assert.Single(results[0].Record!.Warnings);
        Assert.Equal(MarcDiagnosticCodes.RecordLengthNotNumeric, w.Code);
        Assert.Equal(6, results[0].Record!.Fields.Count);
        Assert.Empty(results[1].Record!.Warnings);
    }

    [Fact]
    public void A_record_over_99999_bytes_whose_leader_lost_its_leading_digit_is_read_whole()
    {
        var fields = new List<(string, byte[])> { ("001", L("big1")) };
        for (int i = 0; i < 60; i++) fields.Add(((500 + i).ToString(), L("  $a" + new string((char)('a' + i % 26), 2000))));
        byte[] big = Build(Marc8Leader, Overflow.LowDigits, fields.ToArray());
        Assert.True(big.Length > 100000);
        byte[] b = Utf8Record();
        var results = ReadAll(Concat(big, b));

        Assert.Equal(2, results.Count);
        MarcRecord r = results[0].Record!;
        Assert.Equal(big.Length, r.Origin!.ByteLength);
        Assert.Equal(61, r.Fields.Count);
        Assert.Equal(string.Join(" ", fields.Select(f => f.Item1)), Tags(r));
        Assert.Equal(new string('h', 2000), r.GetValue("507", 'a'));
        Assert.Equal(new string('h', 2000), r.GetValue("559", 'a'));
        Assert.Equal(MarcDiagnosticCodes.OversizeRecord, r.Warnings[0].Code);
        Assert.Equal(0, r.Warnings[0].ByteOffset);
        Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.DirectoryRebuilt);
        Assert.Empty(results[1].Record!.Warnings);
    }

    [Fact]
    public void A_hathi_style_oversize_record_with_nines_and_fields_over_9999_bytes_is_read_whole()
    {
        var fields = new List<(string, byte[])> { ("001", L("hathi1")), ("245", L("10$aA very long record"))};
        for (int i = 0; i < 5; i++) fields.Add(("505", L("0 $a" + new string((char)('0' + i), 25000))));
        fields.Add(("974", L("  $bUC$cSRLF")));
        byte[] big = Build(Marc8Leader, Overflow.Nines, fields.ToArray());
        Assert.StartsWith("99999", Encoding.ASCII.GetString(big, 0, 5));
        byte[] b = Marc8Record();
        var results = ReadAll(Concat(big, b));

        Assert.Equal(2, results.Count);
        MarcRecord r = results[0].Record!;
        Assert.Equal("001 245 505 505 505 505 505 974", Tags(r));
        Assert.Equal(new string('3', 25000), ((DataField)r.Fields[5])['a']);
        Assert.Equal("SRLF", r.GetValue("974", 'c'));
        Assert.Equal(MarcDiagnosticCodes.OversizeRecord, r.Warnings[0].Code);
        Assert.Equal(5, r.Warnings.Count(w => w.Code == MarcDiagnosticCodes.OversizeField && w.Tag == "505"));
        Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.DirectoryRebuilt);
        Assert.Empty(results[1].Record!.Warnings);
        Assert.Equal(big.Length, results[1].Record!.Origin!.ByteOffset);
    }

    [Fact]
    public void A_missing_record_terminator_does_not_swallow_the_next_record()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        byte[] noTerminator = a.AsSpan(0, a.Length - 1).ToArray();
        var results = ReadAll(Concat(WithBytes(noTerminator, 0, (a.Length - 1).ToString("D5")), b));

        Assert.Equal(2, results.Count);
        MarcRecord r1 = results[0].Record!;
        Assert.Equal(MarcDiagnosticCodes.MissingRecordTerminator, Codes(r1));
        Assert.Equal(a.Length - 2, r1.Warnings[0].ByteOffset);
        Assert.Equal("001 003 008 100 245 650", Tags(r1));
        Assert.Equal(a.Length - 1, results[1].Record!.Origin!.ByteOffset);
        Assert.Empty(results[1].Record!.Warnings);
    }

    [Fact]
    public void A_truncated_last_record_is_returned_with_what_it_has()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        int keep = b.Length - 20;
        var results = ReadAll(Concat(a, b.AsSpan(0, keep).ToArray()));

        Assert.Equal(2, results.Count);
        MarcRecord r = results[1].Record!;
        Assert.Equal(a.Length, r.Origin!.ByteOffset);
        Assert.Equal(keep, r.Origin.ByteLength);
        var truncated = Assert.Single(r.Warnings, w => w.Code == MarcDiagnosticCodes.TruncatedRecord);
        Assert.Equal(a.Length + keep, truncated.ByteOffset);
        Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.RecordLengthMismatch);
        Assert.Contains(r.Warnings, w => w.Code == MarcDiagnosticCodes.MissingFieldTerminator && w.Tag == "CAT");
        Assert.Equal("001 008 245 880 CAT", Tags(r));
        Assert.Equal("École et société :", r.GetValue("245", 'a'));
    }

    [Fact]
    public void A_tail_too_short_for_a_leader_is_an_error_with_its_raw_bytes()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        var results = ReadAll(Concat(a, b.AsSpan(0, 10).ToArray()));

        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsRecord);
        MarcReadError e = results[1].Error!;
        Assert.Equal(MarcDiagnosticCodes.TruncatedRecord, e.Code);
        Assert.Equal(b.AsSpan(0, 10).ToArray(), e.RawBytes);
        Assert.Equal(2, e.Origin.Ordinal);
        Assert.Equal(a.Length, e.Origin.ByteOffset);
        Assert.Equal(10, e.Origin.ByteLength);
    }

    [Fact]
    public void An_unreadable_chunk_is_an_error_with_its_raw_bytes_and_reading_continues()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        byte[] junk = Concat(L("This is not a MARC record, only some text."), new[] { RT });
        var results = ReadAll(Concat(a, junk, b));

        Assert.Equal(3, results.Count);
        MarcReadError e = results[1].Error!;
        Assert.Equal(MarcDiagnosticCodes.UnreadableRecord, e.Code);
        Assert.Equal(junk, e.RawBytes);
        Assert.Equal(2, e.Origin.Ordinal);
        Assert.Equal(a.Length, e.Origin.ByteOffset);
        MarcRecord r3 = results[2].Record!;
        Assert.Equal(3, r3.Origin!.Ordinal);
        Assert.Equal(a.Length + junk.Length, r3.Origin.ByteOffset);
        Assert.Empty(r3.Warnings);
    }

    [Fact]
    public void A_chunk_without_record_terminator_longer_than_the_limit_is_set_aside_in_pieces()
    {
        byte[] junk = Enumerable.Repeat((byte)'x', 150000).ToArray();
        byte[] b = Marc8Record();
        var results = ReadAll(Concat(junk, b), new Iso2709ReaderOptions { MaxRecordBytes = 100000 });

        Assert.Equal(2, results.Count);
        MarcReadError e = results[0].Error!;
        Assert.Equal(MarcDiagnosticCodes.UnreadableRecord, e.Code);
        Assert.Equal(100000, e.RawBytes.Length);
        MarcRecord r = results[1].Record!;
        Assert.Equal(150000, r.Origin!.ByteOffset);
        var w = Assert.Single(r.Warnings);
        Assert.Equal(MarcDiagnosticCodes.JunkBetweenRecords, w.Code);
        Assert.Equal(100000, w.ByteOffset);
    }

    [Fact]
    public void A_record_larger_than_the_buffer_is_read_from_a_trickling_non_seekable_stream()
    {
        var fields = new List<(string, byte[])> { ("001", L("large")) };
        for (int i = 0; i < 20; i++) fields.Add(("500", L("  $a" + new string('z', 3000) + i)));
        byte[] large = Build(Marc8Leader, fields.ToArray());
        byte[] data = Concat(Marc8Record(), L("\r\n"), large, Utf8Record(), new byte[] { 0, 0 }, Marc8Record("last"));
        var options = new Iso2709ReaderOptions { BufferSize = 4096 };

        var fromMemory = ReadAll(data);
        var fromPipe = ReadAll(new TrickleStream(data), options);

        Assert.Equal(4, fromPipe.Count);
        Assert.Equal(Summary(fromMemory), Summary(fromPipe));
        Assert.Equal(21, fromPipe[1].Record!.Fields.Count);
        Assert.Equal(new string('z', 3000) + "19", fromPipe[1].Record!.Fields[20]["a"]);
        Assert.Equal("last", fromPipe[3].Record!.ControlNumber);
    }

    [Fact]
    public void Damaged_input_gives_the_same_results_from_any_stream()
    {
        byte[] a = Marc8Record("a"), b = Utf8Record("b");
        byte[] data = Concat(
            WithBytes(a, 0, "00010"), L("\r\n"),
            L("JUNK"), b,
            L("This is not a MARC record, only some text."), new[] { RT },
            a.AsSpan(0, a.Length - 1).ToArray(), b,
            Marc8Record("c").AsSpan(0, 100).ToArray());

        string expected = Summary(ReadAll(data));
        foreach (int[] chunks in new[] { new[] { 1 }, new[] { 2, 3 }, new[] { 24, 100, 5 }, new[] { 4096 } })
        {
            Assert.Equal(expected, Summary(ReadAll(new TrickleStream(data, chunks), new Iso2709ReaderOptions { BufferSize = 4096 })));
        }
        Assert.Equal(6, ReadAll(data).Count);
    }

    [Fact]
    public void The_stream_is_disposed_unless_left_open()
    {
        var s1 = new TrickleStream(Marc8Record());
        using (var r = new Iso2709Reader(s1)) r.ReadNext();
        Assert.True(s1.Disposed);

        var s2 = new TrickleStream(Marc8Record());
        using (var r = new Iso2709Reader(s2, null, new Iso2709ReaderOptions { LeaveOpen = true })) r.ReadNext();
        Assert.False(s2.Disposed);
    }

    [Fact]
    public void Reader_reports_position_and_count()
    {
        byte[] a = Marc8Record(), b = Utf8Record();
        using var reader = new Iso2709Reader(new MemoryStream(Concat(a, b)));
        reader.ReadNext();
        Assert.Equal(a.Length, reader.Position);
        Assert.Equal(1, reader.Count);
        reader.ReadNext();
        Assert.Null(reader.ReadNext());
        Assert.Equal(a.Length + b.Length, reader.Position);
        Assert.Equal(2, reader.Count);
    }

    internal static string Summary(List<MarcReadResult> results)
    {
        var sb = new StringBuilder();
        foreach (var r in results)
        {
            if (r.Record is { } rec)
            {
                sb.Append("R ").Append(rec.Origin!.Ordinal).Append('@').Append(rec.Origin.ByteOffset).Append('+').Append(rec.Origin.ByteLength)
                    .Append(' ').Append(rec.ToMarcText().Replace('\n', '|'));
                foreach (var w in rec.Warnings) sb.Append(" [").Append(w).Append(']');
            }
            else
            {
                var e = r.Error!;
                sb.Append("E ").Append(e.Origin.Ordinal).Append('@').Append(e.Origin.ByteOffset).Append('+').Append(e.Origin.ByteLength)
                    .Append(' ').Append(e.Code).Append(' ').Append(Convert.ToHexString(e.RawBytes));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
