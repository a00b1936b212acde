using System.Linq;
using System.Text;
using OclcCataloging.Batch;
using OclcCataloging.Core.Tests.Search.Batch;
using OclcCataloging.Marc.Validation;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Validation;

/// <summary>Test-MarcRecord's -ReportPath files: the CSV of findings and the grouped HTML page beside it.</summary>
public class MarcValidationReportTests
{
    private static MarcValidationResult Validate(string text, long ordinal) =>
        new MarcValidator(new MarcValidationOptions()).Validate(MarcValidatorRuleTests.Parse("bib", text), ordinal);

    private static string Hostile => MarcValidatorRuleTests.BaseBibliographic
        .Replace("$aThe title :$b", "$aThe <script>alert(\"x\")</script> & 'title'$b")
        .Replace("$a0306406152", "$a0306406153");

    [Fact]
    public void Csv_has_one_row_per_finding_and_html_filters_them_by_severity_and_rule_with_counts_and_chart()
    {
        using var folder = new BatchTestFolder();
        string csv = folder.File("check.csv");
        using (var report = new MarcValidationReport(csv))
        {
            report.Add(Validate(MarcValidatorRuleTests.BaseBibliographic, 1));
            report.Add(Validate(Hostile, 2));
            report.Complete(new[] { new KeyValuePair<string, string>("-Level", "Full") });
        }

        string[] lines = File.ReadAllText(csv, Encoding.UTF8).Split("\r\n");
        Assert.Equal("RecordNumber,ControlNumber,SourcePath,RecordInFile,ByteOffset,RuleId,Severity,Place,Message", lines[0].TrimStart('\uFEFF'));
        Assert.True(lines.Any(l => l.StartsWith("1,ocm12345678,") && l.Contains("," + MarcRuleCatalog.IsbnCheckDigit + ",Error,")), string.Join("\n", lines));

        string html = File.ReadAllText(folder.File("check.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<tr><td>Records</td><td class=\"n\">2</td></tr>", html);
        Assert.Contains("<tr><td>Valid records</td><td class=\"n\">1</td></tr>", html);
        Assert.Contains("<svg class=\"chart\"", html);
        Assert.Matches("<label for=\"t\\d+-f1-\\d+\">" + MarcRuleCatalog.IsbnCheckDigit + " \\(1\\)</label>", html);
        Assert.Matches("<span class=\"legend\">Severity:</span>\n<input [^>]*><label [^>]*>All \\(\\d+\\)</label>\n<input [^>]*><label [^>]*>Error \\(1\\)</label>", html);
        Assert.Contains("<tr><th>-Level</th><td>Full</td></tr>", html);
        // as written, errors come before warnings
        Assert.True(html.IndexOf("<td role=\"cell\">Error</td>", StringComparison.Ordinal) < html.IndexOf("<td role=\"cell\">Warning</td>", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_keeps_a_bounded_number_of_rows_per_rule_and_points_to_the_csv()
    {
        using var folder = new BatchTestFolder();
        string csv = folder.File("many.csv");
        string bad = MarcValidatorRuleTests.BaseBibliographic.Replace("$a0306406152", "$a0306406153");
        int records = FindingReport.RowsPerGroup + 3;
        using (var report = new MarcValidationReport(csv))
        {
            for (int i = 1; i <= records; i++) report.Add(Validate(bad, i));
            report.Complete(Array.Empty<KeyValuePair<string, string>>());
        }
        Assert.Equal(records + 2, File.ReadAllText(csv).Split("\r\n").Length); // header + rows + final empty
        string html = File.ReadAllText(folder.File("many.html"));
        Assert.Contains("<p class=\"more\">" + MarcRuleCatalog.IsbnCheckDigit + ": 3 more in the CSV report.</p>", html);
        Assert.Contains(">All (" + FindingReport.RowsPerGroup + ")</label>", html);
    }

    [Fact]
    public void Nothing_is_left_behind_when_the_run_does_not_complete()
    {
        using var folder = new BatchTestFolder();
        using (var report = new MarcValidationReport(folder.File("stopped.csv")))
            report.Add(Validate(Hostile, 1));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
