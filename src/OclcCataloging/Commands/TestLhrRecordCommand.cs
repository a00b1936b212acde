using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using OclcCataloging.DataSync;
using OclcCataloging.DataSync.Lhr;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Oclc;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// <para type="synopsis">Checks local holdings records (MFHD) against OCLC's WorldCat data sync rules and a holdings translation table.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "LhrRecord", HelpUri = HelpLinks.Folder + "Test-LhrRecord.md", DefaultParameterSetName = RecordSet)]
    [OutputType(typeof(LhrRecordResult), typeof(LhrFileFinding), typeof(LhrValidationSummary))]
    public sealed class TestLhrRecordCommand : MarcRecordInputCommand, IDisposable
    {
        private LhrRecordValidator? _validator;
        private LhrFileChecker? _checker;
        private LhrValidationSummary? _summary;
        private ProgressThrottle? _progress;
        private long _ordinal;

        /// <summary>Where the collection's MFHD tab says the OCLC number is: 004, 014 or 035.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("004", "014", "035")]
        public string OclcNumberLocation { get; set; } = "004";

        /// <summary>LocalHoldings or DeleteLocalHoldings.</summary>
        [Parameter]
        public LhrCollectionType CollectionType { get; set; } = LhrCollectionType.LocalHoldings;

        /// <summary>The holdings translation table: a CSV path, or rows from Import-Csv.</summary>
        [Parameter]
        public object? TranslationTable { get; set; }

        /// <summary>The collection's exclusion rules, e.g. 'LDR/05=d', '008/20=b', '852$b=WDRN', '876'.</summary>
        [Parameter]
        public string[] ExcludeRule { get; set; } = Array.Empty<string>();

        /// <summary>Treat two OCN-bearing fields with the same number as a warning, not an error.</summary>
        [Parameter]
        public SwitchParameter AllowRepeatedSameOcn { get; set; }

        /// <summary>Return one object with counts per rule instead of one result per record.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>CSV report path (one row per finding or excluded record); an HTML report is written beside it (same name, .html).</summary>
        [Parameter]
        public string? ReportPath { get; set; }

        /// <summary>Check records that are not holdings records (bibliographic, authority: leader/06 not u, v, x or y) as LHRs too; by default they are left out with one warning.</summary>
        [Parameter]
        public SwitchParameter IncludeNonHoldings { get; set; }

        private LhrValidationReport? _report;
        private long _notHoldings;
        private long _seen;
        private string? _firstNotHoldings;

        protected override void BeginProcessing()
        {
            var options = new LhrValidationOptions
            {
                OclcNumberLocation = OclcNumberLocationNames.Parse(OclcNumberLocation),
                CollectionType = CollectionType,
                AllowRepeatedSameOcn = AllowRepeatedSameOcn,
            };
            foreach (string text in ExcludeRule)
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                try
                {
                    options.ExclusionRules.Add(ExclusionRule.Parse(text));
                }
                catch (FormatException e)
                {
                    ThrowTerminatingError(new ErrorRecord(e, "ExclusionRuleInvalid", ErrorCategory.InvalidArgument, text));
                }
            }
            if (TranslationTable != null) options.TranslationTable = LoadTable(TranslationTable);
            _validator = new LhrRecordValidator(options);
            _checker = new LhrFileChecker(options);
            if (Summary) _summary = new LhrValidationSummary();
            _report = ValidationReportFiles.Open(this, ReportPath, path => new LhrValidationReport(path));
            _progress = new ProgressThrottle();
        }

        protected override void EndProcessing()
        {
            if (_checker == null) return;
            foreach (var finding in _checker.Finish())
            {
                _report?.Add(finding);
                if (_summary != null) _summary.Add(finding); else WriteObject(finding);
            }
            if (_notHoldings > 0)
            {
                WriteWarning("Left out " + _notHoldings.ToString("N0", CultureInfo.CurrentCulture) + " records that are not holdings records (leader/06 not u, v, x or y); the first is "
                    + _firstNotHoldings + ". Use -IncludeNonHoldings to check them as LHRs.");
            }
            if (_summary != null) { _summary.NotHoldings = _notHoldings; WriteObject(_summary); }
            if (_report != null) ValidationReportFiles.Complete(this, ReportPath, () => _report.Complete(ReportSettings.From(this)), _report.HtmlPath);
            if (_progress != null && _progress.HasReported)
                WriteProgress(new ProgressRecord(1, "Test-LhrRecord", "Done") { RecordType = ProgressRecordType.Completed });
        }

        protected override void ProcessMarcRecord(MarcRecord record)
        {
            _seen++;
            RecordKind kind = record.Leader.Kind;
            if (!IncludeNonHoldings && kind != RecordKind.Holdings && kind != RecordKind.Unknown)
            {
                if (_notHoldings++ == 0) _firstNotHoldings = MarcRecordText.Numbered(_seen, record.ControlNumber) + ", " + kind.ToString().ToLowerInvariant();
                return;
            }
            _ordinal++;
            var result = _validator!.Validate(record, _ordinal);
            _checker!.Add(result);
            _report?.Add(result);
            if (_summary != null) _summary.Add(result); else WriteObject(result);
            if (_progress!.IsDue())
                WriteProgress(new ProgressRecord(1, "Test-LhrRecord", "Checked " + _ordinal.ToString("N0", CultureInfo.CurrentCulture) + " records"));
        }

        public void Dispose() => _report?.Dispose();

        private HoldingsTranslationTable LoadTable(object value)
        {
            object v = value is PSObject pso ? pso.BaseObject : value;
            HoldingsTranslationTable? table = null;
            if (v is string path)
            {
                IList<string> files = ProviderPaths.ResolveInputFiles(this, path, literal: false);
                if (files.Count != 1)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new FileNotFoundException("-TranslationTable '" + path + "' must name one CSV file" + (files.Count > 1 ? "; it matches " + files.Count + "." : "."), path),
                        ErrorIds.FileNotFound, ErrorCategory.ObjectNotFound, path));
                }
                string file = files[0];
                try
                {
                    table = HoldingsTranslationTable.Load(file);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileOpenFailed, ErrorCategory.OpenError, file));
                }
            }
            else if (v is HoldingsTranslationTable t)
            {
                table = t;
            }
            else
            {
                var rows = new List<TranslationRow>();
                IEnumerable items = v as IEnumerable ?? new[] { value };
                foreach (object item in items)
                {
                    if (item == null) continue;
                    object b = item is PSObject p ? p.BaseObject : item;
                    if (b is TranslationRow tr) { rows.Add(tr); continue; }
                    var ps = PSObject.AsPSObject(item);
                    List<string> missing = HoldingsTranslationTable.MissingColumns(column => ps.Properties[column] != null);
                    if (missing.Count > 0)
                    {
                        ThrowTerminatingError(new ErrorRecord(
                            new ArgumentException("-TranslationTable rows need the properties " + string.Join(",", HoldingsTranslationTable.Columns) + "; missing: " + string.Join(",", missing.ToArray()) + "."),
                            LhrRules.TableColumnMissing, ErrorCategory.InvalidArgument, item));
                    }
                    rows.Add(TranslationRow.FromCells(column => ps.Properties[column]?.Value?.ToString() ?? string.Empty));
                }
                table = new HoldingsTranslationTable(rows);
            }
            foreach (DataSyncFinding f in table!.Findings)
            {
                if (f.Severity == FindingSeverity.Warning) WriteWarning(f.ToString());
            }
            if (!table.IsValid)
            {
                List<string> errors = table.DescribeErrors();
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidDataException("The holdings translation table is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.ToArray())),
                    ErrorIds.TranslationTableInvalid, ErrorCategory.InvalidData, TranslationTable)
                {
                    ErrorDetails = new ErrorDetails("The holdings translation table is not valid: " + string.Join(" ", errors.ToArray()))
                    {
                        RecommendedAction = "Fix the table: " + HoldingsTranslationTable.ValidOutValues,
                    },
                });
            }
            return table;
        }

    }
}
