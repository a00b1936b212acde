using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OclcCataloging.Ils.Koha;

namespace OclcCataloging.Commands.Ils
{
    /// <summary>Completes -OverlayAction, -NomatchAction, -ItemAction and -ImportMode with Koha's own spellings (create_new, add_only_for_new).</summary>
    public sealed class KohaActionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = CompletionPattern.For(wordToComplete);
            return ValuesFor(parameterName)
                .Where(v => pattern.IsMatch(v))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }

        internal static IEnumerable<string> ValuesFor(string parameterName)
        {
            Type? type = string.Equals(parameterName, "OverlayAction", StringComparison.OrdinalIgnoreCase) ? typeof(KohaOverlayAction)
                : string.Equals(parameterName, "NomatchAction", StringComparison.OrdinalIgnoreCase) ? typeof(KohaNomatchAction)
                : string.Equals(parameterName, "ItemAction", StringComparison.OrdinalIgnoreCase) ? typeof(KohaItemAction)
                : string.Equals(parameterName, "ImportMode", StringComparison.OrdinalIgnoreCase) ? typeof(KohaImportMode)
                : null;
            if (type == null) return Array.Empty<string>();
            return Enum.GetValues(type).Cast<Enum>().Select(KohaImportDecider.Name).ToList();
        }
    }
}
