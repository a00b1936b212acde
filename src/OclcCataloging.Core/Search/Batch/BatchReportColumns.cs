using System;
using System.Collections.Generic;
using System.Globalization;
using OclcCataloging.Batch;

namespace OclcCataloging.Search.Batch
{
    /// <summary>The report's columns, and the conversion of a result to a row and back (the state file keeps rows).</summary>
    internal sealed class BatchReportColumns : IBatchRowFormat<BatchSearchResult>
    {
        public static readonly BatchReportColumns Instance = new BatchReportColumns();

        private BatchReportColumns()
        {
        }

        IReadOnlyList<string> IBatchRowFormat<BatchSearchResult>.Names => Names;

        public int SequenceOf(BatchSearchResult row) => row.Sequence;

        public static readonly IReadOnlyList<string> Names = new[]
        {
            "Sequence", "Key", "KeyType", "QuerySent", "Target", "Status", "Translated", "HitCount", "RecordsDownloaded",
            "OclcNumbers", "FirstTitle", "ErrorType", "ErrorDetail", "HttpStatus", "Attempts", "ElapsedMs",
        };

        public string[] ToRow(BatchSearchResult r) => new[]
        {
            Number(r.Sequence),
            r.Key,
            r.KeyType?.ToString() ?? "",
            r.QuerySent,
            r.Target,
            r.Status.ToString(),
            r.Translated ? "True" : "False",
            r.HitCount.HasValue ? r.HitCount.Value.ToString(CultureInfo.InvariantCulture) : "",
            Number(r.RecordsDownloaded),
            r.OclcNumbers,
            r.FirstTitle ?? "",
            r.ErrorType ?? "",
            r.ErrorDetail ?? "",
            r.HttpStatus.HasValue ? Number(r.HttpStatus.Value) : "",
            Number(r.Attempts),
            ((long)Math.Round(r.Elapsed.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture),
        };

        /// <exception cref="FormatException">The row is not one this class wrote.</exception>
        public BatchSearchResult FromRow(IReadOnlyList<string> f)
        {
            if (f.Count != Names.Count) throw new FormatException("A state row has " + f.Count + " fields instead of " + Names.Count + ".");
            return new BatchSearchResult
            {
                Sequence = int.Parse(f[0], CultureInfo.InvariantCulture),
                Key = f[1],
                KeyType = f[2].Length == 0 ? (SearchKeyType?)null : (SearchKeyType)Enum.Parse(typeof(SearchKeyType), f[2]),
                QuerySent = f[3],
                Target = f[4],
                Status = (KeySearchStatus)Enum.Parse(typeof(KeySearchStatus), f[5]),
                Translated = f[6] == "True",
                HitCount = f[7].Length == 0 ? (long?)null : long.Parse(f[7], CultureInfo.InvariantCulture),
                RecordsDownloaded = int.Parse(f[8], CultureInfo.InvariantCulture),
                OclcNumbers = f[9],
                FirstTitle = Null(f[10]),
                ErrorType = Null(f[11]),
                ErrorDetail = Null(f[12]),
                HttpStatus = f[13].Length == 0 ? (int?)null : int.Parse(f[13], CultureInfo.InvariantCulture),
                Attempts = int.Parse(f[14], CultureInfo.InvariantCulture),
                Elapsed = TimeSpan.FromMilliseconds(long.Parse(f[15], CultureInfo.InvariantCulture)),
            };
        }

        private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

        private static string? Null(string s) => s.Length == 0 ? null : s;
    }
}
