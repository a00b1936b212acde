using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>Picks the protector that saves a new secret, and the one that reads a saved secret back.</summary>
    internal static class SecretProtectors
    {
        /// <summary>
        /// Auto: DPAPI on Windows; elsewhere SecretManagement when a vault is named or a default vault is registered,
        /// else the key file. Throws <see cref="ConnectionSecretException"/> when the chosen store is not available here.
        /// </summary>
        internal static ISecretProtector ForSave(ConnectionProfileStore store, SecretStoreChoice choice, string? vault)
        {
            switch (choice)
            {
                case SecretStoreChoice.Dpapi:
                    if (!DpapiSecretProtector.IsSupported)
                        throw new ConnectionSecretException("DPAPI is only available on Windows. Use -SecretStore KeyFile or SecretManagement.");
                    return new DpapiSecretProtector();
                case SecretStoreChoice.KeyFile:
                    return new KeyFileSecretProtector(store.KeyFilePath);
                case SecretStoreChoice.SecretManagement:
                    return new SecretManagementProtector(vault);
                default:
                    if (vault != null) return new SecretManagementProtector(vault);
                    if (DpapiSecretProtector.IsSupported) return new DpapiSecretProtector();
                    return SecretManagementProtector.DefaultVault() != null ? new SecretManagementProtector(null) : (ISecretProtector)new KeyFileSecretProtector(store.KeyFilePath);
            }
        }

        /// <summary>The protector that reads secrets saved with <paramref name="kind"/>.</summary>
        internal static ISecretProtector ForRead(ConnectionProfileStore store, SecretStoreKind kind)
        {
            switch (kind)
            {
                case SecretStoreKind.Dpapi: return new DpapiSecretProtector();
                case SecretStoreKind.SecretManagement: return new SecretManagementProtector(null);
                default: return new KeyFileSecretProtector(store.KeyFilePath);
            }
        }
    }
}
