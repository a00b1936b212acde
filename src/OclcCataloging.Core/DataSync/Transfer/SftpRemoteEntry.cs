using System;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>A file or folder on the SFTP server.</summary>
    public sealed class SftpRemoteEntry
    {
        public SftpRemoteEntry(string path, long length, DateTime lastWriteTimeUtc, bool isDirectory)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Length = length;
            LastWriteTimeUtc = lastWriteTimeUtc;
            IsDirectory = isDirectory;
        }

        /// <summary>The absolute server path (forward slashes).</summary>
        public string Path { get; }

        public string Name => RemotePath.NameOf(Path);

        public long Length { get; }

        public DateTime LastWriteTimeUtc { get; }

        public bool IsDirectory { get; }

        public override string ToString() => Path;
    }
}
