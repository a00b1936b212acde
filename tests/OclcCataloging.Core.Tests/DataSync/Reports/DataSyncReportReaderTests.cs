using System.IO;
using System.Linq;
using OclcCataloging.DataSync.Reports;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync.Reports;

/// <summary>Reports written from the documented layouts (docs/design/data-sync-transfer.md), and layouts nobody documented.</summary>
public sealed class DataSyncReportReaderTests
{
    private const string CrossReferenceName = "metacoll.OCWMS.datasync.1003600-100360.D20160323.T124708500.xrefrpt.txt";

    [Fact]
    public void The_cross_reference_report_gives_lsn_and_ocn_per_line()
    {
        var rows = DataSyncReportReader.Read(new StringReader("b1000001\t12345678\r\nb1000002\t987654321\n\n"), CrossReferenceName).ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(DataSyncReportLayout.CrossReference, r.Layout));
        Assert.Equal(("b1000001", "12345678"), (rows[0].Lsn, rows[0].Ocn));
        Assert.Equal(("b1000002", "987654321", 2L), (rows[1].Lsn, rows[1].Ocn, rows[1].LineNumber));
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void A_broken_cross_reference_line_is_a_row_with_its_problem_not_an_exception()
    {
        var rows = DataSyncReportReader.Read(new StringReader("b1\n b2 \tocm123\n"), CrossReferenceName).ToList();

        Assert.Equal("b1", rows[0].Lsn);
        Assert.Null(rows[0].Ocn);
        Assert.Contains("no OCN", rows[0].Problem);
        Assert.Equal("b2", rows[1].Lsn);
        Assert.Contains("not a number", rows[1].Problem);
    }

    [Fact]
    public void A_tab_delimited_report_with_a_header_gives_named_fields()
    {
        const string text = "LSN\tOCN\tError\nb1\t123\tInvalid 852\n";
        var row = Assert.Single(DataSyncReportReader.Read(new StringReader(text), "metacoll.OCWMS.datasync.1234567.D20261201.T010203.lbdexcpt.1.mrc.txt"));

        Assert.Equal(DataSyncReportLayout.Raw, row.Layout);
        Assert.Equal(new[] { "b1", "123", "Invalid 852" }, row.Columns);
        Assert.Equal("Invalid 852", row.Fields!["error"]);
        Assert.Equal(2, row.LineNumber);
    }

    [Fact]
    public void A_csv_report_keeps_quoted_commas_inside_a_column()
    {
        const string text = "1,\"Smith, J.\",ok\n";
        var row = Assert.Single(DataSyncReportReader.Read(new StringReader(text), "unknown-report.csv"));

        Assert.Equal(new[] { "1", "Smith, J.", "ok" }, row.Columns);
        Assert.Null(row.Fields);
    }

    [Fact]
    public void An_unknown_text_layout_comes_back_line_by_line()
    {
        var rows = DataSyncReportReader.Read(new StringReader("Summary of processing\nRecords read: 12\n"), "whatever.txt").ToList();

        Assert.Equal(new[] { "Summary of processing", "Records read: 12" }, rows.Select(r => r.Columns.Single()));
    }

    // The My Files naming convention as OCLC's servers write it (upload sub-directory IN.BIB), with the original name inside.
    private const string MyFiles = "XYZ-XYZ.1234567.IN.BIB.D20261204.T010203456.1234567.XYZ.bibs.mrc_1.";

    [Fact]
    public void The_cross_reference_report_in_the_my_files_naming_is_read_as_lsn_and_ocn()
    {
        var row = Assert.Single(DataSyncReportReader.Read(new StringReader("b1000001\t12345678\n"), MyFiles + "BibCrossRefReport.txt"));

        Assert.Equal(DataSyncReportLayout.CrossReference, row.Layout);
        Assert.Equal(("b1000001", "12345678"), (row.Lsn, row.Ocn));
    }

    [Fact]
    public void The_unresolved_cross_reference_report_gives_lsn_and_ocn()
    {
        var row = Assert.Single(DataSyncReportReader.Read(new StringReader("b1000009\t1400000001\n"), MyFiles + "BibUnresolvedCrossRefReport.txt"));

        Assert.Equal(DataSyncReportLayout.UnresolvedCrossReference, row.Layout);
        Assert.Equal(("b1000009", "1400000001"), (row.Lsn, row.Ocn));
    }

    [Fact]
    public void The_processing_report_is_pipe_delimited_with_the_lsn_the_ocn_before_and_after_and_the_action()
    {
        const string text = "7001|b1000001|12345|12345|update\n7001|b1000002|999|1000001|update\n";
        var rows = DataSyncReportReader.Read(new StringReader(text), MyFiles + "BibProcessingReport.txt").ToList();

        Assert.All(rows, r => Assert.Equal(DataSyncReportLayout.BibliographicProcessing, r.Layout));
        Assert.Equal(("b1000002", "1000001", "update"), (rows[1].Lsn, rows[1].Ocn, rows[1].Action));
        Assert.Equal("999", rows[1].Fields!["ExistingOcn"]);
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void The_exception_report_gives_lsn_ocn_severity_and_message_and_keeps_commas_inside_the_message()
    {
        const string text = "7001|b1000003||4567|Validation|Severe|Invalid indicator, 245 second indicator.\n";
        var row = Assert.Single(DataSyncReportReader.Read(new StringReader(text), MyFiles + "BibExceptionReport.txt"));

        Assert.Equal(DataSyncReportLayout.BibliographicException, row.Layout);
        Assert.Equal(("b1000003", "4567", "Severe"), (row.Lsn, row.Ocn, row.Severity));
        Assert.Equal("Invalid indicator, 245 second indicator.", row.Message);
        Assert.Equal("Validation", row.Fields!["ErrorType"]);
        Assert.Null(row.Problem);
        // A record OCLC could not match has no OCN: not a problem of the line.
        var unmatched = Assert.Single(DataSyncReportReader.Read(new StringReader("7001|b1000006|||Matching|Error|No match found.\n"), MyFiles + "BibExceptionReport.txt"));
        Assert.Equal("", unmatched.Ocn);
        Assert.Null(unmatched.Problem);
    }

    [Fact]
    public void A_short_line_in_a_known_layout_is_a_row_with_its_problem_not_an_exception()
    {
        var rows = DataSyncReportReader.Read(new StringReader("7001|b1000004\njust text\n"), MyFiles + "BibExceptionReport.txt").ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("b1000004", rows[0].Lsn);
        Assert.Null(rows[0].Message);
        Assert.Contains("2 of the 7 columns", rows[0].Problem);
        Assert.Equal(new[] { "just text" }, rows[1].Columns);
        Assert.Contains("1 of the 7 columns", rows[1].Problem);
    }

    [Fact]
    public void A_pipe_delimited_report_of_unknown_columns_comes_back_as_raw_columns()
    {
        const string text = "7001|b1000005|4567|LBD_REJECTED|Other error, see OCN\n";
        var row = Assert.Single(DataSyncReportReader.Read(new StringReader(text), MyFiles + "LbdExceptionReport.txt"));

        Assert.Equal(DataSyncReportLayout.Raw, row.Layout);
        Assert.Equal(new[] { "7001", "b1000005", "4567", "LBD_REJECTED", "Other error, see OCN" }, row.Columns);
        Assert.Null(row.Lsn);
    }
}
