using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Mrk;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns MarcEdit mnemonic text (.mrk or .mrk8 style) into MARC records.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "MarcText", HelpUri = HelpLinks.Folder + "ConvertFrom-MarcText.md")]
    [OutputType(typeof(MarcRecord))]
    public sealed class ConvertFromMarcTextCommand : PSCmdlet
    {
        private MarcEditTextParser? _parser;
        private long _count;

        /// <summary>The text: whole records, or lines one at a time (as Get-Content sends them). A record starts at each =LDR line.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[] InputObject { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Auto (default: Mrk8 for a record whose text has non-ASCII characters, else Mrk), Mrk (mnemonics of records whose
        /// leader/09 is not 'a' stand for MARC-8 bytes) or Mrk8 (Unicode text).
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcFormat.Auto), nameof(MarcFormat.Mrk), nameof(MarcFormat.Mrk8), IgnoreCase = true)]
        public MarcFormat Format { get; set; } = MarcFormat.Auto;

        protected override void BeginProcessing()
        {
            _parser = new MarcEditTextParser(Format);
        }

        protected override void ProcessRecord()
        {
            foreach (string text in InputObject)
            {
                if (text == null) continue;
                Emit(_parser!.Add(text));
            }
        }

        protected override void EndProcessing()
        {
            Emit(_parser!.Complete());
        }

        private void Emit(IList<MarcRecord> records)
        {
            foreach (MarcRecord record in records)
            {
                _count++;
                if (MrkNonRecord.IsNonRecord(record))
                {
                    WriteNotMarcText(record);
                    continue;
                }
                if (record.HasWarnings)
                {
                    WriteWarning(MarcRecordText.ReadWithProblems(MarcRecordText.Numbered(_count, record.ControlNumber), record));
                }
                WriteObject(record);
            }
        }

        private void WriteNotMarcText(MarcRecord record)
        {
            string message = "Text " + _count.ToString(CultureInfo.InvariantCulture) + " is not MarcEdit text: it has no =LDR line and no field line (=TAG  data); no record was made."
                + (MrkNonRecord.FirstInvalidLine(record) is string line ? " " + line : string.Empty);
            WriteError(new ErrorRecord(new FormatException(message), ErrorIds.NotMarcText, ErrorCategory.InvalidData, record)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Give text as MarcEdit writes it: an '=LDR  ' line, then one '=TAG  ' line per field (ConvertTo-MarcText shows the form).",
                },
            });
        }
    }
}
