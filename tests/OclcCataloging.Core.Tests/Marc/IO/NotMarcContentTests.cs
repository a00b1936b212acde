using System.Text;
using OclcCataloging.Marc.IO;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.IO;

/// <summary>Content that is not MARC is recognised before the lenient ISO 2709 reader sees it.</summary>
public sealed class NotMarcContentTests
{
    private static string? Describe(string text) => Describe(Encoding.ASCII.GetBytes(text));

    private static string? Describe(byte[] bytes) => NotMarcContent.Describe(bytes, bytes.Length);

    [Fact]
    public void A_pdf_is_named_with_its_first_bytes() =>
        Assert.Equal("a PDF document: it starts with '%PDF-1.7\\x0A%abc'", Describe("%PDF-1.7\n%abc"));

    [Fact]
    public void A_zip_archive_is_recognised() =>
        Assert.StartsWith("a ZIP archive", Describe(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }));

    [Fact]
    public void Text_without_terminators_is_not_marc() =>
        Assert.Equal("not MARC (no record or field terminator in its first 11 bytes): it starts with 'hello world'", Describe("hello world"));

    [Theory]
    [InlineData("00714cam a2200205 a 4500")] // a leader, perhaps of a record cut off
    [InlineData("")]
    [InlineData("  \r\n ")]
    [InlineData("junk before\u001e a field terminator")]
    public void Content_that_may_be_marc_is_left_to_the_reader(string text) => Assert.Null(Describe(text));
}
