using System.Text;
using OclcCataloging.Connections;
using OclcCataloging.Core.Tests.TestSupport;
using Xunit;

namespace OclcCataloging.Core.Tests.Connections;

public sealed class SecureStringBytesTests
{
    private const string Text = "pässword €𝄞";

    [Fact]
    public void Gives_the_utf16_and_utf8_bytes_of_a_secret()
    {
        Assert.Equal(Encoding.Unicode.GetBytes(Text), SecureStringBytes.ToUtf16(Secrets.Of(Text)));
        Assert.Equal(Encoding.UTF8.GetBytes(Text), SecureStringBytes.ToUtf8(Secrets.Of(Text)));
        Assert.Empty(SecureStringBytes.ToUtf8(Secrets.Of("")));
    }

    [Fact]
    public void Makes_read_only_secrets_from_bytes_and_text()
    {
        foreach (var secret in new[]
        {
            SecureStringBytes.FromUtf16(Encoding.Unicode.GetBytes(Text)),
            SecureStringBytes.FromUtf8(Encoding.UTF8.GetBytes(Text)),
            SecureStringBytes.FromString(Text),
        })
        {
            Assert.True(secret.IsReadOnly());
            Assert.Equal(Text, Secrets.Reveal(secret));
        }
    }
}
