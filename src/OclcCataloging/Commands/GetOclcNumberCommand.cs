using System;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Finds and normalises OCLC control numbers in records (001, 035, 004, 014, 019) or in strings.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OclcNumber", HelpUri = HelpLinks.Folder + "Get-OclcNumber.md", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(OclcNumberInfo))]
    public sealed class GetOclcNumberCommand : PSCmdlet
    {
        private const string RecordSet = "Record";
        private const string ValueSet = "Value";
        private OclcNumberLocation _location;

        /// <summary>The records to read OCLC numbers from.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordSet)]
        [AllowEmptyCollection]
        public MarcRecord[] InputObject { get; set; } = Array.Empty<MarcRecord>();

        /// <summary>Strings to normalise, e.g. 'ocm00012345' or '(OCoLC)12345'.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ValueSet)]
        [AllowEmptyString]
        public string[] Value { get; set; } = Array.Empty<string>();

        /// <summary>Where to look: Auto, 001, 035, 004, 014 or 019.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        [ValidateSet("Auto", "001", "035", "004", "014", "019", IgnoreCase = true)]
        public string Location { get; set; } = "Auto";

        /// <summary>Return every OCLC number found, not only the primary one.</summary>
        [Parameter(ParameterSetName = RecordSet)]
        public SwitchParameter All { get; set; }

        protected override void BeginProcessing()
        {
            _location = OclcNumberLocationNames.Parse(Location);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ValueSet)
            {
                foreach (string v in Value)
                {
                    if (v == null) continue;
                    WriteObject(OclcNumberParser.Parse(v));
                }
                return;
            }
            foreach (MarcRecord record in InputObject)
            {
                if (record == null) continue;
                foreach (var n in OclcNumberFinder.Report(record, _location, All)) WriteObject(n);
            }
        }
    }
}
