using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using OclcCataloging.Ils.Alma;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;

namespace OclcCataloging.Commands.Ils
{
    /// <summary>
    /// <para type="synopsis">Shows what Alma's OCLC Connexion import would make of each record: merges it into the existing record it matches with one of Alma's merge methods and guards, and lists what was kept, replaced and added.</para>
    /// </summary>
    [Cmdlet(VerbsData.Merge, "MarcRecord", HelpUri = HelpLinks.Folder + "Merge-MarcRecord.md", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(AlmaMergeResult))]
    public sealed class MergeMarcRecordCommand : MarcRecordInputCommand
    {
        private RecordMatchIndex? _index;
        private List<MarcRecord> _existingRecords = new List<MarcRecord>();
        private AlmaMergeOptions? _options;

        /// <summary>The existing (Alma) records, matched to each incoming record by OCLC number, else 001.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public MarcRecord[] Existing { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>Files holding the existing records (wildcards allowed), read once at the start.</summary>
        [Parameter]
        [SupportsWildcards]
        public string[] ExistingPath { get; set; } = Array.Empty<string>();

        /// <summary>The merge method: Replace245And035, OverlayAllFieldsButLocal, KeepOnlyOldValue or ConditionalSubjectHeadings.</summary>
        [Parameter(Mandatory = true)]
        public AlmaMergeMethod Method { get; set; }

        /// <summary>Alma's "Do not override/merge a record with lower brief version": keep the existing record when its brief level is higher.</summary>
        [Parameter]
        public SwitchParameter BriefLevelGuard { get; set; }

        /// <summary>Alma's "Do not override/merge record with an older version": keep the existing record when the incoming 005 is older.</summary>
        [Parameter]
        public SwitchParameter OlderVersionGuard { get; set; }

        /// <summary>Which published brief level table maps leader/17 to levels 01-10: Carli (default) or Csu.</summary>
        [Parameter]
        [ValidateSet("Carli", "Csu", IgnoreCase = true)]
        public string BriefLevelRules { get; set; } = "Carli";

        /// <summary>Your institution's own table instead: leader/17 value (' ' for blank) to level 1-10, e.g. @{ ' ' = 10; 'I' = 9; '3' = 3 }.</summary>
        [Parameter]
        public Hashtable? BriefLevelTable { get; set; }

        /// <summary>The brief level of a record whose leader/17 is not in the table (default 1).</summary>
        [Parameter]
        [ValidateRange(1, 10)]
        public int UnmappedBriefLevel { get; set; } = AlmaBriefLevelRules.Briefest;

        /// <summary>The brief level of a record without 245, whatever its leader/17 (default 1); 0 to use the table alone.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int Missing245BriefLevel { get; set; } = AlmaBriefLevelRules.Briefest;

        /// <summary>With -OlderVersionGuard, when either record has no usable 005: Allow (default) merges, Block keeps the existing record.</summary>
        [Parameter]
        public MissingVersionPolicy MissingVersion { get; set; } = MissingVersionPolicy.Allow;

        /// <summary>How to read Replace245And035, whose published description contradicts its name: ByName (default) or AsDescribed.</summary>
        [Parameter]
        public Replace245Reading Replace245Reading { get; set; } = Replace245Reading.ByName;

        protected override void BeginProcessing()
        {
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(Existing)) && !MyInvocation.BoundParameters.ContainsKey(nameof(ExistingPath)))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("No existing records to merge into were given."),
                    ErrorIds.ExistingRecordsRequired, ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails("No existing records to merge into were given.")
                    {
                        RecommendedAction = "Give the records already in Alma with -Existing (records) or -ExistingPath (a file).",
                    },
                });
            }
            _options = new AlmaMergeOptions
            {
                Method = Method,
                BriefLevelGuard = BriefLevelGuard,
                OlderVersionGuard = OlderVersionGuard,
                BriefLevelRules = BriefLevelArgument.Create(this, BriefLevelRules, BriefLevelTable, UnmappedBriefLevel, Missing245BriefLevel),
                MissingVersion = MissingVersion,
                Replace245Reading = Replace245Reading,
            };
            _index = MatchIndexLoader.Load(this, Existing, ExistingPath, _existingRecords, MaxWarnings);
            WriteVerbose("Merging with " + Method + " into " + _index.Count.ToString(CultureInfo.InvariantCulture) + " existing records.");
        }

        protected override void ProcessMarcRecord(MarcRecord record)
        {
            MarcRecord? existing = _index!.Find(record, out string? key);
            AlmaMergeResult result = AlmaMerger.Merge(record, existing, _options!);
            if (result.Outcome != AlmaMergeOutcome.Merged)
                WriteVerbose("Record " + (key ?? "without OCLC number or 001") + ": " + result.Outcome + " (" + result.Reason + ").");
            WriteObject(result);
        }
    }
}
