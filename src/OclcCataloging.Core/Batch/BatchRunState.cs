using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using OclcCataloging.IO;
using OclcCataloging.Search.Batch;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// The resume state file: CSV, UTF-8 without BOM. First record "OclcCatalogingBatchState,1,target,started",
    /// then the report header, then one report row per completed key, appended and flushed to disk as each key
    /// finishes. A row cut short by a crash is dropped on load (that key is searched again). A later row for a
    /// sequence replaces an earlier one (the action engine notes a write before it is sent, then its outcome).
    /// </summary>
    internal sealed class BatchRunState<TRow>
    {
        private const string Magic = "OclcCatalogingBatchState";
        private const string Version = "1";
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        private readonly IBatchRowFormat<TRow> _format;

        private BatchRunState(IBatchRowFormat<TRow> format, string path, string target, DateTimeOffset started, SortedDictionary<int, TRow> rows)
        {
            _format = format;
            Path = path;
            Target = target;
            Started = started;
            Rows = rows;
        }

        public string Path { get; }

        public string Target { get; }

        public DateTimeOffset Started { get; }

        /// <summary>The completed keys of earlier sessions, by sequence.</summary>
        public SortedDictionary<int, TRow> Rows { get; }

        public static BatchRunState<TRow> StartNew(IBatchRowFormat<TRow> format, string path, string target, DateTimeOffset started)
        {
            var state = new BatchRunState<TRow>(format, System.IO.Path.GetFullPath(path), target, started, new SortedDictionary<int, TRow>());
            state.Rewrite();
            return state;
        }

        public static BatchRunState<TRow> Load(IBatchRowFormat<TRow> format, string path)
        {
            string full = System.IO.Path.GetFullPath(path);
            string text = File.ReadAllText(full, Utf8NoBom);
            var records = Csv.Parse(text, dropUnterminatedLast: true);
            if (records.Count < 2 || records[0].Count != 4 || records[0][0] != Magic || records[0][1] != Version)
                throw new BatchStateMismatchException(full, "it is not a batch state file (version " + Version + ").");
            if (!DateTimeOffset.TryParseExact(records[0][3], "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset started))
                throw new BatchStateMismatchException(full, "its start time is unreadable.");
            var rows = new SortedDictionary<int, TRow>();
            for (int i = 2; i < records.Count; i++)
            {
                TRow row;
                try { row = format.FromRow(records[i]); }
                catch (Exception ex) when (ex is FormatException || ex is ArgumentException || ex is OverflowException)
                {
                    throw new BatchStateMismatchException(full, "row " + (i - 1) + " is unreadable (" + ex.Message + ").");
                }
                rows[format.SequenceOf(row)] = row;
            }
            var state = new BatchRunState<TRow>(format, full, records[0][2], started, rows);
            state.Rewrite(); // drops a half-written last row so that appends start on a fresh line
            return state;
        }

        public void Append(TRow result)
        {
            byte[] bytes = Utf8NoBom.GetBytes(Csv.FormatRecord(_format.ToRow(result)));
            using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(true);
            }
            Rows[_format.SequenceOf(result)] = result;
        }

        /// <summary>Forgets a sequence's row (rewrites the file).</summary>
        public void Remove(int sequence)
        {
            if (Rows.Remove(sequence)) Rewrite();
        }

        public void Delete()
        {
            if (File.Exists(Path)) File.Delete(Path);
        }

        private void Rewrite()
        {
            var sb = new StringBuilder();
            sb.Append(Csv.FormatRecord(new[] { Magic, Version, Target, Started.ToString("o", CultureInfo.InvariantCulture) }));
            sb.Append(Csv.FormatRecord(_format.Names));
            foreach (var row in Rows.Values) sb.Append(Csv.FormatRecord(_format.ToRow(row)));
            using (var writer = new AtomicFileWriter(Path))
            {
                byte[] bytes = Utf8NoBom.GetBytes(sb.ToString());
                writer.Stream.Write(bytes, 0, bytes.Length);
                writer.Commit();
            }
        }
    }
}
