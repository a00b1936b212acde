using System.Collections.Generic;
using OclcCataloging.Batch;

namespace OclcCataloging.Search.Batch
{
    /// <summary>Connexion's "batch search keys to retain": notfound.txt, toomany.txt, error.txt.</summary>
    internal static class RetainedKeyFiles
    {
        public const string NotFoundFileName = "notfound.txt";
        public const string TooManyFileName = "toomany.txt";
        public const string ErrorFileName = "error.txt";

        private static readonly string[] FileNames = { NotFoundFileName, TooManyFileName, ErrorFileName };

        public static void Add(BatchOutputFiles files, string directory, IEnumerable<BatchSearchResult> rows, out string notFound, out string tooMany, out string error)
        {
            var paths = RetainedLineFiles.Add(files, directory, FileNames, rows, FileOf, r => r.Key);
            notFound = paths[NotFoundFileName];
            tooMany = paths[TooManyFileName];
            error = paths[ErrorFileName];
        }

        private static string? FileOf(BatchSearchResult row) => row.Status switch
        {
            KeySearchStatus.NotFound => NotFoundFileName,
            KeySearchStatus.TooMany => TooManyFileName,
            KeySearchStatus.Error => ErrorFileName,
            _ => null,
        };
    }
}
