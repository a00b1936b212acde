using System;
using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Commands.Ils
{
    /// <summary>
    /// <para type="synopsis">Lists the differences between two versions of records field by field, in cataloger terms: which fields were added, removed or changed.</para>
    /// </summary>
    [Cmdlet(VerbsData.Compare, "MarcRecord", HelpUri = HelpLinks.Folder + "Compare-MarcRecord.md", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(FieldChange))]
    public sealed class CompareMarcRecordCommand : PSCmdlet
    {
        private const string ObjectSet = "Object";
        private const string PathSet = "Path";
        private RecordMatchIndex? _index;
        private readonly List<MarcRecord> _references = new List<MarcRecord>();

        /// <summary>The reference (old) records.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ObjectSet)]
        [AllowEmptyCollection]
        public MarcRecord[] ReferenceObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>Files holding the reference (old) records; wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] ReferencePath { get; set; } = Array.Empty<string>();

        /// <summary>Warnings about damaged records and stray bytes shown per -ReferencePath file (default 100); the rest are only counted, in the file's summary warning. 0: show all.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [ValidateRange(0, int.MaxValue)]
        public int MaxWarnings { get; set; } = MarcFileReadTally.DefaultMaxWarnings;

        /// <summary>The difference (new) records, usually piped.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public MarcRecord[] DifferenceObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>List the fields that are the same in both versions too (Change Unchanged).</summary>
        [Parameter]
        public SwitchParameter IncludeUnchanged { get; set; }

        protected override void BeginProcessing()
        {
            _index = MatchIndexLoader.Load(this, ReferenceObject, ReferencePath, _references, MaxWarnings);
        }

        protected override void ProcessRecord()
        {
            foreach (MarcRecord difference in DifferenceObject)
            {
                if (difference == null) continue;
                MarcRecord? reference = _index!.Find(difference, out string? key);
                // One reference record is compared with whatever comes: two versions of one record may differ in every number.
                if (_references.Count == 1) reference = _references[0];
                if (reference == null)
                {
                    string what = "Record " + (key ?? "without OCLC number or 001") + MarcRecordText.Identity(difference) + " has no reference record to compare with";
                    WriteError(new ErrorRecord(new ItemNotFoundException(what + "."), ErrorIds.ReferenceRecordNotFound, ErrorCategory.ObjectNotFound, difference)
                    {
                        ErrorDetails = new ErrorDetails(what + ": no reference record has its OCLC number or 001.")
                        {
                            RecommendedAction = "Add the record's old version to -ReferenceObject or -ReferencePath, or compare one record with one record.",
                        },
                    });
                    continue;
                }
                string? id = key ?? RecordMatchIndex.KeyOf(reference);
                foreach (FieldChange c in RecordComparer.Compare(reference, difference, IncludeUnchanged)) WriteObject(c.ForRecord(id));
            }
        }
    }
}
