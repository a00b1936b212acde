using System;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>What happened to one uploaded file.</summary>
    public sealed class DataSyncUploadResult
    {
        internal DataSyncUploadResult(string path, string remotePath, DataSyncUploadOutcome outcome)
        {
            Path = path;
            RemotePath = remotePath;
            Outcome = outcome;
        }

        /// <summary>The local file.</summary>
        public string Path { get; }

        public string Name => System.IO.Path.GetFileName(Path);

        /// <summary>Where the file is (or would be) on the server.</summary>
        public string RemotePath { get; }

        public DataSyncUploadOutcome Outcome { get; internal set; }

        public long Length { get; internal set; }

        /// <summary>Bytes found on the server from an earlier, interrupted attempt and not sent again.</summary>
        public long ResumedFrom { get; internal set; }

        /// <summary>How many times the connection dropped and the upload resumed on a new one.</summary>
        public int Reconnects { get; internal set; }

        /// <summary>NameInUse: the server file's time (UTC), and whether it is from today (OCLC would keep only the last).</summary>
        public DateTime? ExistingLastWriteTimeUtc { get; internal set; }

        public bool ExistingIsFromToday { get; internal set; }

        public TimeSpan Duration { get; internal set; }

        public override string ToString() => Name + ": " + Outcome;
    }
}
