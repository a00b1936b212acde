using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using OclcCataloging.IO;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// Lists and downloads OCLC's output files and reports. Every local file is written through a temporary file;
    /// the download state is saved after each file, so a run cut short downloads only what it had not.
    /// </summary>
    public sealed class DataSyncDownloader
    {
        private const int MaxDepth = 4;
        private readonly SftpConnection _connection;

        public DataSyncDownloader(SftpConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>The files under <paramref name="folders"/> (or the data sync folders for the filter's kind) the filter accepts, oldest name first.</summary>
        public IReadOnlyList<DataSyncRemoteFile> List(DataSyncRemoteFilter filter, DataSyncDownloadState? state = null, IEnumerable<string>? folders = null)
        {
            if (filter == null) throw new ArgumentNullException(nameof(filter));
            var files = new List<DataSyncRemoteFile>();
            foreach (string folder in folders ?? DataSyncFolders.DownloadFolders(filter.Kind))
                Collect(folder, 0, filter, state, files);
            files.Sort((a, b) => string.CompareOrdinal(a.RemotePath, b.RemotePath));
            return files;
        }

        private void Collect(string folder, int depth, DataSyncRemoteFilter filter, DataSyncDownloadState? state, List<DataSyncRemoteFile> files)
        {
            IReadOnlyList<SftpRemoteEntry> entries;
            try { entries = _connection.Session.List(folder); }
            catch (SftpTransferException e) when (e.Failure == SftpFailure.NotFound) { return; }
            foreach (SftpRemoteEntry entry in entries)
            {
                if (entry.IsDirectory)
                {
                    if (depth < MaxDepth) Collect(entry.Path, depth + 1, filter, state, files);
                    continue;
                }
                if (entry.Name.StartsWith(".", StringComparison.Ordinal)) continue;
                var file = new DataSyncRemoteFile(entry, state != null && state.IsDownloaded(entry));
                if (filter.Accepts(file)) files.Add(file);
            }
        }

        /// <summary>
        /// Downloads <paramref name="file"/> into <paramref name="folder"/>; a .zip is unpacked beside it when
        /// <paramref name="expand"/> (entry names only, so no entry can write outside the folder).
        /// </summary>
        public DataSyncDownloadResult Download(DataSyncRemoteFile file, string folder, bool expand = false, DataSyncDownloadState? state = null, Action<TransferProgress>? progress = null)
        {
            if (file == null) throw new ArgumentNullException(nameof(file));
            Directory.CreateDirectory(folder);
            string local = Path.Combine(folder, file.Name);
            var result = new DataSyncDownloadResult(file, local);
            var clock = Stopwatch.StartNew();
            using (var writer = new AtomicFileWriter(local))
            {
                using (Stream source = _connection.Session.OpenRead(file.RemotePath))
                {
                    var buffer = new byte[64 * 1024];
                    int read;
                    long done = 0;
                    while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        writer.Stream.Write(buffer, 0, read);
                        done += read;
                        progress?.Invoke(new TransferProgress(file.Name, done, file.Length, 0, clock.Elapsed));
                    }
                    result.Length = done;
                }
                writer.Commit();
            }
            if (expand && file.Compressed) result.Extracted = Expand(local, folder);
            if (state != null)
            {
                state.MarkDownloaded(new SftpRemoteEntry(file.RemotePath, file.Length, file.LastWriteTimeUtc, false), DateTime.UtcNow);
                state.Save();
            }
            return result;
        }

        private static IReadOnlyList<string> Expand(string zipPath, string folder)
        {
            var extracted = new List<string>();
            using (ZipArchive zip = ZipFile.OpenRead(zipPath))
            {
                foreach (ZipArchiveEntry entry in zip.Entries)
                {
                    if (entry.Name.Length == 0) continue;
                    string target = Path.Combine(folder, entry.Name);
                    using (var writer = new AtomicFileWriter(target))
                    {
                        using (Stream s = entry.Open()) s.CopyTo(writer.Stream);
                        writer.Commit();
                    }
                    extracted.Add(target);
                }
            }
            return extracted;
        }
    }
}
