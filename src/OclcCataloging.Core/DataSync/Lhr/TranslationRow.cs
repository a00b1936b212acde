namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>
    /// One row of a holdings translation table (docs/design/data-sync.md): incoming 852 $a/$b/$c → WorldCat LHR
    /// 852 $a/$b/$c and 008/20-21. "*" in an In column matches anything, including absence; an empty Out852c or
    /// Out008 column leaves the record's value as it is.
    /// </summary>
    public sealed class TranslationRow
    {
        public string In852a { get; set; } = "*";
        public string In852b { get; set; } = "*";
        public string In852c { get; set; } = "*";
        public string Out852a { get; set; } = string.Empty;
        public string Out852b { get; set; } = string.Empty;
        public string Out852c { get; set; } = string.Empty;
        public string Out008_20 { get; set; } = string.Empty;
        public string Out008_21 { get; set; } = string.Empty;

        /// <summary>
        /// A row from named cells: <paramref name="cellOf"/> gives a column's value, or null when the row has no such
        /// column (an In column then matches anything, an Out column is empty). Columns: <see cref="HoldingsTranslationTable.Columns"/>.
        /// </summary>
        public static TranslationRow FromCells(System.Func<string, string?> cellOf)
        {
            if (cellOf == null) throw new System.ArgumentNullException(nameof(cellOf));
            var row = new TranslationRow();
            row.In852a = cellOf(nameof(In852a)) ?? row.In852a;
            row.In852b = cellOf(nameof(In852b)) ?? row.In852b;
            row.In852c = cellOf(nameof(In852c)) ?? row.In852c;
            row.Out852a = cellOf(nameof(Out852a)) ?? row.Out852a;
            row.Out852b = cellOf(nameof(Out852b)) ?? row.Out852b;
            row.Out852c = cellOf(nameof(Out852c)) ?? row.Out852c;
            row.Out008_20 = cellOf(nameof(Out008_20)) ?? row.Out008_20;
            row.Out008_21 = cellOf(nameof(Out008_21)) ?? row.Out008_21;
            return row;
        }

        /// <summary>Row number in the table (1 = first data row).</summary>
        public int RowNumber { get; set; }

        /// <summary>How many In columns are not "*" (more specific rows win).</summary>
        internal int Specificity => (In852a == "*" ? 0 : 1) + (In852b == "*" ? 0 : 1) + (In852c == "*" ? 0 : 1);

        public override string ToString() => In852a + "/" + In852b + "/" + In852c + " -> " + Out852a + "/" + Out852b + "/" + Out852c;
    }
}
