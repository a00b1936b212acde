using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using OclcCataloging.IO;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// The local record of which server files were downloaded (SFTP keeps no such mark): one line per file,
    /// "path TAB length TAB downloaded-at (UTC, ISO 8601)", saved through a temporary file. A file of the same path
    /// with another length (OCLC replaced it) counts as not downloaded.
    /// </summary>
    public sealed class DataSyncDownloadState
    {
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

        private DataSyncDownloadState(string path) { Path = path; }

        public string Path { get; }

        public int Count => _entries.Count;

        /// <summary>Reads the state file; a missing file is an empty state. Lines that do not parse are kept out, not fatal.</summary>
        public static DataSyncDownloadState Load(string path)
        {
            var state = new DataSyncDownloadState(path);
            if (!File.Exists(path)) return state;
            foreach (string line in File.ReadAllLines(path, Encoding.UTF8))
            {
                string[] parts = line.Split('\t');
                if (parts.Length < 3 || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long length)) continue;
                DateTime.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime at);
                state._entries[parts[0]] = new Entry(length, at);
            }
            return state;
        }

        public bool IsDownloaded(SftpRemoteEntry entry) =>
            _entries.TryGetValue(entry.Path, out Entry e) && e.Length == entry.Length;

        public void MarkDownloaded(SftpRemoteEntry entry, DateTime atUtc) => _entries[entry.Path] = new Entry(entry.Length, atUtc);

        public void Save()
        {
            string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            using (var writer = new AtomicFileWriter(Path))
            {
                using (var text = new StreamWriter(writer.Stream, new UTF8Encoding(false), 4096, leaveOpen: true))
                {
                    var paths = new List<string>(_entries.Keys);
                    paths.Sort(StringComparer.Ordinal);
                    foreach (string p in paths)
                        text.Write(p + "\t" + _entries[p].Length.ToString(CultureInfo.InvariantCulture) + "\t" + _entries[p].At.ToString("o", CultureInfo.InvariantCulture) + "\n");
                }
                writer.Commit();
            }
        }

        private readonly struct Entry
        {
            public Entry(long length, DateTime at) { Length = length; At = at; }
            public long Length { get; }
            public DateTime At { get; }
        }
    }
}
