using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OclcCataloging.Ils.Koha;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>Completes the Koha import settings (Start-GatewayListener, Send-KohaSpool, Resolve-KohaImportAction) with the values Koha accepts, in its own spelling (create_new, add_only_for_new).</summary>
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
            switch (parameterName.ToLowerInvariant())
            {
                case "overlayaction": return Names(typeof(KohaOverlayAction));
                case "nomatchaction": return Names(typeof(KohaNomatchAction));
                case "itemaction": return Names(typeof(KohaItemAction));
                case "importmode": return Names(typeof(KohaImportMode));
                // Matching rule codes Koha ships or its documentation names; any code of the library's own rules works too.
                case "match": return new[] { "ISBN", "ISSN", "KohaBiblio" };
                default: return Array.Empty<string>();
            }
        }

        private static IEnumerable<string> Names(Type type) => Enum.GetValues(type).Cast<Enum>().Select(KohaImportDecider.Name);
    }
}
