using System;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// A cmdlet that takes MARC records from the pipeline (-InputObject) or reads them from files (-Path with wildcards,
    /// -LiteralPath), one at a time, and hands each to <see cref="ProcessMarcRecord"/>.
    /// </summary>
    public abstract class MarcRecordInputCommand : PSCmdlet
    {
        protected const string RecordSet = "Record";
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";

        /// <summary>Records to process.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordSet)]
        [AllowEmptyCollection]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>Files to read, in order. Wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Files to read, used exactly as written.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Warnings about damaged records and stray bytes shown per file (default 100); the rest are only counted, in the file's summary warning. 0: show all.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaxWarnings { get; set; } = MarcFileReadTally.DefaultMaxWarnings;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == RecordSet)
            {
                foreach (MarcRecord record in InputObject)
                {
                    if (record != null) ProcessMarcRecord(record);
                }
                return;
            }
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (string p in literal ? LiteralPath : Path)
            {
                foreach (string file in ProviderPaths.ResolveInputFiles(this, p, literal))
                    new MarcFileInput(this, rejects: null, offersRejectPath: false) { MaxWarnings = MaxWarnings }.Read(file, MarcFormat.Auto, MarcEncoding.Leader, ProcessMarcRecord);
            }
        }

        /// <summary>Called for each record, in input order.</summary>
        protected abstract void ProcessMarcRecord(MarcRecord record);
    }
}
