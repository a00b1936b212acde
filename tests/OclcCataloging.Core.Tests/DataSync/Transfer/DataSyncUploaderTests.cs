using System;
using System.Collections.Generic;
using System.IO;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.DataSync.Export;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.DataSync.Transfer;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync.Transfer;

/// <summary>Uploads against the real OpenSSH test server (tests/peers/sftp).</summary>
public sealed class DataSyncUploaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sftp-up-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string LocalFile(string suffix, int length, int seed = 1)
    {
        string name = "1234567.OCWMS." + suffix + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".mrc";
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [RequiresSftpFact]
    public void Upload_puts_the_whole_file_in_the_folder_for_its_kind_and_leaves_no_temporary_file()
    {
        string local = LocalFile("bibs", 300_000);
        var progress = new List<TransferProgress>();
        using var connection = new SftpConnection(new SshNetSftpSessionFactory(), SftpServer.Endpoint());

        DataSyncUploadResult result = new DataSyncUploader(connection).Upload(local, DataSyncRecordKind.Bibliographic, progress: progress.Add);

        Assert.Equal(DataSyncUploadOutcome.Uploaded, result.Outcome);
        Assert.Equal("/xfer/metacoll/in/bib/" + Path.GetFileName(local), result.RemotePath);
        Assert.Equal(File.ReadAllBytes(local), File.ReadAllBytes(SftpServer.LocalPathOf(result.RemotePath)));
        Assert.False(File.Exists(SftpServer.LocalPathOf(DataSyncUploader.TemporaryPathFor(result.RemotePath))));
        Assert.Equal(300_000, progress[^1].Bytes);
        Assert.Equal(100, progress[^1].PercentComplete);
    }

    [RequiresSftpFact]
    public void Lhr_files_go_to_the_lhr_folder()
    {
        string local = LocalFile("lhrs", 1000);
        using var connection = new SftpConnection(new SshNetSftpSessionFactory(), SftpServer.Endpoint(password: false, key: true));

        DataSyncUploadResult result = new DataSyncUploader(connection).Upload(local, DataSyncRecordKind.LocalHoldings);

        Assert.True(File.Exists(SftpServer.LocalPathOf("/xfer/metacoll/in/lhr/" + Path.GetFileName(local))));
        Assert.Equal(1000, result.Length);
    }

    [Fact]
    public void A_bad_name_is_refused_before_anything_connects()
    {
        string local = Path.Combine(_dir, "my export.mrc");
        File.WriteAllBytes(local, new byte[10]);
        var factory = new DroppingSessionFactory();
        using var connection = new SftpConnection(factory, new SftpEndpoint("127.0.0.1", 1, "nobody"));

        var e = Assert.Throws<DataSyncFileNameException>(() => new DataSyncUploader(connection).Upload(local, DataSyncRecordKind.Bibliographic));

        Assert.Equal(0, factory.Opened);
        Assert.Contains("my export.mrc", e.Message);
        Assert.Contains("Nothing was sent", e.Message);
    }

    [RequiresSftpFact]
    public void A_dropped_connection_resumes_from_the_bytes_the_server_has()
    {
        string local = LocalFile("bibs", 1_000_000, seed: 7);
        var factory = new DroppingSessionFactory { DropAfterBytes = 400_000 };
        var progress = new List<TransferProgress>();
        using var connection = new SftpConnection(factory, SftpServer.Endpoint());

        DataSyncUploadResult result = new DataSyncUploader(connection).Upload(local, DataSyncRecordKind.Bibliographic, progress: progress.Add);

        Assert.Equal(1, result.Reconnects);
        Assert.Equal(2, factory.Opened);
        Assert.Equal(File.ReadAllBytes(local), File.ReadAllBytes(SftpServer.LocalPathOf(result.RemotePath)));
        // The second connection continued where the server's partial file ended, it did not start again.
        for (int i = 1; i < progress.Count; i++) Assert.True(progress[i].Bytes > progress[i - 1].Bytes, "progress went back at " + i);
        Assert.Equal(1_000_000, progress[^1].Bytes);
    }

    [RequiresSftpFact]
    public void A_file_of_the_same_name_on_the_server_is_reported_and_kept_unless_forced()
    {
        string local = LocalFile("bibs", 5000, seed: 1);
        using var connection = new SftpConnection(new SshNetSftpSessionFactory(), SftpServer.Endpoint());
        var uploader = new DataSyncUploader(connection);
        DataSyncUploadResult first = uploader.Upload(local, DataSyncRecordKind.Bibliographic);
        byte[] firstBytes = File.ReadAllBytes(local);
        var changed = new byte[6000];
        new Random(2).NextBytes(changed);
        File.WriteAllBytes(local, changed);

        DataSyncUploadResult second = uploader.Upload(local, DataSyncRecordKind.Bibliographic);

        Assert.Equal(DataSyncUploadOutcome.NameInUse, second.Outcome);
        Assert.True(second.ExistingIsFromToday);
        Assert.Equal(firstBytes, File.ReadAllBytes(SftpServer.LocalPathOf(first.RemotePath)));

        DataSyncUploadResult forced = uploader.Upload(local, DataSyncRecordKind.Bibliographic, force: true);

        Assert.Equal(DataSyncUploadOutcome.Uploaded, forced.Outcome);
        Assert.Equal(changed, File.ReadAllBytes(SftpServer.LocalPathOf(first.RemotePath)));
    }

    /// <summary>The files in a server folder whose names contain <paramref name="name"/> (the final and the temporary name).</summary>
    private static string[] ServerFilesNamed(string folder, string name) =>
        Array.FindAll(Directory.GetFiles(SftpServer.LocalPathOf(folder)), f => Path.GetFileName(f).Contains(name));

    [RequiresSftpFact]
    public void A_folder_the_account_may_not_write_names_the_file_and_the_folder_and_leaves_nothing_there()
    {
        string local = LocalFile("bibs", 5000);
        string name = Path.GetFileName(local);
        using var connection = new SftpConnection(new SshNetSftpSessionFactory(), SftpServer.Endpoint());

        var e = Assert.Throws<SftpTransferException>(() =>
            new DataSyncUploader(connection).Upload(local, DataSyncRecordKind.Bibliographic, remoteFolder: SftpServer.ReadOnlyFolder));

        Assert.Equal(SftpFailure.PermissionDenied, e.Failure);
        Assert.StartsWith(name + " was not uploaded to " + SftpServer.ReadOnlyFolder + " on ", e.Message);
        Assert.Contains("permission denied", e.Message);
        Assert.EndsWith("Nothing of it was left on the server.", e.Message);
        Assert.Empty(ServerFilesNamed(SftpServer.ReadOnlyFolder, name));
    }

    [RequiresSftpFullDiskFact]
    public void A_full_disk_names_the_file_and_the_folder_and_removes_the_partial_upload()
    {
        string folder = SftpServer.FullDiskFolder!;
        string local = LocalFile("bibs", 1_000_000, seed: 5); // the folder's file system holds 256 KiB
        string name = Path.GetFileName(local);
        using var connection = new SftpConnection(new SshNetSftpSessionFactory(), SftpServer.Endpoint());
        var uploader = new DataSyncUploader(connection);

        var e = Assert.Throws<SftpTransferException>(() => uploader.Upload(local, DataSyncRecordKind.Bibliographic, remoteFolder: folder));

        Assert.NotEqual(SftpFailure.ConnectionLost, e.Failure);
        Assert.StartsWith(name + " was not uploaded to " + folder + " on ", e.Message);
        Assert.Contains(DataSyncUploader.TemporaryPathFor(folder + "/" + name), e.Message);
        Assert.EndsWith("Nothing of it was left on the server.", e.Message);
        Assert.Empty(ServerFilesNamed(folder, name));
        // The space the partial file took is free again: a small file fits.
        string small = LocalFile("bibs", 10_000, seed: 6);
        Assert.Equal(DataSyncUploadOutcome.Uploaded, uploader.Upload(small, DataSyncRecordKind.Bibliographic, remoteFolder: folder).Outcome);
        File.Delete(SftpServer.LocalPathOf(folder + "/" + Path.GetFileName(small)));
    }

    /// <summary>A partial upload as an earlier run left it, writable by the server's user (the tests write it as another user).</summary>
    private static void ServerPartialFile(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
    }

    [RequiresSftpFact]
    public void A_partial_file_left_by_an_earlier_run_is_continued_and_one_longer_than_the_file_is_started_again()
    {
        string local = LocalFile("bibs", 200_000, seed: 8);
        byte[] bytes = File.ReadAllBytes(local);
        string remote = DataSyncUploader.RemotePathFor(local, DataSyncRecordKind.Bibliographic);
        string temporary = SftpServer.LocalPathOf(DataSyncUploader.TemporaryPathFor(remote));
        ServerPartialFile(temporary, bytes.AsSpan(0, 70_000).ToArray());
        using var connection = new SftpConnection(new SshNetSftpSessionFactory(), SftpServer.Endpoint());
        var uploader = new DataSyncUploader(connection);

        DataSyncUploadResult resumed = uploader.Upload(local, DataSyncRecordKind.Bibliographic);

        Assert.Equal(70_000, resumed.ResumedFrom);
        Assert.Equal(bytes, File.ReadAllBytes(SftpServer.LocalPathOf(remote)));

        ServerPartialFile(temporary, new byte[300_000]);
        DataSyncUploadResult restarted = uploader.Upload(local, DataSyncRecordKind.Bibliographic, force: true);

        Assert.Equal(0, restarted.ResumedFrom);
        Assert.Equal(bytes, File.ReadAllBytes(SftpServer.LocalPathOf(remote)));
        Assert.False(File.Exists(temporary));
    }

    [RequiresSftpFact]
    public void A_rename_whose_answer_was_lost_is_not_followed_by_a_second_upload()
    {
        string local = LocalFile("bibs", 50_000, seed: 9);
        var factory = new DroppingSessionFactory { DropAfterRename = true };
        var progress = new List<TransferProgress>();
        using var connection = new SftpConnection(factory, SftpServer.Endpoint());

        DataSyncUploadResult result = new DataSyncUploader(connection).Upload(local, DataSyncRecordKind.Bibliographic, progress: progress.Add);

        Assert.Equal(DataSyncUploadOutcome.Uploaded, result.Outcome);
        Assert.Equal(1, result.Reconnects);
        Assert.Equal(2, factory.Opened);
        Assert.Equal(File.ReadAllBytes(local), File.ReadAllBytes(SftpServer.LocalPathOf(result.RemotePath)));
        // The bytes went over once: the second connection only looked.
        Assert.Equal(50_000, progress[^1].Bytes);
        Assert.Single(progress, p => p.Bytes == 50_000);
    }
}
