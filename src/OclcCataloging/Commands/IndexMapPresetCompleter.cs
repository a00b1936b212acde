using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OclcCataloging.Search.Sru;

namespace OclcCataloging.Commands
{
    /// <summary>Completes -IndexMap with the names of the SRU index map presets.</summary>
    public sealed class IndexMapPresetCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = CompletionPattern.For(wordToComplete);
            return SruIndexMapPresets.All
                .Where(p => pattern.IsMatch(p.Name))
                .Select(p => new CompletionResult(p.Name, p.Name, CompletionResultType.ParameterValue, p.Description))
                .ToList();
        }
    }
}
