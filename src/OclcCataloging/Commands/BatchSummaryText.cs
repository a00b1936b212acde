using System.Globalization;
using System.Text;
using OclcCataloging.Search.Batch;

namespace OclcCataloging.Commands
{
    /// <summary>The one-line texts Invoke-BatchSearch shows in its progress bar and verbose summary.</summary>
    internal static class BatchSummaryText
    {
        internal static string DescribeProgress(BatchSearchProgress p)
        {
            var text = new StringBuilder();
            text.Append(p.KeysDone.ToString("N0", CultureInfo.CurrentCulture));
            if (p.TotalKeys.HasValue) text.Append(" of ").Append(p.TotalKeys.Value.ToString("N0", CultureInfo.CurrentCulture));
            text.Append(" keys; ").Append(p.Hits.ToString("N0", CultureInfo.CurrentCulture)).Append(" hits; found ").Append(p.Found)
                .Append(", not found ").Append(p.NotFound).Append(", too many ").Append(p.TooMany).Append(", errors ").Append(p.Error);
            return text.ToString();
        }

        internal static string Describe(BatchSearchSummary s)
        {
            var text = new StringBuilder();
            text.Append(s.Target).Append(": ").Append(s.KeysTotal).Append(" keys (found ").Append(s.Found)
                .Append(", not found ").Append(s.NotFound).Append(", too many ").Append(s.TooMany).Append(", errors ").Append(s.Error)
                .Append("), ").Append(s.RecordsDownloaded).Append(" records, ")
                .Append(s.KeysPerSecond.ToString("0.0", CultureInfo.CurrentCulture)).Append(" keys/s.");
            if (!s.Finished) text.Append(" Stopped: ").Append(s.StoppedReason).Append("; rerun with -Resume to continue.");
            if (s.ReportPath != null) text.Append(" Report: ").Append(s.ReportPath);
            if (s.HtmlReportPath != null) text.Append(", ").Append(s.HtmlReportPath);
            return text.ToString();
        }
    }
}
