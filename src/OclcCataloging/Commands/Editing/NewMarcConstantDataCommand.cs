using System;
using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.Marc.Editing;

namespace OclcCataloging.Commands.Editing
{
    /// <summary>
    /// <para type="synopsis">Creates a named set of constant data (fields and subfields to add or replace on records, as Connexion's "apply default constant data" does) for Set-MarcConstantData.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MarcConstantData", HelpUri = HelpLinks.Folder + "New-MarcConstantData.md")]
    [OutputType(typeof(MarcConstantData))]
    public sealed class NewMarcConstantDataCommand : PSCmdlet
    {
        /// <summary>The name of the set (reported in every change it makes).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Entries that replace what the record has: a MarcEdit field line (=949  \\$aNEW BOOKS) replaces every field with the tag; a subfield entry (949$l=MAIN) sets the subfield in every field with the tag.</summary>
        [Parameter]
        public string[] Replace { get; set; } = Array.Empty<string>();

        /// <summary>Entries added whatever the record has: a field line adds another occurrence; a subfield entry adds the subfield to every field with the tag.</summary>
        [Parameter]
        public string[] Add { get; set; } = Array.Empty<string>();

        /// <summary>Entries added only where missing: a field line only when the record has no field with the tag; a subfield entry only to fields without that subfield.</summary>
        [Parameter]
        public string[] Skip { get; set; } = Array.Empty<string>();

        protected override void EndProcessing()
        {
            var entries = new List<ConstantDataEntry>();
            try
            {
                AddEntries(entries, Replace, ConstantDataMode.Replace);
                AddEntries(entries, Add, ConstantDataMode.Add);
                AddEntries(entries, Skip, ConstantDataMode.Skip);
            }
            catch (FormatException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorIds.ConstantDataInvalid, ErrorCategory.InvalidArgument, Name)
                {
                    ErrorDetails = new ErrorDetails(e.Message)
                    {
                        RecommendedAction = "Write a field as one MarcEdit line ('=949  \\\\$aNEW BOOKS', indicators as \\ for blank) and a subfield as TAG$code=value ('949$l=MAIN').",
                    },
                });
            }
            if (entries.Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("The constant data '" + Name + "' has no entries."), ErrorIds.ConstantDataInvalid, ErrorCategory.InvalidArgument, Name)
                {
                    ErrorDetails = new ErrorDetails("The constant data '" + Name + "' has no entries.") { RecommendedAction = "Give at least one entry with -Replace, -Add or -Skip." },
                });
            }
            WriteObject(new MarcConstantData(Name, entries));
        }

        private static void AddEntries(List<ConstantDataEntry> entries, string[] texts, ConstantDataMode mode)
        {
            foreach (string t in texts ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(t)) continue;
                entries.Add(t.TrimStart().StartsWith("=", StringComparison.Ordinal) ? ConstantDataEntry.ForField(t, mode) : ConstantDataEntry.ForSubfield(t.Trim(), mode));
            }
        }
    }
}
