using System;
using System.Collections.Generic;

namespace OclcCataloging.Batch
{
    /// <summary>How one engine's results become report rows and back (the state file keeps rows).</summary>
    internal interface IBatchRowFormat<TRow>
    {
        IReadOnlyList<string> Names { get; }

        string[] ToRow(TRow row);

        /// <exception cref="FormatException">The row is not one this format wrote.</exception>
        TRow FromRow(IReadOnlyList<string> fields);

        int SequenceOf(TRow row);
    }
}
