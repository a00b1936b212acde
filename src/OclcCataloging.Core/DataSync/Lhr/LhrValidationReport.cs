using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OclcCataloging.Batch;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>
    /// The CSV + HTML report of a local holdings check: one CSV row per finding (record findings, then the file-level
    /// ones with the records they involve) and one per excluded record; grouped by rule on the page.
    /// See <see cref="FindingReport"/>.
    /// </summary>
    internal sealed class LhrValidationReport : IDisposable
    {
        private const string ExcludedGroup = "Excluded";

        // Record is text: a file-level finding lists several records ("3 7 12"); text order compares digit runs as numbers.
        private static readonly HtmlColumn[] Columns =
        {
            HtmlColumn.Text("Record"), HtmlColumn.Text("ControlNumber"), HtmlColumn.Text("OclcNumber"), HtmlColumn.Text("SourcePath"),
            HtmlColumn.Number("RecordInFile"), HtmlColumn.Text("RuleId"),
            HtmlColumn.Ranked("Severity", nameof(FindingSeverity.Error), nameof(FindingSeverity.Warning), ExcludedGroup), HtmlColumn.Text("Tag"),
            HtmlColumn.Text("Position"), HtmlColumn.LongText("Message"),
        };

        private readonly FindingReport _report;
        private readonly LhrValidationSummary _summary = new LhrValidationSummary();
        private readonly DateTimeOffset _started = DateTimeOffset.Now;

        public LhrValidationReport(string csvPath) => _report = new FindingReport(csvPath, Columns);

        public string CsvPath => _report.CsvPath;

        public string HtmlPath => _report.HtmlPath;

        public void Add(LhrRecordResult r)
        {
            _summary.Add(r);
            foreach (var f in r.Errors.Concat(r.Warnings))
            {
                _report.Add(f.RuleId, f.Severity.ToString(), (int)f.Severity, new[]
                {
                    N(r.Ordinal), r.ControlNumber, r.OclcNumber, r.SourcePath, N(r.RecordInFile), f.RuleId, f.Severity.ToString(), f.Tag, f.Position, f.Message,
                });
            }
            if (r.Excluded)
            {
                _report.Add(ExcludedGroup, "Excluded", 2, new[]
                {
                    N(r.Ordinal), r.ControlNumber, r.OclcNumber, r.SourcePath, N(r.RecordInFile), ExcludedGroup, "Excluded", null, null, r.ExcludedBy,
                });
            }
        }

        public void Add(LhrFileFinding f)
        {
            _summary.Add(f);
            _report.Add(f.RuleId, f.Severity.ToString(), (int)f.Severity, new[]
            {
                string.Join(" ", f.Ordinals.Select(N)), null, f.OclcNumber, f.File, null, f.RuleId, f.Severity.ToString(), null, null, f.Message,
            });
        }

        public void Complete(IReadOnlyList<KeyValuePair<string, string>> settings)
        {
            _report.Complete("Local holdings check report", N(_summary.Records) + " records", new[]
            {
                BatchHtmlPage.N("Records", _summary.Records), BatchHtmlPage.N("Valid", _summary.Valid),
                BatchHtmlPage.N("Invalid", _summary.Invalid), BatchHtmlPage.N("Excluded", _summary.Excluded),
                BatchHtmlPage.N("With warnings", _summary.WithWarnings), BatchHtmlPage.N("File errors", _summary.FileErrors),
                BatchHtmlPage.N("File warnings", _summary.FileWarnings),
            }, settings, _started, "rule");
        }

        public void Dispose() => _report.Dispose();

        private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
