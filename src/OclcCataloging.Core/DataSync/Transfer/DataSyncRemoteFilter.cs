using System;
using OclcCataloging.DataSync.FileNames;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>Which of OCLC's files a listing returns.</summary>
    public sealed class DataSyncRemoteFilter
    {
        public DataSyncRemoteKind Kind { get; set; }

        /// <summary>Only files for this collection ID (the provider element of the name), or any when null.</summary>
        public string? CollectionId { get; set; }

        /// <summary>The first day (inclusive) by the date in the name, or by the server's time when the name has none.</summary>
        public DateTime? From { get; set; }

        /// <summary>The last day (inclusive).</summary>
        public DateTime? To { get; set; }

        /// <summary>Leave out files the download state records as downloaded.</summary>
        public bool NotDownloadedOnly { get; set; }

        internal bool Accepts(DataSyncRemoteFile file)
        {
            if (NotDownloadedOnly && file.Downloaded) return false;
            if (!KindAccepts(file.Info)) return false;
            if (CollectionId != null && !IsFor(file.Info.Provider, CollectionId) && !IsFor(file.Info.CollectionId, CollectionId)) return false;
            DateTime day = (file.Timestamp ?? file.LastWriteTimeUtc).Date;
            if (From.HasValue && day < From.Value.Date) return false;
            if (To.HasValue && day > To.Value.Date) return false;
            return true;
        }

        private bool KindAccepts(DataSyncFileInfo info)
        {
            bool report = info.Kind == DataSyncFileKind.OutputReport || info.Kind == DataSyncFileKind.MyFilesReport || info.Kind == DataSyncFileKind.CrossReferenceReport;
            switch (Kind)
            {
                case DataSyncRemoteKind.All: return true;
                case DataSyncRemoteKind.Reports: return report;
                case DataSyncRemoteKind.Records: return !report;
                case DataSyncRemoteKind.New: return Designation(info, "new");
                case DataSyncRemoteKind.Updates: return Designation(info, "updates");
                case DataSyncRemoteKind.Deletes: return Designation(info, "deletes");
                default: return false;
            }
        }

        /// <summary>The name's element is the collection ID, or starts with it and a dash (cross reference reports: 1003600-100360).</summary>
        private static bool IsFor(string? element, string collectionId) =>
            element != null && (string.Equals(element, collectionId, StringComparison.OrdinalIgnoreCase)
                || element.StartsWith(collectionId + "-", StringComparison.OrdinalIgnoreCase));

        private static bool Designation(DataSyncFileInfo info, string designation) =>
            info.Kind == DataSyncFileKind.Output && string.Equals(info.Designation, designation, StringComparison.OrdinalIgnoreCase);
    }
}
