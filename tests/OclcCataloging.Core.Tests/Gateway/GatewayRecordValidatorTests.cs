using System.Text;
using OclcCataloging.Gateway;
using OclcCataloging.Marc;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.GatewayTestRecords;

namespace OclcCataloging.Core.Tests.Gateway;

public class GatewayRecordValidatorTests
{
    [Fact]
    public void A_well_formed_utf8_record_passes()
    {
        Assert.Null(GatewayRecordValidator.Validate(Bytes(Bib("Café")), false));
    }

    [Fact]
    public void A_real_marc8_record_passes()
    {
        byte[] marc8 = GatewayRecord.FromRecord(Bib("Café"), GatewayRecordEncoding.Marc8).Bytes;
        Assert.Equal((byte)' ', marc8[9]);
        Assert.Null(GatewayRecordValidator.Validate(marc8, false));
    }

    [Fact]
    public void Over_99999_bytes_is_refused()
    {
        byte[] big = new byte[100_000];
        Encoding.ASCII.GetBytes("99999").CopyTo(big, 0);
        var r = GatewayRecordValidator.Validate(big, false);
        Assert.Equal(GatewayErrorCodes.RecordTooLong, r!.Code);
        Assert.Contains("Nothing was sent", r.Message);
    }

    [Fact]
    public void A_stub_that_would_kill_koha_is_refused()
    {
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, GatewayRecordValidator.Validate(Encoding.ASCII.GetBytes("12345xyz"), false)!.Code);
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, GatewayRecordValidator.Validate(Array.Empty<byte>(), false)!.Code);
    }

    [Fact]
    public void A_byte_order_mark_or_line_end_before_the_record_is_refused()
    {
        byte[] rec = Bytes(Bib());
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, GatewayRecordValidator.Validate(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(rec).ToArray(), false)!.Code);
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, GatewayRecordValidator.Validate(new byte[] { 0x0D, 0x0A }.Concat(rec).ToArray(), false)!.Code);
    }

    [Fact]
    public void A_leader_length_that_is_not_the_byte_length_is_refused()
    {
        byte[] rec = Bytes(Bib());
        byte[] cut = rec.Take(rec.Length - 20).ToArray();
        Assert.Equal(GatewayErrorCodes.RecordLengthMismatch, GatewayRecordValidator.Validate(cut, false)!.Code);
        byte[] wrong = (byte[])rec.Clone();
        Encoding.ASCII.GetBytes("00050").CopyTo(wrong, 0);
        Assert.Equal(GatewayErrorCodes.RecordLengthMismatch, GatewayRecordValidator.Validate(wrong, false)!.Code);
    }

    [Fact]
    public void A_missing_terminator_or_broken_directory_is_refused()
    {
        byte[] rec = Bytes(Bib());
        byte[] noTerm = (byte[])rec.Clone();
        noTerm[^1] = (byte)'x';
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, GatewayRecordValidator.Validate(noTerm, false)!.Code);

        byte[] badDir = (byte[])rec.Clone();
        badDir[24 + 3] = (byte)'X'; // first entry's field length
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, GatewayRecordValidator.Validate(badDir, false)!.Code);

        byte[] badBase = (byte[])rec.Clone();
        Encoding.ASCII.GetBytes("00030").CopyTo(badBase, 12);
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, GatewayRecordValidator.Validate(badBase, false)!.Code);
    }

    [Fact]
    public void Data_that_no_directory_entry_covers_is_refused_as_the_iso2709_parser_reports_it()
    {
        // The ISO 2709 parser reads such a record and leaves the bytes out; a receiver would lose them too.
        byte[] rec = Bytes(Bib());
        byte[] stray = Ascii("stray");
        byte[] padded = rec.Take(rec.Length - 1).Concat(stray).Concat(new byte[] { 0x1D }).ToArray();
        Ascii(padded.Length.ToString("D5")).CopyTo(padded, 0);

        var r = GatewayRecordValidator.Validate(padded, false);

        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, r!.Code);
        Assert.Contains(stray.Length + " bytes of the data area", r.Message);
        Assert.EndsWith("Nothing was sent.", r.Message);
    }

    [Fact]
    public void Leader_09_a_with_bytes_that_are_not_utf8_is_refused()
    {
        byte[] rec = Bytes(Bib("Café"));
        int i = IndexOf(rec, new byte[] { 0xC3, 0xA9 });
        rec[i] = 0xE9;      // Latin-1 é
        rec[i + 1] = 0x20;
        var r = GatewayRecordValidator.Validate(rec, false);
        Assert.Equal(GatewayErrorCodes.EncodingMismatch, r!.Code);
        Assert.Contains("UTF-8", r.Message);
    }

    [Fact]
    public void Leader_09_blank_with_utf8_bytes_is_refused()
    {
        byte[] rec = Bytes(Bib("Café"));
        rec[9] = (byte)' ';
        Assert.Equal(GatewayErrorCodes.EncodingMismatch, GatewayRecordValidator.Validate(rec, false)!.Code);
    }

    [Fact]
    public void Leader_09_other_than_a_or_blank_is_refused()
    {
        byte[] rec = Bytes(Bib());
        rec[9] = (byte)'z';
        Assert.Equal(GatewayErrorCodes.EncodingMismatch, GatewayRecordValidator.Validate(rec, false)!.Code);
    }

    [Fact]
    public void Authority_records_are_refused_unless_allowed()
    {
        byte[] rec = Bytes(Bib(type: 'z'));
        Assert.Equal(GatewayErrorCodes.AuthorityRecord, GatewayRecordValidator.Validate(rec, false)!.Code);
        Assert.Null(GatewayRecordValidator.Validate(rec, true));
    }

    [Fact]
    public void FromRecord_refuses_a_record_over_99999_bytes_and_sets_the_encoding()
    {
        var huge = Bib();
        for (int i = 0; i < 20; i++) huge.AddDataField("500", "  ", "a", new string('x', 9000));
        var e = Assert.Throws<GatewayException>(() => GatewayRecord.FromRecord(huge));
        Assert.Equal(GatewayErrorCodes.RecordTooLong, e.Code);

        byte[] marc8 = GatewayRecord.FromRecord(Bib("Café"), GatewayRecordEncoding.Marc8).Bytes;
        MarcRecord read = new OclcCataloging.Marc.Iso2709.Iso2709Reader(new MemoryStream(marc8)).ReadNext()!.Record!;
        var utf8 = GatewayRecord.FromRecord(read, GatewayRecordEncoding.Utf8);
        Assert.Equal((byte)'a', utf8.Bytes[9]);
        Assert.Null(GatewayRecordValidator.Validate(utf8.Bytes, false));
        Assert.Equal("ocm00000042", utf8.ControlNumber);
        Assert.Equal("Café".Normalize(NormalizationForm.FormD), utf8.Title!.Normalize(NormalizationForm.FormD));
    }

    [Fact]
    public void FromBytes_reads_the_identity()
    {
        var r = GatewayRecord.FromBytes(Bytes(Bib("A title")));
        Assert.Equal("ocm00000042", r.ControlNumber);
        Assert.Equal("A title", r.Title);
        Assert.NotNull(r.OclcNumber);
    }
}
