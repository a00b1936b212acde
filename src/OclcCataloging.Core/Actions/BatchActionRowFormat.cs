using System;
using System.Collections.Generic;
using System.Globalization;
using OclcCataloging.Batch;

namespace OclcCataloging.Actions
{
    /// <summary>The action report's columns, and a result as a row and back (the state file keeps rows).</summary>
    internal sealed class BatchActionRowFormat : IBatchRowFormat<BatchActionResult>
    {
        public static readonly BatchActionRowFormat Instance = new BatchActionRowFormat();

        private static readonly string[] ColumnNames =
        {
            "Sequence", "Input", "Action", "OclcNumber", "CurrentOclcNumber", "ControlNumber", "InstitutionSymbol", "IsHeld",
            "Status", "Message", "HttpStatus", "Attempts", "ElapsedMs",
        };

        private BatchActionRowFormat()
        {
        }

        public IReadOnlyList<string> Names => ColumnNames;

        public int SequenceOf(BatchActionResult row) => row.Sequence;

        public string[] ToRow(BatchActionResult r) => new[]
        {
            Number(r.Sequence),
            r.Input,
            r.Action,
            r.OclcNumber ?? "",
            r.CurrentOclcNumber ?? "",
            r.ControlNumber ?? "",
            r.InstitutionSymbol ?? "",
            r.IsHeld.HasValue ? (r.IsHeld.Value ? "True" : "False") : "",
            r.Status.ToString(),
            r.Message ?? "",
            r.HttpStatus.HasValue ? Number(r.HttpStatus.Value) : "",
            Number(r.Attempts),
            ((long)Math.Round(r.Elapsed.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture),
        };

        public BatchActionResult FromRow(IReadOnlyList<string> f)
        {
            if (f.Count != ColumnNames.Length) throw new FormatException("A state row has " + f.Count + " fields instead of " + ColumnNames.Length + ".");
            return new BatchActionResult
            {
                Sequence = int.Parse(f[0], CultureInfo.InvariantCulture),
                Input = f[1],
                Action = f[2],
                OclcNumber = Null(f[3]),
                CurrentOclcNumber = Null(f[4]),
                ControlNumber = Null(f[5]),
                InstitutionSymbol = Null(f[6]),
                IsHeld = f[7].Length == 0 ? (bool?)null : f[7] == "True",
                Status = (ActionStatus)Enum.Parse(typeof(ActionStatus), f[8]),
                Message = Null(f[9]),
                HttpStatus = f[10].Length == 0 ? (int?)null : int.Parse(f[10], CultureInfo.InvariantCulture),
                Attempts = int.Parse(f[11], CultureInfo.InvariantCulture),
                Elapsed = TimeSpan.FromMilliseconds(long.Parse(f[12], CultureInfo.InvariantCulture)),
            };
        }

        private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

        private static string? Null(string s) => s.Length == 0 ? null : s;
    }
}
