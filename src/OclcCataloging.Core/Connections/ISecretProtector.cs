using System.Security;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// Turns a secret into the form a profile stores, and back. The secret stays a <see cref="SecureString"/> on
    /// both sides; implementations encrypt from and decrypt into buffers they zero (see <see cref="SecureStringBytes"/>).
    /// </summary>
    public interface ISecretProtector
    {
        SecretStoreKind Kind { get; }

        /// <summary>Protects <paramref name="secret"/> for the connection named <paramref name="connectionName"/>; returns what the profile stores.</summary>
        string Protect(string connectionName, SecureString secret);

        /// <summary>
        /// The secret (read-only; the caller disposes it) from what <see cref="Protect"/> returned.
        /// Throws <see cref="ConnectionSecretException"/> when it cannot be read.
        /// </summary>
        SecureString Unprotect(string connectionName, string protectedSecret);

        /// <summary>Deletes any copy kept outside the profile (a vault entry); nothing for secrets kept inline.</summary>
        void Forget(string protectedSecret);
    }
}
