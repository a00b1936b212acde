using System.Collections.Generic;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>One downloaded file and, for a .zip unpacked on request, the files it held.</summary>
    public sealed class DataSyncDownloadResult
    {
        internal DataSyncDownloadResult(DataSyncRemoteFile remote, string localPath)
        {
            Remote = remote;
            LocalPath = localPath;
        }

        public DataSyncRemoteFile Remote { get; }

        public string Name => Remote.Name;

        public string LocalPath { get; }

        public long Length { get; internal set; }

        /// <summary>The files unpacked from a .zip (empty otherwise).</summary>
        public IReadOnlyList<string> Extracted { get; internal set; } = new string[0];

        public override string ToString() => LocalPath;
    }
}
