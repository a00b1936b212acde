namespace OclcCataloging.Commands
{
    /// <summary>Where each cmdlet's help is online (Get-Help -Online): its page in the project's docs/help folder.</summary>
    internal static class HelpLinks
    {
        internal const string Folder = "https://github.com/oclccataloging/OclcCataloging/blob/main/docs/help/";
    }
}
