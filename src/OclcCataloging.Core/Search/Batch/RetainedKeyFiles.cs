using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OclcCataloging.Search.Batch
{
    /// <summary>
    /// Connexion's "batch search keys to retain": notfound.txt, toomany.txt, error.txt, one key per line exactly
    /// as given (CRLF line ends, UTF-8 without BOM so the first key reads back unchanged).
    /// </summary>
    internal static class RetainedKeyFiles
    {
        public const string NotFoundFileName = "notfound.txt";
        public const string TooManyFileName = "toomany.txt";
        public const string ErrorFileName = "error.txt";

        public static void Add(BatchOutputFiles files, string directory, IEnumerable<BatchSearchResult> rows, out string notFound, out string tooMany, out string error)
        {
            var nf = new StringBuilder();
            var tm = new StringBuilder();
            var er = new StringBuilder();
            foreach (var row in rows)
            {
                switch (row.Status)
                {
                    case KeySearchStatus.NotFound: nf.Append(row.Key).Append("\r\n"); break;
                    case KeySearchStatus.TooMany: tm.Append(row.Key).Append("\r\n"); break;
                    case KeySearchStatus.Error: er.Append(row.Key).Append("\r\n"); break;
                }
            }
            notFound = Path.Combine(directory, NotFoundFileName);
            tooMany = Path.Combine(directory, TooManyFileName);
            error = Path.Combine(directory, ErrorFileName);
            files.Add(notFound, nf.ToString(), byteOrderMark: false);
            files.Add(tooMany, tm.ToString(), byteOrderMark: false);
            files.Add(error, er.ToString(), byteOrderMark: false);
        }
    }
}
