using System.Net;
using System.Security;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>Secrets for the protector tests: a SecureString from test text, and its text back for assertions.</summary>
internal static class Secrets
{
    internal static SecureString Of(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

    internal static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;
}
