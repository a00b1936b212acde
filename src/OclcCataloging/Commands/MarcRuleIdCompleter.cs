using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Commands
{
    /// <summary>Completes validation rule ids (Test-MarcRecord -ExcludeRule), with each rule's description as the tooltip.</summary>
    public sealed class MarcRuleIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = CompletionPattern.For(wordToComplete);
            return MarcRuleCatalog.Rules
                .Where(r => pattern.IsMatch(r.Id))
                .Select(r => new CompletionResult(r.Id, r.Id, CompletionResultType.ParameterValue, r.Level + ", " + r.DefaultSeverity + ": " + r.Description))
                .ToList();
        }
    }
}
