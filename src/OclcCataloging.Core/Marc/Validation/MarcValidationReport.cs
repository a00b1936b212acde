using System;
using System.Collections.Generic;
using System.Globalization;
using OclcCataloging.Batch;

namespace OclcCataloging.Marc.Validation
{
    /// <summary>
    /// The CSV + HTML report of a validation run: one CSV row per finding (a valid record without findings has no
    /// row; the page's summary counts it), findings grouped by rule on the page. See <see cref="FindingReport"/>.
    /// </summary>
    internal sealed class MarcValidationReport : IDisposable
    {
        private static readonly HtmlColumn[] Columns =
        {
            HtmlColumn.Number("RecordNumber"), HtmlColumn.Text("ControlNumber"), HtmlColumn.Text("SourcePath"), HtmlColumn.Number("RecordInFile"),
            HtmlColumn.Number("ByteOffset"), HtmlColumn.Text("RuleId"),
            HtmlColumn.Ranked("Severity", nameof(ValidationSeverity.Error), nameof(ValidationSeverity.Warning), nameof(ValidationSeverity.Info)),
            HtmlColumn.Text("Place"), HtmlColumn.LongText("Message"),
        };

        private readonly FindingReport _report;
        private readonly MarcValidationSummary _summary = new MarcValidationSummary();
        private readonly DateTimeOffset _started = DateTimeOffset.Now;

        public MarcValidationReport(string csvPath) => _report = new FindingReport(csvPath, Columns);

        public string CsvPath => _report.CsvPath;

        public string HtmlPath => _report.HtmlPath;

        public void Add(MarcValidationResult result)
        {
            _summary.Add(result);
            var origin = result.Origin;
            foreach (var f in result.Findings)
            {
                _report.Add(f.RuleId, f.Severity.ToString(), 2 - (int)f.Severity, new[]
                {
                    N(result.RecordNumber), result.ControlNumber, origin?.SourcePath, origin == null ? null : N(origin.Ordinal),
                    origin == null || origin.ByteOffset < 0 ? null : N(origin.ByteOffset), f.RuleId, f.Severity.ToString(), f.Place, f.Message,
                });
            }
        }

        /// <summary>Writes the page (settings worded by the caller) and renames both files into place.</summary>
        public void Complete(IReadOnlyList<KeyValuePair<string, string>> settings)
        {
            _report.Complete("MARC validation report", N(_summary.Records) + " records", new[]
            {
                BatchHtmlPage.N("Records", _summary.Records), BatchHtmlPage.N("Valid records", _summary.ValidRecords),
                BatchHtmlPage.N("Invalid records", _summary.InvalidRecords), BatchHtmlPage.N("Errors", _summary.Errors),
                BatchHtmlPage.N("Warnings", _summary.Warnings), BatchHtmlPage.N("Infos", _summary.Infos),
            }, settings, _started, "rule");
        }

        public void Dispose() => _report.Dispose();

        private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
