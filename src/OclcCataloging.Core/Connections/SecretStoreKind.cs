namespace OclcCataloging.Connections
{
    /// <summary>Where and how the secret of a connection profile is kept.</summary>
    public enum SecretStoreKind
    {
        /// <summary>The profile has no secret.</summary>
        None,

        /// <summary>
        /// Windows DPAPI for the current user: the hex text <c>ConvertFrom-SecureString</c> writes, readable by
        /// <c>ConvertTo-SecureString</c> by the same user on the same computer.
        /// </summary>
        Dpapi,

        /// <summary>
        /// AES-256-CBC with HMAC-SHA256 under a random key in a key file only the user can read (mode 0600), beside the
        /// connections file. Protection by file permissions, like an SSH private key.
        /// </summary>
        KeyFile,

        /// <summary>A Microsoft.PowerShell.SecretManagement vault; the profile keeps only a reference to the secret.</summary>
        SecretManagement,
    }
}
