using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace OclcCataloging.Commands.Completion
{
    /// <summary>Completes -Vault with the SecretManagement vaults registered for the current user (none when SecretManagement is not installed).</summary>
    public sealed class SecretVaultCompleter : ListCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values(IDictionary fakeBoundParameters) =>
            SecretManagementProtector.Vaults()
                .Select(v => Value(v.Name, v.Name + (v.IsDefault ? " (the default vault)" : string.Empty)));
    }
}
