using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.DataSync.Lhr;
using OclcCataloging.Marc.IO;
using OclcCataloging.Oclc;
using Xunit;
using Xunit.Abstractions;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// Real MFHD files from ../shared/corpus through the LHR validator: no exception, and a summary of the findings
/// per file in the test output (run with --logger "console;verbosity=detailed" to see it).
/// </summary>
public sealed class LhrCorpusTests
{
    private readonly ITestOutputHelper _output;

    public LhrCorpusTests(ITestOutputHelper output) { _output = output; }

    public static TheoryData<string, string> Files => new()
    {
        { "folio_migration_tools/holding.mrc", "004" },
        { "folio_migration_tools/c_record_invalid_008_length.mrc", "004" },
        { "folio_migration_tools/mfhd_test1.xml", "004" },
        { "stanford-solr-marc/summaryHld_1-1000.mrc", "004" },
        { "stanford-solr-marc/mhldDisplay.mrc", "004" },
        { "Evergreen/serials_mfhd.xml", "004" },
    };

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void Real_MFHD_files_run_through_the_validator(string file, string location)
    {
        string path = TestPaths.CorpusFile(file.Split('/'));
        var options = new LhrValidationOptions { OclcNumberLocation = OclcNumberLocationNames.Parse(location) };
        var validator = new LhrRecordValidator(options);
        var checker = new LhrFileChecker(options);
        var summary = new LhrValidationSummary();
        long n = 0, unreadable = 0, holdings = 0;
        using (var reader = MarcReaderFactory.OpenFile(path))
        {
            MarcReadResult? r;
            while ((r = reader.ReadNext()) != null)
            {
                if (r.Record == null) { unreadable++; continue; }
                if (r.Record.Kind == OclcCataloging.Marc.RecordKind.Holdings) holdings++;
                var result = validator.Validate(r.Record, ++n);
                checker.Add(result);
                summary.Add(result);
            }
        }
        foreach (var f in checker.Finish()) summary.Add(f);

        _output.WriteLine(file + ": " + summary + ", " + summary.WithWarnings + " with warnings; " + holdings + " holdings records; "
            + unreadable + " unreadable; file findings: " + summary.FileErrors + " errors, " + summary.FileWarnings + " warnings");
        foreach (var rule in summary.Rules)
            _output.WriteLine("  " + rule.Severity + " " + rule.RuleId + " x" + rule.Count + " (first: record " + rule.FirstRecord + ": " + rule.Example + ")");
        Assert.True(n > 0, "no record read from " + file);
        Assert.Equal(n, summary.Records);
    }
}
