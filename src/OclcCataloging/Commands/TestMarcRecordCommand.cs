using System;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Validates MARC 21 bibliographic, authority and holdings records: leader, 008, tags, indicators, subfields, field checks, encoding.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MarcRecord", HelpUri = HelpLinks.Folder + "Test-MarcRecord.md", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(MarcValidationResult), typeof(MarcValidationSummary))]
    public sealed class TestMarcRecordCommand : MarcRecordInputCommand, IDisposable
    {
        private MarcValidator? _validator;
        private MarcValidationSummary? _summary;
        private ProgressThrottle? _progress;
        private long _ordinal;
        private MarcValidationReport? _report;

        /// <summary>Full (every rule, the default) or Basic (structure and required elements).</summary>
        [Parameter]
        [ValidateSet("Full", "Basic")]
        public string Level { get; set; } = "Full";

        /// <summary>Validate every record as this format instead of the one leader/06 gives.</summary>
        [Parameter]
        [ValidateSet("Bibliographic", "Authority", "Holdings")]
        public string? RecordKind { get; set; }

        /// <summary>Rule ids to turn off; wildcards allowed (Title*).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(MarcRuleIdCompleter))]
        public string[] ExcludeRule { get; set; } = Array.Empty<string>();

        /// <summary>A rules file: one 'RuleId Off|Error|Warning|Info' a line, # for comments.</summary>
        [Parameter]
        public string? RulesPath { get; set; }

        /// <summary>Return one MarcValidationSummary with counts instead of one result per record.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>CSV report path (one row per finding); an HTML report is written beside it (same name, .html).</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        protected override void BeginProcessing()
        {
            var options = ValidationOptionsFactory.Create(this, ValidationOptionsFactory.ParseLevel(Level), RecordKind, ExcludeRule, RulesPath);
            _validator = new MarcValidator(options);
            if (Summary) _summary = new MarcValidationSummary();
            _report = ValidationReportFiles.Open(this, ReportPath, path => new MarcValidationReport(path));
            _progress = new ProgressThrottle();
        }

        protected override void EndProcessing()
        {
            if (_summary != null) WriteObject(_summary);
            if (_report != null) ValidationReportFiles.Complete(this, ReportPath, () => _report.Complete(ReportSettings.From(this)), _report.HtmlPath);
            if (_progress != null && _progress.HasReported)
                WriteProgress(new ProgressRecord(1, "Test-MarcRecord", "Done") { RecordType = ProgressRecordType.Completed });
        }

        public void Dispose() => _report?.Dispose();

        [MethodImpl(Iso2709Constants.HotPath)]
        protected override void ProcessMarcRecord(MarcRecord record)
        {
            _ordinal++;
            MarcValidationResult result = _validator!.Validate(record, _ordinal);
            _report?.Add(result);
            if (_summary != null) _summary.Add(result); else WriteObject(result);
            if (_progress!.IsDue())
                WriteProgress(new ProgressRecord(1, "Test-MarcRecord", "Validated " + _ordinal.ToString("N0", CultureInfo.CurrentCulture) + " records"));
        }
    }
}
