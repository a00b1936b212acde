namespace OclcCataloging.Commands
{
    /// <summary>Where Set-OclcConnection keeps a secret (-SecretStore).</summary>
    public enum SecretStoreChoice
    {
        /// <summary>DPAPI on Windows; elsewhere the default SecretManagement vault when there is one, else the key file.</summary>
        Auto,

        /// <summary>Windows DPAPI for the current user (the ConvertFrom-SecureString form).</summary>
        Dpapi,

        /// <summary>AES under a random key in an owner-only key file beside the connections file.</summary>
        KeyFile,

        /// <summary>A Microsoft.PowerShell.SecretManagement vault (-Vault, or the default vault).</summary>
        SecretManagement,
    }
}
