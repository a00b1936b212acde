using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OclcCataloging.Batch;
using static OclcCataloging.Batch.BatchHtmlPage;

namespace OclcCataloging.Actions
{
    /// <summary>The action run's summary page: counts per status, timings, and tables of the inputs that were not Done.</summary>
    internal static class BatchActionHtmlSummary
    {
        public static string Format(BatchActionSummary summary, IReadOnlyList<BatchActionResult> rows, string resumeAdvice)
        {
            var sb = new StringBuilder();
            Begin(sb, "Batch action summary", summary.Action, summary, "input", resumeAdvice);

            Timings(sb, "Action", summary.Action, summary, "Action time", summary.ActionTime, "Actions per second", summary.ActionsPerSecond);

            CountTable(sb, "Inputs", "Inputs", N("Done", summary.Done), N("No change", summary.NoChange), N("Not found", summary.NotFound),
                N("Refused", summary.Refused), N("Error", summary.Error), N("Unknown (check by hand)", summary.Unknown), N("Total", summary.Total));

            InputTable(sb, "Unknown — check these by hand", rows.Where(r => r.Status == ActionStatus.Unknown));
            InputTable(sb, "Refused", rows.Where(r => r.Status == ActionStatus.Refused));
            InputTable(sb, "Errors", rows.Where(r => r.Status == ActionStatus.Error));
            InputTable(sb, "Not found", rows.Where(r => r.Status == ActionStatus.NotFound));
            InputTable(sb, "Merged numbers", rows.Where(r => r.IsMerged));
            End(sb);
            return sb.ToString();
        }

        private static readonly HtmlColumn[] Columns =
        {
            HtmlColumn.Number("#"), HtmlColumn.Text("Input"), HtmlColumn.Text("OCLC number"), HtmlColumn.Text("Current"), HtmlColumn.Text("Control number"),
            HtmlColumn.LongText("Message"), HtmlColumn.Number("HTTP"), HtmlColumn.Number("Attempts"),
        };

        private static void InputTable(StringBuilder sb, string title, IEnumerable<BatchActionResult> rows) =>
            ItemTable(sb, title, rows.ToList(), Columns,
                r => new[] { Number(r.Sequence), r.Input, r.OclcNumber, r.CurrentOclcNumber, r.ControlNumber, r.Message, Number(r.HttpStatus), Number(r.Attempts) });
    }
}
