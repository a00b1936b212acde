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
}
