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
    [Cmdlet(VerbsData.ConvertFrom, "MarcText")]
    [OutputType(typeof(MarcRecord))]
    public sealed class ConvertFromMarcTextCommand : PSCmdlet
    {
        private readonly StringBuilder _pending = new StringBuilder();
        private bool _pendingHasContent;
        private long _count;

        /// <summary>The text: whole records, or lines one at a time (as Get-Content sends them). A record starts at each =LDR line.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[] InputObject { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Auto (default: Mrk8 when the text has non-ASCII characters, else Mrk), Mrk (mnemonics of records whose
        /// leader/09 is not 'a' stand for MARC-8 bytes) or Mrk8 (Unicode text).
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(MarcFormat.Auto), nameof(MarcFormat.Mrk), nameof(MarcFormat.Mrk8), IgnoreCase = true)]
        public MarcFormat Format { get; set; } = MarcFormat.Auto;

        protected override void ProcessRecord()
        {
            foreach (string text in InputObject)
            {
                if (text == null) continue;
                foreach (string line in text.Split('\n'))
                {
                    string l = line.EndsWith("\r", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line;
                    bool isLeader = l.StartsWith("=LDR", StringComparison.Ordinal);
                    if (isLeader && _pendingHasContent) Flush();
                    _pending.Append(l).Append('\n');
                    if (l.Trim().Length > 0) _pendingHasContent = true;
                }
            }
        }

        protected override void EndProcessing()
        {
            if (_pendingHasContent) Flush();
        }

        private void Flush()
        {
            string text = _pending.ToString();
            _pending.Clear();
            _pendingHasContent = false;
            foreach (MarcRecord record in MarcEditText.Parse(text, Format))
            {
                _count++;
                if (record.HasWarnings)
                {
                    WriteWarning(MarcRecordText.ReadWithProblems(MarcRecordText.Numbered(_count, record.ControlNumber), record));
                }
                WriteObject(record);
            }
        }
    }
}
