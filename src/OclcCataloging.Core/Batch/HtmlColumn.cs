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
    }

    /// <summary>One column of an <see cref="HtmlSortableTable"/>: its header and how its values sort.</summary>
    internal sealed class HtmlColumn
    {
        public HtmlColumn(string header, HtmlSortKind kind = HtmlSortKind.Text)
        {
            Header = header;
            Kind = kind;
        }

        public string Header { get; }

        public HtmlSortKind Kind { get; }

        public static HtmlColumn Text(string header) => new HtmlColumn(header);

        public static HtmlColumn Number(string header) => new HtmlColumn(header, HtmlSortKind.Number);

        public static HtmlColumn Date(string header) => new HtmlColumn(header, HtmlSortKind.Date);
    }
}
