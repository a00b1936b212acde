using System.Management.Automation;

namespace OclcCataloging.Commands
{
    /// <summary>What the argument completers match against: the word typed so far, unquoted, as a case-blind prefix.</summary>
    internal static class CompletionPattern
    {
        public static WildcardPattern For(string? wordToComplete)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return new WildcardPattern(WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
        }
    }
}
