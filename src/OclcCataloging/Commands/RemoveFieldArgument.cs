using System;
using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.Marc.Editing;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The -RemoveField parameter of the export cmdlets (Connexion's "Fields to Delete on Export"): parsed once, at the
    /// start of the command; a selector that does not parse stops the command before anything is written or sent.
    /// </summary>
    internal static class RemoveFieldArgument
    {
        public static IReadOnlyList<FieldSelector> Parse(PSCmdlet cmdlet, string[]? texts)
        {
            try
            {
                return FieldSelector.ParseAll(texts);
            }
            catch (FormatException e)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FieldSelectorInvalid, ErrorCategory.InvalidArgument, texts)
                {
                    ErrorDetails = new ErrorDetails(e.Message)
                    {
                        RecommendedAction = "Give -RemoveField tag patterns such as 9XX, 029 or 938, or a tag pattern with subfield codes such as 856$z.",
                    },
                });
                return Array.Empty<FieldSelector>();
            }
        }
    }
}
