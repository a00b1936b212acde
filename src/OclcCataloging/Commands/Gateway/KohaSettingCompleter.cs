using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OclcCataloging.Ils.Koha;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>Completes the Koha import settings with the values Koha accepts (its own spelling, e.g. create_new).</summary>
    public sealed class KohaSettingCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = CompletionPattern.For(wordToComplete);
            return Values(parameterName).Where(v => pattern.IsMatch(v))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v)).ToList();
        }

        private static IEnumerable<string> Values(string parameterName)
        {
            switch (parameterName)
            {
                case "OverlayAction": return Names(typeof(KohaOverlayAction));
                case "NomatchAction": return Names(typeof(KohaNomatchAction));
                case "ItemAction": return Names(typeof(KohaItemAction));
                case "ImportMode": return Names(typeof(KohaImportMode));
                // Matching rule codes Koha ships or its documentation names; any code of the library's own rules works too.
                case "Match": return new[] { "ISBN", "ISSN", "KohaBiblio" };
                default: return Array.Empty<string>();
            }
        }

        private static IEnumerable<string> Names(Type type) => Enum.GetValues(type).Cast<Enum>().Select(KohaImportDecider.Name);
    }
}
