using System.Collections.Generic;
using OclcCataloging.Batch;

namespace OclcCataloging.Actions
{
    /// <summary>The inputs to look at again, one file per outcome, readable back as input.</summary>
    internal static class RetainedInputFiles
    {
        public const string NotFoundFileName = "notfound.txt";
        public const string RefusedFileName = "refused.txt";
        public const string ErrorFileName = "error.txt";
        public const string UnknownFileName = "unknown.txt";

        private static readonly string[] FileNames = { NotFoundFileName, RefusedFileName, ErrorFileName, UnknownFileName };

        public static IReadOnlyDictionary<string, string> Add(BatchOutputFiles files, string directory, IEnumerable<BatchActionResult> rows) =>
            RetainedLineFiles.Add(files, directory, FileNames, rows, FileOf, r => r.Input);

        private static string? FileOf(BatchActionResult row) => row.Status switch
        {
            ActionStatus.NotFound => NotFoundFileName,
            ActionStatus.Refused => RefusedFileName,
            ActionStatus.Error => ErrorFileName,
            ActionStatus.Unknown => UnknownFileName,
            _ => null,
        };
    }
}
