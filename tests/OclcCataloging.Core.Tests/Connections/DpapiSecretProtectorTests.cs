using OclcCataloging.Connections;
using OclcCataloging.Core.Tests.TestSupport;
using Xunit;

namespace OclcCataloging.Core.Tests.Connections;

public sealed class DpapiSecretProtectorTests
{
    private static readonly string? NotWindows = OperatingSystem.IsWindows() ? null : "DPAPI (crypt32) exists only on Windows.";

    [Fact]
    public void Is_supported_only_on_windows()
    {
        Assert.Equal(OperatingSystem.IsWindows(), DpapiSecretProtector.IsSupported);
        if (!OperatingSystem.IsWindows())
            Assert.Throws<ConnectionSecretException>(() => new DpapiSecretProtector().Protect("c", Secrets.Of("x")));
    }

    [Fact]
    public void Hex_is_lower_case_and_round_trips()
    {
        byte[] bytes = { 0x01, 0x00, 0xd0, 0x8c, 0xff };
        Assert.Equal("0100d08cff", DpapiSecretProtector.ToHex(bytes));
        Assert.Equal(bytes, DpapiSecretProtector.FromHex("0100D08CFF"));
        Assert.Null(DpapiSecretProtector.FromHex("0g"));
        Assert.Null(DpapiSecretProtector.FromHex("123"));
    }

    [SkippableWindowsFact]
    public void Writes_the_hex_of_a_dpapi_blob_of_utf16_like_ConvertFrom_SecureString()
    {
        var p = new DpapiSecretProtector();
        string stored = p.Protect("c", Secrets.Of("pässword"));
        Assert.Matches("^[0-9a-f]+$", stored);
        // A DPAPI blob starts with version 1 and the DPAPI provider GUID df9d8cd0-1501-11d1-8c7a-00c04fc297eb.
        Assert.StartsWith("01000000d08c9ddf0115d1118c7a00c04fc297eb", stored);
        Assert.Equal("pässword", Secrets.Reveal(p.Unprotect("c", stored)));
    }

    private sealed class SkippableWindowsFactAttribute : FactAttribute
    {
        public SkippableWindowsFactAttribute()
        {
            if (NotWindows != null) Skip = NotWindows;
        }
    }
}
