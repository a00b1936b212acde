using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Keeps secrets in a Microsoft.PowerShell.SecretManagement vault, calling Set-Secret, Get-Secret and
    /// Remove-Secret in the current runspace (so it must be used on the pipeline thread). The profile stores only
    /// the reference <c>vault:&lt;vault name&gt;/OclcCataloging.&lt;connection name&gt;</c>.
    /// </summary>
    internal sealed class SecretManagementProtector : ISecretProtector
    {
        internal const string ModuleName = "Microsoft.PowerShell.SecretManagement";
        private const string ReferencePrefix = "vault:";
        private const string SecretNamePrefix = "OclcCataloging.";

        private readonly string? _vault;

        /// <param name="vault">The vault to save new secrets in; null for the default vault.</param>
        internal SecretManagementProtector(string? vault) { _vault = vault; }

        public SecretStoreKind Kind => SecretStoreKind.SecretManagement;

        /// <summary>The name of the default vault, or null when SecretManagement is not installed or has no default vault.</summary>
        internal static string? DefaultVault()
        {
            try
            {
                var found = Invoke(
                    "if (-not (Get-Module -ListAvailable -Name '" + ModuleName + "')) { return }\n" +
                    ModuleName + "\\Get-SecretVault -ErrorAction Ignore | Where-Object IsDefault | Select-Object -First 1 -ExpandProperty Name");
                return found.Select(o => o?.BaseObject as string).FirstOrDefault(s => !string.IsNullOrEmpty(s));
            }
            catch (ConnectionSecretException)
            {
                return null;
            }
        }

        /// <summary>The registered vaults (name, and whether it is the default), or none when SecretManagement is not installed.</summary>
        internal static System.Collections.Generic.IReadOnlyList<(string Name, bool IsDefault)> Vaults()
        {
            try
            {
                var found = Invoke(
                    "if (-not (Get-Module -ListAvailable -Name '" + ModuleName + "')) { return }\n" +
                    ModuleName + "\\Get-SecretVault -ErrorAction Ignore");
                return found.Where(o => o != null)
                    .Select(o => (Name: o.Properties["Name"]?.Value as string, IsDefault: o.Properties["IsDefault"]?.Value is bool d && d))
                    .Where(v => !string.IsNullOrEmpty(v.Name))
                    .Select(v => (v.Name!, v.IsDefault))
                    .ToList();
            }
            catch (ConnectionSecretException)
            {
                return Array.Empty<(string, bool)>();
            }
        }

        public string Protect(string connectionName, SecureString secret)
        {
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            string vault = _vault ?? DefaultVault() ?? throw new ConnectionSecretException(
                "No SecretManagement vault is available: install Microsoft.PowerShell.SecretManagement and a vault extension, and register a default vault (Register-SecretVault -DefaultVault), or name one with -Vault.");
            string secretName = SecretNamePrefix + connectionName;
            // A copy, not disposed here: the vault extension may keep the object it was given.
            Invoke("param($Name, $Secret, $Vault) " + ModuleName + "\\Set-Secret -Name $Name -SecureStringSecret $Secret -Vault $Vault -ErrorAction Stop",
                ("Name", secretName), ("Secret", secret.Copy()), ("Vault", vault));
            return ReferencePrefix + vault + "/" + secretName;
        }

        public SecureString Unprotect(string connectionName, string protectedSecret)
        {
            var (vault, secretName) = Parse(connectionName, protectedSecret);
            var result = Invoke("param($Name, $Vault) " + ModuleName + "\\Get-Secret -Name $Name -Vault $Vault -ErrorAction Stop",
                ("Name", secretName), ("Vault", vault));
            object? value = result.Select(o => o?.BaseObject).FirstOrDefault(o => o != null);
            switch (value)
            {
                // Copies: the vault (or its caller) may dispose or reuse what it returned.
                case SecureString s: return ReadOnlyCopy(s);
                case PSCredential c: return ReadOnlyCopy(c.Password);
                // A vault that keeps secrets as text hands them back as text; nothing to zero here.
                case string text: return SecureStringBytes.FromString(text);
                default:
                    throw new ConnectionSecretException("The vault '" + vault + "' has no usable secret '" + secretName + "' for connection '" + connectionName + "'. Save the connection again with Set-OclcConnection -Credential.");
            }
        }

        public void Forget(string protectedSecret)
        {
            var (vault, secretName) = Parse("?", protectedSecret);
            Invoke("param($Name, $Vault) " + ModuleName + "\\Remove-Secret -Name $Name -Vault $Vault -ErrorAction Stop", ("Name", secretName), ("Vault", vault));
        }

        private static (string Vault, string SecretName) Parse(string connectionName, string reference)
        {
            int slash = reference?.IndexOf('/') ?? -1;
            if (reference == null || !reference.StartsWith(ReferencePrefix, StringComparison.Ordinal) || slash <= ReferencePrefix.Length || slash == reference.Length - 1)
                throw new ConnectionSecretException("The vault reference of connection '" + connectionName + "' is damaged. Save the connection again with Set-OclcConnection -Credential.");
            return (reference.Substring(ReferencePrefix.Length, slash - ReferencePrefix.Length), reference.Substring(slash + 1));
        }

        private static System.Collections.ObjectModel.Collection<PSObject> Invoke(string script, params (string Name, object Value)[] parameters)
        {
            try
            {
                using (var ps = PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    // Local scope: the parameters must not become variables in the caller's scope.
                    ps.AddScript(script, useLocalScope: true);
                    foreach (var (name, value) in parameters) ps.AddParameter(name, value);
                    var result = ps.Invoke();
                    if (ps.HadErrors && ps.Streams.Error.Count > 0)
                        throw new ConnectionSecretException("SecretManagement failed: " + ps.Streams.Error[0].Exception.Message);
                    return result;
                }
            }
            catch (RuntimeException e)
            {
                throw new ConnectionSecretException("SecretManagement failed: " + e.Message, e);
            }
        }

        private static SecureString ReadOnlyCopy(SecureString secret)
        {
            SecureString copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }
    }
}
