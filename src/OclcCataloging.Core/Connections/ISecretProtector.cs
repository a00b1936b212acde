namespace OclcCataloging.Connections
{
    /// <summary>Turns a secret into the form a profile stores, and back.</summary>
    public interface ISecretProtector
    {
        SecretStoreKind Kind { get; }

        /// <summary>Protects <paramref name="secret"/> for the connection named <paramref name="connectionName"/>; returns what the profile stores.</summary>
        string Protect(string connectionName, string secret);

        /// <summary>The secret from what <see cref="Protect"/> returned. Throws <see cref="ConnectionSecretException"/> when it cannot be read.</summary>
        string Unprotect(string connectionName, string protectedSecret);

        /// <summary>Deletes any copy kept outside the profile (a vault entry); nothing for secrets kept inline.</summary>
        void Forget(string protectedSecret);
    }
}
