using System;
using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>
    /// The parts of an OCLC data sync file name (docs/design/data-sync.md): output files, reports, cross
    /// reference reports, the LHR offline product and upload names. Dates and times are as OCLC writes them
    /// (Eastern Time); <see cref="Timestamp"/> has <see cref="DateTimeKind.Unspecified"/>.
    /// </summary>
    public sealed class DataSyncFileInfo
    {
        private const string DataSyncDesignation = "datasync";

        internal DataSyncFileInfo(string name) { Name = name; }

        public string Name { get; }

        public DataSyncFileKind Kind { get; internal set; }

        /// <summary>OCLC output and report names: the server folder the name begins with (metacoll); null for other names.</summary>
        public string? Folder { get; internal set; }

        /// <summary>The institution symbol the file is for (the sender's symbol for My Files reports).</summary>
        public string? Symbol { get; internal set; }

        /// <summary>My Files reports: the OCLC collection symbol after the dash.</summary>
        public string? CollectionSymbol { get; internal set; }

        /// <summary>The collection ID (upload names, My Files reports; the cross reference "ID" element as written).</summary>
        public string? CollectionId { get; internal set; }

        /// <summary>Output files: new, updates, deletes, datasync, lhop ... (without the provider element).</summary>
        public string? Designation { get; internal set; }

        /// <summary>
        /// Data sync output and report names: the element after "datasync" (OCLC calls it the provider; in the names
        /// libraries receive it is the collection ID). Null when the designation is not datasync.
        /// </summary>
        public string? Provider { get; internal set; }

        /// <summary>My Files reports: BIB or LHR.</summary>
        public string? UploadSubdirectory { get; internal set; }

        public DataSyncFrequency Frequency { get; internal set; }

        /// <summary>Date and time from the D and T elements (Eastern Time as OCLC writes it), or null.</summary>
        public DateTime? Timestamp { get; internal set; }

        /// <summary>The sequence number (.1, .2 ... for batches split at 100,000 records), or null.</summary>
        public int? Sequence { get; internal set; }

        /// <summary>The data extension (mrc, xml, txt, csv).</summary>
        public string? Extension { get; internal set; }

        /// <summary>True when the name ends in .zip (output files older than 7 days).</summary>
        public bool Compressed { get; internal set; }

        /// <summary>True for a "-stub.txt" left after the download period.</summary>
        public bool IsStub { get; internal set; }

        /// <summary>Report name (bibdetailexcpt, xrefrpt, or the My Files report name).</summary>
        public string? ReportName { get; internal set; }

        /// <summary>My Files reports: the name of the file you uploaded.</summary>
        public string? OriginalFileName { get; internal set; }

        public override string ToString() => Name;

        /// <summary>Parses a file name (a path is reduced to its file name).</summary>
        public static DataSyncFileInfo Parse(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            string file = DataSyncFileNameValidator.FileNameOf(name);
            var info = new DataSyncFileInfo(file);

            string work = file;
            if (work.EndsWith("-stub.txt", StringComparison.OrdinalIgnoreCase))
            {
                info.IsStub = true;
                work = work.Substring(0, work.Length - "-stub.txt".Length);
            }
            if (work.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                info.Compressed = true;
                work = work.Substring(0, work.Length - 4);
            }
            var parts = new List<string>(work.Split('.'));

            if (parts.Count >= 4 && string.Equals(parts[0], "metacoll", StringComparison.OrdinalIgnoreCase))
            {
                ParseMetacoll(info, parts);
            }
            else if (MyFilesReportDateAt(parts) is int dateAt)
            {
                info.Kind = DataSyncFileKind.MyFilesReport;
                int dash = parts[0].IndexOf('-');
                info.Symbol = DataSyncSymbol.Decode(parts[0].Substring(0, dash));
                info.CollectionSymbol = DataSyncSymbol.Decode(parts[0].Substring(dash + 1));
                info.CollectionId = parts[1];
                info.UploadSubdirectory = parts[dateAt - 1];
                SetTimestamp(info, parts[dateAt], parts[dateAt + 1]);
                info.Extension = parts[parts.Count - 1];
                info.ReportName = parts[parts.Count - 2];
                info.OriginalFileName = string.Join(".", parts.GetRange(dateAt + 2, parts.Count - dateAt - 4).ToArray());
                if (string.Equals(info.ReportName, CrossReferenceReportName, StringComparison.OrdinalIgnoreCase)) info.Kind = DataSyncFileKind.CrossReferenceReport;
            }
            else if (parts.Count >= 3 && DataSyncFileNameValidator.IsCollectionId(parts[0]))
            {
                info.Kind = DataSyncFileKind.Upload;
                info.CollectionId = parts[0];
                info.Symbol = DataSyncSymbol.Decode(parts[1]);
                info.Extension = parts[parts.Count - 1];
                // joined once at the end: appending element by element was quadratic on names with thousands of dots
                var designation = new List<string>();
                for (int i = 2; i < parts.Count - 1; i++)
                {
                    if (IsDate(parts[i]) && i + 1 < parts.Count - 1 && IsTime(parts[i + 1])) { SetTimestamp(info, parts[i], parts[i + 1]); i++; }
                    else if (DataSyncFileNameValidator.AllDigits(parts[i]) && parts[i].Length <= 6 && i == parts.Count - 2) info.Sequence = int.Parse(parts[i], CultureInfo.InvariantCulture);
                    else designation.Add(parts[i]);
                }
                if (designation.Count > 0) info.Designation = string.Join(".", designation.ToArray());
            }
            return info;
        }

        /// <summary>The report name of the cross reference report in the My Files naming convention.</summary>
        public const string CrossReferenceReportName = "BibCrossRefReport";

        /// <summary>
        /// Where the date is in a My Files report name (SENDER-COLLSYM.collectionId.BIB|LHR.D....T....original.report.txt),
        /// or null when it is not one. OCLC documents the upload sub-directory as BIB or LHR; the servers write it as
        /// IN.BIB or IN.LHR (docs/design/data-sync-transfer.md), so an "IN" element before it is taken too.
        /// </summary>
        private static int? MyFilesReportDateAt(List<string> parts)
        {
            if (parts.Count < 7 || parts[0].IndexOf('-') <= 0 || !DataSyncFileNameValidator.IsCollectionId(parts[1])) return null;
            int sub = string.Equals(parts[2], "IN", StringComparison.OrdinalIgnoreCase) ? 3 : 2;
            if (parts.Count < sub + 5) return null;
            bool subdirectory = string.Equals(parts[sub], "BIB", StringComparison.OrdinalIgnoreCase) || string.Equals(parts[sub], "LHR", StringComparison.OrdinalIgnoreCase);
            return subdirectory && IsDate(parts[sub + 1]) && IsTime(parts[sub + 2]) ? sub + 1 : (int?)null;
        }

        private static void ParseMetacoll(DataSyncFileInfo info, List<string> parts)
        {
            info.Folder = parts[0];
            info.Symbol = DataSyncSymbol.Decode(parts[1]);
            int dateAt = -1;
            for (int i = 2; i < parts.Count - 1; i++)
            {
                if (IsDate(parts[i]) && IsTime(parts[i + 1])) { dateAt = i; break; }
            }
            if (dateAt < 0) { info.Kind = DataSyncFileKind.Unknown; return; }
            info.Designation = string.Join(".", parts.GetRange(2, dateAt - 2).ToArray());
            if (info.Designation.StartsWith(DataSyncDesignation + ".", StringComparison.OrdinalIgnoreCase))
            {
                info.Provider = info.Designation.Substring(DataSyncDesignation.Length + 1);
                info.Designation = info.Designation.Substring(0, DataSyncDesignation.Length);
                if (DataSyncFileNameValidator.IsCollectionId(info.Provider)) info.CollectionId = info.Provider;
            }
            SetTimestamp(info, parts[dateAt], parts[dateAt + 1]);
            var rest = parts.GetRange(dateAt + 2, parts.Count - dateAt - 2);

            if (string.Equals(info.Designation, "lhop", StringComparison.OrdinalIgnoreCase))
            {
                info.Kind = DataSyncFileKind.LocalHoldingsOfflineProduct;
                info.Extension = rest.Count > 0 ? rest[rest.Count - 1] : null;
                return;
            }
            if (rest.Count >= 2 && rest[0] == "xrefrpt")
            {
                info.Kind = DataSyncFileKind.CrossReferenceReport;
                info.ReportName = "xrefrpt";
                info.Extension = rest[rest.Count - 1];
                if (info.Provider != null) info.CollectionId = info.Provider;
                return;
            }
            info.Kind = DataSyncFileKind.Output;
            int seqAt = -1;
            for (int i = 0; i < rest.Count; i++)
            {
                if (DataSyncFileNameValidator.AllDigits(rest[i])) { seqAt = i; break; }
            }
            if (seqAt > 0) { info.ReportName = string.Join(".", rest.GetRange(0, seqAt).ToArray()); info.Kind = DataSyncFileKind.OutputReport; }
            if (seqAt >= 0 && rest[seqAt].Length <= 9) info.Sequence = int.Parse(rest[seqAt], CultureInfo.InvariantCulture);
            if (seqAt >= 0 && seqAt + 1 < rest.Count)
            {
                info.Extension = string.Join(".", rest.GetRange(seqAt + 1, rest.Count - seqAt - 1).ToArray());
            }
            else if (rest.Count > 0 && seqAt < 0)
            {
                info.Extension = rest[rest.Count - 1];
            }
        }

        private static bool IsDate(string s)
            => s.Length == 9 && "DWMQ".IndexOf(s[0]) >= 0 && DataSyncFileNameValidator.AllDigits(s.Substring(1))
               && DateTime.TryParseExact(s.Substring(1), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        private static bool IsTime(string s) => (s.Length == 7 || s.Length == 10) && s[0] == 'T' && DataSyncFileNameValidator.AllDigits(s.Substring(1));

        private static void SetTimestamp(DataSyncFileInfo info, string date, string time)
        {
            switch (date[0])
            {
                case 'D': info.Frequency = DataSyncFrequency.Daily; break;
                case 'W': info.Frequency = DataSyncFrequency.Weekly; break;
                case 'M': info.Frequency = DataSyncFrequency.Monthly; break;
                case 'Q': info.Frequency = DataSyncFrequency.Quarterly; break;
            }
            string fmt = time.Length == 10 ? "yyyyMMddHHmmssfff" : "yyyyMMddHHmmss";
            if (DateTime.TryParseExact(date.Substring(1) + time.Substring(1), fmt, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime t))
                info.Timestamp = t;
        }
    }
}
