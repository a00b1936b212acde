using OclcCataloging.DataSync.FileNames;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>Output and report file names (docs/design/data-sync.md, "Names OCLC gives its files"; examples from OCLC's pages).</summary>
public sealed class DataSyncFileInfoTests
{
    [Fact]
    public void Zipped_output_file()
    {
        var i = DataSyncFileInfo.Parse("metacoll.OCWMS.new.D20170612.T141740.1.mrc.zip");
        Assert.Equal(DataSyncFileKind.Output, i.Kind);
        Assert.Equal("OCWMS", i.Symbol);
        Assert.Equal("new", i.Designation);
        Assert.Equal(DataSyncFrequency.Daily, i.Frequency);
        Assert.Equal(new DateTime(2017, 6, 12, 14, 17, 40), i.Timestamp);
        Assert.Equal(1, i.Sequence);
        Assert.Equal("mrc", i.Extension);
        Assert.True(i.Compressed);
    }

    [Fact]
    public void Output_report_with_provider()
    {
        var i = DataSyncFileInfo.Parse("metacoll.XXX.datasync.provider.W20160318.T092700.bibdetailexcpt.1.mrc.txt");
        Assert.Equal(DataSyncFileKind.OutputReport, i.Kind);
        Assert.Equal("datasync", i.Designation);
        Assert.Equal("provider", i.Provider);
        Assert.Equal("metacoll", i.Folder);
        Assert.Null(i.CollectionId);
        Assert.Equal(DataSyncFrequency.Weekly, i.Frequency);
        Assert.Equal("bibdetailexcpt", i.ReportName);
        Assert.Equal(1, i.Sequence);
        Assert.Equal("mrc.txt", i.Extension);
        Assert.False(i.Compressed);
    }

    [Fact]
    public void Output_report_of_a_collection_names_its_folder_and_provider()
    {
        var i = DataSyncFileInfo.Parse("metacoll.OCWMS.datasync.1002106.D20160729.T082400.bibdetailexcpt.1.mrc.txt");
        Assert.Equal(DataSyncFileKind.OutputReport, i.Kind);
        Assert.Equal("metacoll", i.Folder);
        Assert.Equal("OCWMS", i.Symbol);
        Assert.Equal("datasync", i.Designation);
        Assert.Equal("1002106", i.Provider);
        Assert.Equal("1002106", i.CollectionId);
        Assert.Equal(new DateTime(2016, 7, 29, 8, 24, 0), i.Timestamp);
        Assert.Equal("bibdetailexcpt", i.ReportName);
    }

    [Fact]
    public void Names_without_a_provider_have_none()
    {
        var i = DataSyncFileInfo.Parse("metacoll.OCWMS.updates.D20160318.T210512.1.mrc");
        Assert.Equal("metacoll", i.Folder);
        Assert.Equal("updates", i.Designation);
        Assert.Null(i.Provider);
        var u = DataSyncFileInfo.Parse("1234567.OCWMS.datasync.lhr.mrc");
        Assert.Null(u.Folder);
        Assert.Null(u.Provider);
    }

    [Fact]
    public void My_Files_report()
    {
        var i = DataSyncFileInfo.Parse("OCWMS-ABC.1234567.LHR.D20240102.T030405678.1234567.OCWMS.lhr.mrc.ProcessingReport.txt");
        Assert.Equal(DataSyncFileKind.MyFilesReport, i.Kind);
        Assert.Equal("OCWMS", i.Symbol);
        Assert.Equal("ABC", i.CollectionSymbol);
        Assert.Equal("1234567", i.CollectionId);
        Assert.Equal("LHR", i.UploadSubdirectory);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, 678), i.Timestamp);
        Assert.Equal("1234567.OCWMS.lhr.mrc", i.OriginalFileName);
        Assert.Equal("ProcessingReport", i.ReportName);
    }

    [Fact]
    public void My_Files_report_as_the_servers_write_it_with_in_before_the_upload_subdirectory()
    {
        var i = DataSyncFileInfo.Parse("XYZ-XYZ.1012676.IN.BIB.D20230712.T091935658.1012676.xyz.bibs_new.mrc_1.BibExceptionReport.txt");
        Assert.Equal(DataSyncFileKind.MyFilesReport, i.Kind);
        Assert.Equal("1012676", i.CollectionId);
        Assert.Equal("BIB", i.UploadSubdirectory);
        Assert.Equal(new DateTime(2023, 7, 12, 9, 19, 35, 658), i.Timestamp);
        Assert.Equal("1012676.xyz.bibs_new.mrc_1", i.OriginalFileName);
        Assert.Equal("BibExceptionReport", i.ReportName);
    }

    [Fact]
    public void The_cross_reference_report_in_the_My_Files_naming_is_a_cross_reference_report()
    {
        var i = DataSyncFileInfo.Parse("XYZ-XYZ.1012676.IN.BIB.D20230712.T091935658.1012676.xyz.bibs.mrc_1.BibCrossRefReport.txt");
        Assert.Equal(DataSyncFileKind.CrossReferenceReport, i.Kind);
        Assert.Equal("1012676", i.CollectionId);
        Assert.Equal("BibCrossRefReport", i.ReportName);
    }

    [Fact]
    public void Cross_reference_report()
    {
        var i = DataSyncFileInfo.Parse("metacoll.OCWMS.datasync.1003600-100360.D20160323.T124708500.xrefrpt.txt");
        Assert.Equal(DataSyncFileKind.CrossReferenceReport, i.Kind);
        Assert.Equal("1003600-100360", i.CollectionId);
        Assert.Equal("1003600-100360", i.Provider);
        Assert.Equal("datasync", i.Designation);
        Assert.Equal("xrefrpt", i.ReportName);
        Assert.Equal(new DateTime(2016, 3, 23, 12, 47, 8, 500), i.Timestamp);
    }

    [Fact]
    public void Local_holdings_offline_product_and_stub()
    {
        var i = DataSyncFileInfo.Parse("metacoll.OCWMS.lhop.D20240101.T010203.csv");
        Assert.Equal(DataSyncFileKind.LocalHoldingsOfflineProduct, i.Kind);
        Assert.Equal("csv", i.Extension);
        var s = DataSyncFileInfo.Parse("metacoll.OCWMS.updates.D20160318.T210512.1.mrc-stub.txt");
        Assert.True(s.IsStub);
        Assert.Equal(DataSyncFileKind.Output, s.Kind);
        Assert.Equal("updates", s.Designation);
    }

    [Fact]
    public void Upload_name_and_unknown_name()
    {
        var u = DataSyncFileInfo.Parse(@"C:\out\1234567.EL_36.lhr.D20240101.T010203.2.mrc");
        Assert.Equal(DataSyncFileKind.Upload, u.Kind);
        Assert.Equal("EL$", u.Symbol);
        Assert.Equal("lhr", u.Designation);
        Assert.Equal(2, u.Sequence);
        Assert.Equal(DataSyncFileKind.Unknown, DataSyncFileInfo.Parse("holdings.mrc").Kind);
    }

    [Fact]
    public void An_upload_name_with_thousands_of_elements_is_parsed_in_linear_memory()
    {
        // fuzz finding datasync-report-bdb2c5c103c3: the designation grew by one string concatenation per element
        string name = "1234567.EL_36." + string.Join(".", Enumerable.Repeat("x", 10_000)) + ".mrc";
        long before = GC.GetAllocatedBytesForCurrentThread();
        var info = DataSyncFileInfo.Parse(name);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DataSyncFileKind.Upload, info.Kind);
        Assert.Equal(10_000 * 2 - 1, info.Designation!.Length);
        Assert.True(allocated < 5_000_000, $"parsing a {name.Length:N0}-character name allocated {allocated:N0} bytes");
    }
}
