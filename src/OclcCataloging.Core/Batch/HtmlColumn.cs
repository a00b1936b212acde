using System.Collections.Generic;

namespace OclcCataloging.Batch
{
    /// <summary>How a report column's values compare when the reader sorts by it.</summary>
    internal enum HtmlSortKind
    {
        /// <summary>Text, case-insensitive, runs of digits compared as numbers ("ocm9" before "ocm10").</summary>
        Text,

        /// <summary>Numbers (invariant culture, right-aligned); values that are not numbers come after them, as text.</summary>
        Number,

        /// <summary>Dates and times (invariant culture); values that are not dates come after them, as text.</summary>
        Date,

        /// <summary>A known list of values in a meaningful order (severities: Error, Warning, Info); others after them, as text.</summary>
        Ranked,
    }

    /// <summary>One column of an <see cref="HtmlSortableTable"/>: its header, how its values sort, whether it holds long text.</summary>
    internal sealed class HtmlColumn
    {
        private HtmlColumn(string header, HtmlSortKind kind, bool wide, IReadOnlyList<string>? order)
        {
            Header = header;
            Kind = kind;
            Wide = wide;
            Order = order ?? System.Array.Empty<string>();
        }

        public string Header { get; }

        public HtmlSortKind Kind { get; }

        /// <summary>Long text (messages, titles): the column keeps a readable width when the page is narrow.</summary>
        public bool Wide { get; }

        /// <summary>For <see cref="HtmlSortKind.Ranked"/>: the values, first to last.</summary>
        public IReadOnlyList<string> Order { get; }

        public static HtmlColumn Text(string header) => new HtmlColumn(header, HtmlSortKind.Text, false, null);

        public static HtmlColumn LongText(string header) => new HtmlColumn(header, HtmlSortKind.Text, true, null);

        public static HtmlColumn Number(string header) => new HtmlColumn(header, HtmlSortKind.Number, false, null);

        public static HtmlColumn Date(string header) => new HtmlColumn(header, HtmlSortKind.Date, false, null);

        public static HtmlColumn Ranked(string header, params string[] order) => new HtmlColumn(header, HtmlSortKind.Ranked, false, order);
    }
}
