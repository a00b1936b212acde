using System;
using System.Collections.Generic;
using OclcCataloging.DataSync.Export;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// OCLC's folders for data sync on its file exchange server (docs/design/data-sync-transfer.md): uploads go to
    /// /xfer/metacoll/in/bib or /lhr by what the file carries; output records come under /xfer/metacoll/out and
    /// reports under /xfer/metacoll/reports.
    /// </summary>
    public static class DataSyncFolders
    {
        public const string Root = "/xfer/metacoll";
        public const string Output = Root + "/out";
        public const string Reports = Root + "/reports";

        /// <summary>The upload folder for <paramref name="kind"/>.</summary>
        public static string UploadFolder(DataSyncRecordKind kind)
        {
            switch (kind)
            {
                case DataSyncRecordKind.Bibliographic: return Root + "/in/bib";
                case DataSyncRecordKind.LocalHoldings: return Root + "/in/lhr";
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "No upload folder is known for this kind of file.");
            }
        }

        /// <summary>The folders a listing of <paramref name="what"/> searches (each with its subfolders).</summary>
        public static IReadOnlyList<string> DownloadFolders(DataSyncRemoteKind what)
        {
            var folders = new List<string>();
            if (what != DataSyncRemoteKind.Reports) folders.Add(Output);
            if (what == DataSyncRemoteKind.Reports || what == DataSyncRemoteKind.All) folders.Add(Reports);
            return folders;
        }
    }
}
