using OclcCataloging.Text;
using Xunit;

namespace OclcCataloging.Core.Tests.Text;

/// <summary>The one UTF-8 rule every reader and writer uses.</summary>
public class Utf8ValidatorTests
{
    [Theory]
    [InlineData(new byte[] { 0x41, 0xC3, 0xA9 }, -1)]                  // Aé
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, -1)]            // U+1F600
    [InlineData(new byte[] { 0x41, 0xC0, 0xAF }, 1)]                   // overlong
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]                   // surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, 0)]             // above U+10FFFF
    [InlineData(new byte[] { 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xE2, 0x82 }, 8)] // cut off after the ASCII fast path
    public void FirstInvalid_and_IsValid_agree(byte[] bytes, int expected)
    {
        Assert.Equal(expected, Utf8Validator.FirstInvalid(bytes, 0, bytes.Length));
        Assert.Equal(expected < 0, Utf8Validator.IsValid(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Invalid_sequences_are_counted_by_maximal_subpart_as_decoders_substitute_them()
    {
        byte[] bytes = { 0xE2, 0x82, 0x41, 0xFF, 0xC3, 0xA9, 0xF0, 0x9F };
        Assert.Equal(3, Utf8Validator.CountInvalidSequences(bytes, 0, bytes.Length));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes).Count(c => c == '\uFFFD'), Utf8Validator.CountInvalidSequences(bytes, 0, bytes.Length));
        Assert.Equal(2, Utf8Validator.DecodeSequence(bytes, 4, bytes.Length, out int cp));
        Assert.Equal(0xE9, cp);
        Assert.Equal(-2, Utf8Validator.DecodeSequence(bytes, 0, bytes.Length, out _));
    }
}
