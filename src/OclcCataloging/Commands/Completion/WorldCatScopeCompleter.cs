using System.Collections;
using System.Collections.Generic;
using OclcCataloging.Actions.WorldCat;

namespace OclcCataloging.Commands.Completion
{
    /// <summary>Completes -Scope with the WorldCat Metadata API scopes: the umbrella scope first, then each record action's own.</summary>
    public sealed class WorldCatScopeCompleter : ListCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values(IDictionary fakeBoundParameters)
        {
            yield return Value(WorldCatScopes.Umbrella, WorldCatScopes.Umbrella + ": searching and every record action (the default)");
            foreach (string scope in WorldCatScopes.ForRecordActions) yield return Value(scope, scope);
        }
    }
}
