using System;
using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>
    /// Checks the upload names of one batch: each name by <see cref="DataSyncFileNameValidator"/>, and a name already
    /// given earlier in the batch gets a <see cref="DataSyncFileNameRules.DuplicateName"/> warning, since OCLC keeps only
    /// the last file of a day with a given name (docs/design/data-sync.md, "Same name twice in a day").
    /// </summary>
    public sealed class DataSyncFileNameBatch
    {
        // Case-insensitive: a name that differs only in case is one file on Windows and in a My Files upload.
        private readonly Dictionary<string, int> _firstSeenAt = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly bool _allowOtherExtensions;
        private int _count;

        public DataSyncFileNameBatch(bool allowOtherExtensions = false) { _allowOtherExtensions = allowOtherExtensions; }

        /// <summary>Checks the next name of the batch (a path is reduced to its file name).</summary>
        public DataSyncFileNameTest Test(string nameOrPath)
        {
            if (nameOrPath == null) throw new ArgumentNullException(nameof(nameOrPath));
            string name = DataSyncFileNameValidator.FileNameOf(nameOrPath);
            DataSyncFileNameTest result = DataSyncFileNameValidator.Test(name, _allowOtherExtensions);
            _count++;
            if (name.Length == 0) return result;
            if (_firstSeenAt.TryGetValue(name, out int first))
            {
                result.Warnings.Add(new DataSyncFinding(DataSyncFileNameRules.DuplicateName, FindingSeverity.Warning, null, null,
                    "The name was already given as the " + Ordinal(first) + " name of this batch; OCLC keeps only the last file of a day "
                    + "with a given name, so the earlier file would be dropped. Give each file its own name (a description or sequence element)."));
            }
            else
            {
                _firstSeenAt.Add(name, _count);
            }
            return result;
        }

        private static string Ordinal(int n)
        {
            string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
            return n.ToString(CultureInfo.InvariantCulture) + suffix;
        }
    }
}
