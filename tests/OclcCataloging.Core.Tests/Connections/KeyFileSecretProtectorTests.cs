using OclcCataloging.Connections;
using Xunit;

namespace OclcCataloging.Core.Tests.Connections;

public sealed class KeyFileSecretProtectorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oclc-key-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string KeyPath => Path.Combine(_dir, "connections.key");

    [Fact]
    public void Round_trips_and_creates_a_64_byte_key_once()
    {
        var p = new KeyFileSecretProtector(KeyPath);
        string a = p.Protect("c", "secret one");
        byte[] key = File.ReadAllBytes(KeyPath);
        Assert.Equal(64, key.Length);
        string b = p.Protect("c", "secret one");
        Assert.Equal(key, File.ReadAllBytes(KeyPath));
        Assert.NotEqual(a, b); // random IV per secret
        Assert.StartsWith("v1:", a);
        Assert.Equal("secret one", new KeyFileSecretProtector(KeyPath).Unprotect("c", a));
        Assert.Equal("", p.Unprotect("c", p.Protect("c", "")));
    }

    [Fact]
    public void Another_key_file_is_a_clear_error_without_the_secret()
    {
        string stored = new KeyFileSecretProtector(KeyPath).Protect("nightly", "TopSecretValue");
        File.Delete(KeyPath);
        new KeyFileSecretProtector(KeyPath).Protect("other", "x"); // a new random key
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Unprotect("nightly", stored));
        Assert.Contains("'nightly'", e.Message);
        Assert.Contains("another key", e.Message);
        Assert.DoesNotContain("TopSecret", e.Message);
    }

    [Fact]
    public void A_missing_key_file_is_a_clear_error()
    {
        string stored = new KeyFileSecretProtector(KeyPath).Protect("c", "x");
        File.Delete(KeyPath);
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Unprotect("c", stored));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void A_key_file_of_the_wrong_size_is_refused()
    {
        File.WriteAllBytes(KeyPath, new byte[10]);
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Protect("c", "x"));
        Assert.Contains("not an OclcCataloging key file", e.Message);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("v1:not base64!")]
    [InlineData("v1:AAAA")]
    public void A_damaged_value_is_a_clear_error(string stored)
    {
        new KeyFileSecretProtector(KeyPath).Protect("c", "x");
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Unprotect("c", stored));
        Assert.Contains("damaged", e.Message);
    }

    [Fact]
    public void A_tampered_ciphertext_is_detected()
    {
        var p = new KeyFileSecretProtector(KeyPath);
        byte[] blob = Convert.FromBase64String(p.Protect("c", "a longer secret value")[3..]);
        blob[20] ^= 1;
        Assert.Throws<ConnectionSecretException>(() => p.Unprotect("c", "v1:" + Convert.ToBase64String(blob)));
    }
}
