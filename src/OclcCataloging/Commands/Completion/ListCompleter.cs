using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OclcCataloging.Commands.Completion
{
    /// <summary>
    /// A completer over a list of known values, each with a tooltip: the values that start with the word typed so far
    /// (case-blind), quoted when they hold characters PowerShell would read otherwise.
    /// </summary>
    public abstract class ListCompleter : IArgumentCompleter
    {
        /// <summary>The values and their tooltips, in the order they are offered.</summary>
        protected abstract IEnumerable<KeyValuePair<string, string>> Values(IDictionary fakeBoundParameters);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = CompletionPattern.For(wordToComplete);
            return Values(fakeBoundParameters)
                .Where(v => pattern.IsMatch(v.Key))
                .Select(v => new CompletionResult(Quote(v.Key), v.Key, CompletionResultType.ParameterValue, v.Value))
                .ToList();
        }

        internal static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', '@', '#', ',', '&', '|' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;

        protected static KeyValuePair<string, string> Value(string value, string tooltip) => new KeyValuePair<string, string>(value, tooltip);
    }
}
