using OclcCataloging.Connections;
using OclcCataloging.Core.Tests.TestSupport;
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
        string a = p.Protect("c", Secrets.Of("secret one"));
        byte[] key = File.ReadAllBytes(KeyPath);
        Assert.Equal(64, key.Length);
        string b = p.Protect("c", Secrets.Of("secret one"));
        Assert.Equal(key, File.ReadAllBytes(KeyPath));
        Assert.NotEqual(a, b); // random IV per secret
        Assert.StartsWith("v1:", a);
        Assert.Equal("secret one", Secrets.Reveal(new KeyFileSecretProtector(KeyPath).Unprotect("c", a)));
        Assert.Equal("", Secrets.Reveal(p.Unprotect("c", p.Protect("c", Secrets.Of("")))));
    }

    [Fact]
    public void Another_key_file_is_a_clear_error_without_the_secret()
    {
        string stored = new KeyFileSecretProtector(KeyPath).Protect("nightly", Secrets.Of("TopSecretValue"));
        File.Delete(KeyPath);
        new KeyFileSecretProtector(KeyPath).Protect("other", Secrets.Of("x")); // a new random key
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Unprotect("nightly", stored));
        Assert.Contains("'nightly'", e.Message);
        Assert.Contains("another key", e.Message);
        Assert.DoesNotContain("TopSecret", e.Message);
    }

    [Fact]
    public void A_missing_key_file_is_a_clear_error()
    {
        string stored = new KeyFileSecretProtector(KeyPath).Protect("c", Secrets.Of("x"));
        File.Delete(KeyPath);
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Unprotect("c", stored));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void A_key_file_of_the_wrong_size_is_refused()
    {
        File.WriteAllBytes(KeyPath, new byte[10]);
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Protect("c", Secrets.Of("x")));
        Assert.Contains("not an OclcCataloging key file", e.Message);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("v1:not base64!")]
    [InlineData("v1:AAAA")]
    public void A_damaged_value_is_a_clear_error(string stored)
    {
        new KeyFileSecretProtector(KeyPath).Protect("c", Secrets.Of("x"));
        var e = Assert.Throws<ConnectionSecretException>(() => new KeyFileSecretProtector(KeyPath).Unprotect("c", stored));
        Assert.Contains("damaged", e.Message);
    }

    [Fact]
    public void A_tampered_ciphertext_is_detected()
    {
        var p = new KeyFileSecretProtector(KeyPath);
        byte[] blob = Convert.FromBase64String(p.Protect("c", Secrets.Of("a longer secret value"))[3..]);
        blob[20] ^= 1;
        Assert.Throws<ConnectionSecretException>(() => p.Unprotect("c", "v1:" + Convert.ToBase64String(blob)));
    }

    [Fact]
    public void Reads_a_secret_saved_by_the_string_based_protector_of_version_0_1()
    {
        // Written by KeyFileSecretProtector before it took SecureStrings, under the key bytes 0..63: the stored
        // form (v1: + Base64(IV | AES-CBC of the UTF-8 bytes | HMAC)) is unchanged.
        File.WriteAllBytes(KeyPath, Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());
        const string Stored = "v1:Q3/58B3ddXjnh+YTOx9dQBcWPdUTo3s77oaQ4TfWjMmVyFCzWOM3xfWVgJIZqbPZaVbCUHnfZTRSY2Bx/SYK/O0Jmce1RuQMEK/7AdHVAXw=";

        using var secret = new KeyFileSecretProtector(KeyPath).Unprotect("c", Stored);

        Assert.Equal("pässword €𝄞", Secrets.Reveal(secret));
        Assert.True(secret.IsReadOnly());
    }

    [Fact]
    public void Encrypts_the_utf8_bytes_of_the_secure_string()
    {
        var p = new KeyFileSecretProtector(KeyPath);
        byte[] blob = Convert.FromBase64String(p.Protect("c", Secrets.Of("pässword €𝄞"))[3..]);
        // 16 bytes of IV, 32 of HMAC; "pässword €𝄞" is 17 UTF-8 bytes: two AES blocks.
        Assert.Equal(16 + 32 + 32, blob.Length);
    }
}
