using System;
using OclcCataloging.DataSync.FileNames;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>One of OCLC's files on the server, described by the data sync file name parsing.</summary>
    public sealed class DataSyncRemoteFile
    {
        internal DataSyncRemoteFile(SftpRemoteEntry entry, bool downloaded)
        {
            RemotePath = entry.Path;
            Length = entry.Length;
            LastWriteTimeUtc = entry.LastWriteTimeUtc;
            Info = DataSyncFileInfo.Parse(entry.Name);
            Downloaded = downloaded;
        }

        public string Name => Info.Name;

        public string RemotePath { get; }

        public long Length { get; }

        public DateTime LastWriteTimeUtc { get; }

        public DataSyncFileKind Kind => Info.Kind;

        /// <summary>The date and time in the name (Eastern Time, as OCLC writes it), or null.</summary>
        public DateTime? Timestamp => Info.Timestamp;

        public bool Compressed => Info.Compressed;

        /// <summary>Whether the download state file records this file (same path and length) as downloaded.</summary>
        public bool Downloaded { get; }

        public DataSyncFileInfo Info { get; }

        public override string ToString() => RemotePath;
    }
}
