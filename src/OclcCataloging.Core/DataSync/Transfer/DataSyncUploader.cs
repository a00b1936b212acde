using System;
using System.Diagnostics;
using System.IO;
using OclcCataloging.DataSync.Export;
using OclcCataloging.DataSync.FileNames;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// Uploads data sync files (docs/design/data-sync-transfer.md): the name is checked with the data sync file name
    /// rules before anything is sent; the bytes go to a temporary name that OCLC cannot take for a data sync file
    /// (it starts with a period) and are renamed when complete; a partial temporary file left by a dropped
    /// connection is continued from its size on a new connection.
    /// </summary>
    public sealed class DataSyncUploader
    {
        private const int BufferSize = 64 * 1024;
        private readonly SftpConnection _connection;

        public DataSyncUploader(SftpConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>How many dropped connections one file survives.</summary>
        public int MaxReconnects { get; set; } = 3;

        /// <summary>The clock for "today" (tests); UTC.</summary>
        public Func<DateTime> UtcNow { get; set; } = () => DateTime.UtcNow;

        /// <summary>The server path a file goes to: <paramref name="remoteFolder"/>, or by default OCLC's upload folder for <paramref name="kind"/>.</summary>
        public static string RemotePathFor(string localPath, DataSyncRecordKind kind, string? remoteFolder = null) =>
            RemotePath.Combine(remoteFolder ?? DataSyncFolders.UploadFolder(kind), Path.GetFileName(localPath));

        /// <summary>The temporary name a file is written under until it is complete.</summary>
        public static string TemporaryPathFor(string remotePath) =>
            RemotePath.Combine(RemotePath.FolderOf(remotePath), "." + RemotePath.NameOf(remotePath) + ".part");

        /// <summary>Checks the file's name with the data sync rules; throws <see cref="DataSyncFileNameException"/> when it fails.</summary>
        public static DataSyncFileNameTest CheckName(string localPath)
        {
            DataSyncFileNameTest test = DataSyncFileNameValidator.Test(Path.GetFileName(localPath));
            if (!test.IsValid)
            {
                DataSyncFinding first = test.Errors[0];
                throw new DataSyncFileNameException(first.RuleId,
                    "'" + test.Name + "' is not a data sync file name: " + first.Message + " Nothing was sent; rename the file to a compliant data sync file name.",
                    nameof(localPath));
            }
            return test;
        }

        /// <summary>
        /// Uploads one file. <paramref name="force"/> replaces a file of the same name on the server;
        /// <paramref name="remoteFolder"/> is the server folder to use instead of OCLC's folder for <paramref name="kind"/>.
        /// A failure the next attempt cannot continue from (permission denied, a full disk) removes the temporary file,
        /// so nothing of the file stays on the server; the error names the file and the server folder.
        /// </summary>
        public DataSyncUploadResult Upload(string localPath, DataSyncRecordKind kind, bool force = false, Action<TransferProgress>? progress = null, string? remoteFolder = null)
        {
            CheckName(localPath);
            string remote = RemotePathFor(localPath, kind, remoteFolder);
            string temporary = TemporaryPathFor(remote);
            var result = new DataSyncUploadResult(localPath, remote, DataSyncUploadOutcome.Uploaded);
            var clock = Stopwatch.StartNew();

            using (var source = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize))
            {
                result.Length = source.Length;
                SftpRemoteEntry? existing = _connection.Session.Find(remote);
                if (existing != null)
                {
                    result.ExistingLastWriteTimeUtc = existing.LastWriteTimeUtc;
                    result.ExistingIsFromToday = existing.LastWriteTimeUtc.Date == UtcNow().Date;
                    if (!force)
                    {
                        result.Outcome = DataSyncUploadOutcome.NameInUse;
                        return result;
                    }
                }

                bool first = true, renameSent = false;
                while (true)
                {
                    try
                    {
                        // A rename whose answer was lost may have been done: then the file is there and is not sent again.
                        if (renameSent && RenameWasDone(temporary, remote, source.Length)) break;
                        long offset = StartOffset(temporary, source.Length);
                        if (first) { result.ResumedFrom = offset; first = false; }
                        Send(source, offset, temporary, result, clock, progress);
                        SftpRemoteEntry? sent = _connection.Session.Find(temporary);
                        if (sent == null || sent.Length != source.Length)
                            throw new SftpTransferException(SftpFailure.Other,
                                "The server holds " + (sent?.Length ?? 0) + " bytes of " + temporary + " after sending " + source.Length + "; the upload was not renamed.");
                        renameSent = true;
                        _connection.Session.Rename(temporary, remote, overwrite: force);
                        break;
                    }
                    catch (SftpTransferException e) when (e.Failure == SftpFailure.ConnectionLost && result.Reconnects < MaxReconnects)
                    {
                        result.Reconnects++;
                        _connection.Reset();
                    }
                    catch (SftpTransferException e) when (e.Failure != SftpFailure.ConnectionLost && !e.DoomsRun)
                    {
                        throw NotUploaded(result, temporary, e);
                    }
                }
            }
            result.Duration = clock.Elapsed;
            return result;
        }

        /// <summary>
        /// A failure a later attempt cannot continue from: the temporary file is deleted (the final name is only ever
        /// made by the rename, so it does not exist), and the error says so, naming the file and the server folder.
        /// </summary>
        private SftpTransferException NotUploaded(DataSyncUploadResult result, string temporary, SftpTransferException e)
        {
            string left;
            try
            {
                if (_connection.Session.Find(temporary) != null) _connection.Session.Delete(temporary);
                left = "Nothing of it was left on the server.";
            }
            catch (SftpTransferException)
            {
                left = "Its partial copy " + temporary + " may be left on the server (OCLC does not take it: the name starts with a period); the next upload of the file continues from it.";
            }
            return new SftpTransferException(e.Failure,
                result.Name + " was not uploaded to " + RemotePath.FolderOf(result.RemotePath) + " on " + _connection.Endpoint + ": " + e.Message + " " + left, e);
        }

        /// <summary>After a connection lost during the rename: the temporary file is gone and the file has its full length.</summary>
        private bool RenameWasDone(string temporary, string remote, long length) =>
            _connection.Session.Find(temporary) == null && _connection.Session.Find(remote)?.Length == length;

        /// <summary>The size of a partial upload to continue from; a temporary file longer than the source is started again.</summary>
        private long StartOffset(string temporary, long sourceLength)
        {
            SftpRemoteEntry? partial = _connection.Session.Find(temporary);
            if (partial == null) return 0;
            if (partial.Length <= sourceLength) return partial.Length;
            _connection.Session.Delete(temporary);
            return 0;
        }

        private void Send(FileStream source, long offset, string temporary, DataSyncUploadResult result, Stopwatch clock, Action<TransferProgress>? progress)
        {
            source.Position = offset;
            var buffer = new byte[BufferSize];
            long done = offset;
            using (Stream target = _connection.Session.OpenAppend(temporary))
            {
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    target.Write(buffer, 0, read);
                    done += read;
                    progress?.Invoke(new TransferProgress(result.Name, done, source.Length, result.ResumedFrom, clock.Elapsed));
                }
                target.Flush();
            }
        }
    }
}
