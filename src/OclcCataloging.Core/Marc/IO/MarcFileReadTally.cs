using System;
using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// What reading one MARC file found, counted as it is read, and the two decisions made from it: whether the
    /// warning of one more damaged record or stray byte run is still shown (at most <see cref="MaxWarnings"/> per
    /// file), and whether the file ends with a summary warning (when it had more than one problem, or some
    /// warnings were held back). The rule is in docs/design/iso2709-reading.md ("Warnings and the end-of-file summary").
    /// </summary>
    public sealed class MarcFileReadTally
    {
        /// <summary>Warnings shown per file unless the caller says otherwise.</summary>
        public const int DefaultMaxWarnings = 100;

        /// <param name="file">The file being read.</param>
        /// <param name="maxWarnings">Warnings shown for the file; 0 shows them all.</param>
        public MarcFileReadTally(string file, int maxWarnings)
        {
            if (maxWarnings < 0) throw new ArgumentOutOfRangeException(nameof(maxWarnings), maxWarnings, "The number of warnings to show cannot be negative.");
            File = file ?? throw new ArgumentNullException(nameof(file));
            MaxWarnings = maxWarnings;
        }

        public string File { get; }

        /// <summary>Warnings shown for the file; 0: no limit.</summary>
        public int MaxWarnings { get; }

        /// <summary>Records read, damaged ones included.</summary>
        public long Records { get; private set; }

        /// <summary>Records read with warnings.</summary>
        public long Damaged { get; private set; }

        /// <summary>Chunks that could not be read as a record (each one an error, never held back).</summary>
        public long Unreadable { get; private set; }

        /// <summary>Runs of bytes outside any record.</summary>
        public long Stray { get; private set; }

        public long WarningsShown { get; private set; }

        public long WarningsNotShown { get; private set; }

        /// <summary>Damaged records, unreadable chunks and stray byte runs.</summary>
        public long Problems => Damaged + Unreadable + Stray;

        /// <summary>
        /// The file ends with a summary warning: it had more than one problem (one problem's own message already says
        /// everything), or warnings were held back. A clean file stays quiet.
        /// </summary>
        public bool NeedsSummary => Problems > 1 || WarningsNotShown > 0;

        /// <summary>Nothing at all was found: no record, no unreadable chunk, no stray bytes.</summary>
        public bool FoundNothing => Records == 0 && Unreadable == 0 && Stray == 0;

        public void CountRecord() => Records++;

        /// <summary>Adds records counted elsewhere (a reader on another thread that reports only the damaged ones).</summary>
        public void CountRecords(long count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A count of records cannot be negative.");
            Records += count;
        }

        /// <summary>A record read with warnings (count it with <see cref="CountRecord"/> as well); true: show its warning.</summary>
        public bool CountDamaged()
        {
            Damaged++;
            return Warn();
        }

        /// <summary>A run of bytes outside any record; true: show its warning.</summary>
        public bool CountStray()
        {
            Stray++;
            return Warn();
        }

        public void CountUnreadable() => Unreadable++;

        /// <summary>"'vendor.mrc': 10,000 records read, 37 damaged (read with warnings), 2 unreadable (see errors), 1 run of stray bytes skipped."</summary>
        public string Summary()
        {
            var parts = new List<string>(4)
            {
                Count(Records, "record", "records") + " read",
            };
            if (Damaged > 0) parts.Add(Count(Damaged) + " damaged (read with warnings)");
            if (Unreadable > 0) parts.Add(Count(Unreadable) + " unreadable (see errors)");
            if (Stray > 0) parts.Add(Count(Stray, "run", "runs") + " of stray bytes skipped");
            return "'" + File + "': " + string.Join(", ", parts.ToArray()) + ".";
        }

        private bool Warn()
        {
            if (MaxWarnings > 0 && WarningsShown >= MaxWarnings)
            {
                WarningsNotShown++;
                return false;
            }
            WarningsShown++;
            return true;
        }

        private static string Count(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

        private static string Count(long n, string one, string many) => Count(n) + " " + (n == 1 ? one : many);
    }
}
