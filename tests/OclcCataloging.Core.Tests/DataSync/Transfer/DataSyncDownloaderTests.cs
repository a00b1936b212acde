using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.DataSync.Transfer;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync.Transfer;

/// <summary>Listing and downloading OCLC's output from the real OpenSSH test server; each test in its own server folder.</summary>
public sealed class DataSyncDownloaderTests : IDisposable
{
    private readonly string _local = Directory.CreateTempSubdirectory("sftp-down-").FullName;
    private readonly string _remote = "/xfer/metacoll/out/ongoing/t" + Guid.NewGuid().ToString("N").Substring(0, 8);

    public void Dispose()
    {
        Directory.Delete(_local, recursive: true);
        if (SftpServer.MissingReason == null && Directory.Exists(SftpServer.LocalPathOf(_remote))) Directory.Delete(SftpServer.LocalPathOf(_remote), recursive: true);
    }

    /// <summary>Puts a file on the server as OCLC would (straight into the chroot folder).</summary>
    private byte[] ServerFile(string name, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        string path = SftpServer.LocalPathOf(_remote + "/" + name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    private void ServerZip(string name, string entryName, byte[] content)
    {
        string path = SftpServer.LocalPathOf(_remote + "/" + name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using Stream s = zip.CreateEntry(entryName).Open();
        s.Write(content);
    }

    private static SftpConnection Connect() => new(new SshNetSftpSessionFactory(), SftpServer.Endpoint(key: true));

    [RequiresSftpFact]
    public void Listing_by_kind_and_date_range_describes_each_file_by_its_name()
    {
        ServerFile("metacoll.OCWMS.new.D20261201.T010203.1.mrc", 100);
        ServerFile("new/metacoll.OCWMS.new.D20261115.T010203.1.mrc", 100);
        ServerFile("metacoll.OCWMS.updates.D20261202.T010203.1.mrc", 100);
        ServerFile("metacoll.OCWMS.datasync.1234567.D20261202.T092700.xrefrpt.txt", 100);
        using SftpConnection connection = Connect();
        var downloader = new DataSyncDownloader(connection);

        var news = downloader.List(new DataSyncRemoteFilter { Kind = DataSyncRemoteKind.New }, folders: new[] { _remote });
        var december = downloader.List(new DataSyncRemoteFilter { Kind = DataSyncRemoteKind.Records, From = new DateTime(2026, 12, 1) }, folders: new[] { _remote });
        var reports = downloader.List(new DataSyncRemoteFilter { Kind = DataSyncRemoteKind.Reports, CollectionId = "1234567" }, folders: new[] { _remote });

        Assert.Equal(new[] { "metacoll.OCWMS.new.D20261201.T010203.1.mrc", "metacoll.OCWMS.new.D20261115.T010203.1.mrc" }, news.Select(f => f.Name));
        Assert.Equal(new[] { "metacoll.OCWMS.new.D20261201.T010203.1.mrc", "metacoll.OCWMS.updates.D20261202.T010203.1.mrc" }, december.Select(f => f.Name));
        Assert.Equal(DataSyncFileKind.CrossReferenceReport, Assert.Single(reports).Kind);
        Assert.Equal(new DateTime(2026, 12, 1, 1, 2, 3), news[0].Timestamp);
        Assert.Equal(100, news[0].Length);
    }

    [RequiresSftpFact]
    public void Downloaded_files_are_recorded_and_left_out_of_the_not_downloaded_listing()
    {
        byte[] content = ServerFile("metacoll.OCWMS.deletes.D20261203.T010203.1.mrc", 200_000);
        ServerFile("metacoll.OCWMS.deletes.D20261204.T010203.1.mrc", 10);
        string statePath = Path.Combine(_local, "state", "downloads.tsv");
        var notYet = new DataSyncRemoteFilter { NotDownloadedOnly = true };
        using SftpConnection connection = Connect();
        var downloader = new DataSyncDownloader(connection);
        var state = DataSyncDownloadState.Load(statePath);

        DataSyncDownloadResult result = downloader.Download(downloader.List(notYet, state, new[] { _remote })[0], _local, state: state);

        Assert.Equal(content, File.ReadAllBytes(result.LocalPath));
        var again = downloader.List(notYet, DataSyncDownloadState.Load(statePath), new[] { _remote });
        Assert.Equal("metacoll.OCWMS.deletes.D20261204.T010203.1.mrc", Assert.Single(again).Name);
        // OCLC replacing the file (another length) makes it new again.
        ServerFile("metacoll.OCWMS.deletes.D20261203.T010203.1.mrc", 300);
        Assert.Equal(2, downloader.List(notYet, DataSyncDownloadState.Load(statePath), new[] { _remote }).Count);
    }

    [RequiresSftpFact]
    public void A_zip_is_unpacked_on_request_and_kept_as_it_is_otherwise()
    {
        byte[] records = new byte[5000];
        new Random(3).NextBytes(records);
        ServerZip("metacoll.OCWMS.new.D20261101.T010203.1.mrc.zip", "metacoll.OCWMS.new.D20261101.T010203.1.mrc", records);
        using SftpConnection connection = Connect();
        var downloader = new DataSyncDownloader(connection);
        DataSyncRemoteFile zip = Assert.Single(downloader.List(new DataSyncRemoteFilter(), folders: new[] { _remote }));
        Assert.True(zip.Compressed);

        DataSyncDownloadResult kept = downloader.Download(zip, Path.Combine(_local, "kept"));
        DataSyncDownloadResult expanded = downloader.Download(zip, Path.Combine(_local, "expanded"), expand: true);

        Assert.Empty(kept.Extracted);
        Assert.Single(Directory.GetFiles(Path.Combine(_local, "kept")));
        Assert.Equal(records, File.ReadAllBytes(Assert.Single(expanded.Extracted)));
    }
}
