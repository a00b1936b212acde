using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using Xunit;
using static OclcCataloging.Core.Tests.Marc.Iso2709.Iso2709TestData;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>The single-record parse for ISO 2709 bytes held in memory.</summary>
public class Iso2709ParseRecordTests
{
    [Fact]
    public void ParseRecord_reads_the_first_record_and_keeps_its_own_copy_of_the_bytes()
    {
        byte[] a = Marc8Record("ocm1");
        byte[] input = Concat(a, Utf8Record("ocn2"));

        MarcRecord r = Iso2709Reader.ParseRecord(input);
        input[IndexOf(input, "ocm1")] = (byte)'X';

        Assert.Equal("ocm1", r.ControlNumber);
        Assert.Equal(a.Length, r.Origin!.ByteLength);
        Assert.Equal(0, r.Origin.ByteOffset);
        Assert.Null(r.Origin.SourcePath);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void ParseRecord_frames_and_warns_as_the_file_reader_does()
    {
        byte[] a = Marc8Record();
        byte[] bad = WithBytes(a, 0, (a.Length + 7).ToString("D5"));

        MarcRecord r = Iso2709Reader.ParseRecord(bad);

        Assert.Equal(MarcDiagnosticCodes.RecordLengthMismatch, Assert.Single(r.Warnings).Code);
        Assert.Equal("001 003 008 100 245 650", Tags(r));
    }

    [Fact]
    public void ParseRecord_throws_FormatException_when_there_is_no_readable_record()
    {
        Assert.Throws<FormatException>(() => Iso2709Reader.ParseRecord(Array.Empty<byte>()));
        Assert.Throws<FormatException>(() => Iso2709Reader.ParseRecord(new byte[] { 0x0D, 0x0A }));
        var e = Assert.Throws<FormatException>(() => Iso2709Reader.ParseRecord(L("not a MARC record at all\u001d")));
        Assert.Contains(MarcDiagnosticCodes.UnreadableRecord, e.Message);
        Assert.Throws<ArgumentNullException>(() => Iso2709Reader.ParseRecord(null!));
    }

    [Fact]
    public void TryParseRecord_says_whether_a_record_was_read()
    {
        Assert.True(Iso2709Reader.TryParseRecord(Utf8Record("ocn9"), out MarcRecord? r));
        Assert.Equal("ocn9", r!.ControlNumber);

        Assert.False(Iso2709Reader.TryParseRecord(L("garbage\u001d"), out MarcRecord? none));
        Assert.Null(none);
    }

    [Fact]
    public void ParseRecord_reads_past_stray_bytes_when_the_options_return_them()
    {
        var options = new Iso2709ReaderOptions { ReturnStrayBytes = true };
        MarcRecord r = Iso2709Reader.ParseRecord(Concat(new byte[] { 0, 0 }, Marc8Record("ocm7")), options);

        Assert.Equal("ocm7", r.ControlNumber);
        Assert.Throws<FormatException>(() => Iso2709Reader.ParseRecord(new byte[] { 0, 0, 0x1D }, options));
    }

    [Fact]
    public void ParseRecord_takes_reader_options()
    {
        byte[] utf8AsMarc8 = WithBytes(Utf8Record(), 9, " ");

        MarcRecord r = Iso2709Reader.ParseRecord(utf8AsMarc8, new Iso2709ReaderOptions { Encoding = MarcEncoding.Utf8 });

        Assert.True(r.Leader.IsUnicode);
        Assert.Equal("École et société :", r.GetValue("245", 'a'));
    }
}
