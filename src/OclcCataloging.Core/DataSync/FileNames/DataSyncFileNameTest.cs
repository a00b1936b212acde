using System.Collections.Generic;

namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>The result of checking an upload file name: valid or not, its parts, errors and warnings.</summary>
    public sealed class DataSyncFileNameTest
    {
        internal DataSyncFileNameTest(string name) { Name = name; }

        public string Name { get; }

        /// <summary>True when there are no errors (warnings allowed).</summary>
        public bool IsValid => Errors.Count == 0;

        /// <summary>The 7-digit collection ID, or null when the first element is not one.</summary>
        public string? CollectionId { get; internal set; }

        /// <summary>The symbol as written in the name (converted form, e.g. EL_36).</summary>
        public string? Symbol { get; internal set; }

        /// <summary>The symbol with _64/_36/_35 turned back into @/$/# (EL$).</summary>
        public string? InstitutionSymbol { get; internal set; }

        /// <summary>The elements between the symbol and the extension (description, date, sequence...).</summary>
        public IReadOnlyList<string> Elements { get; internal set; } = new string[0];

        /// <summary>The extension without the period (mrc, xml, csv...).</summary>
        public string? Extension { get; internal set; }

        public List<DataSyncFinding> Errors { get; } = new List<DataSyncFinding>();

        public List<DataSyncFinding> Warnings { get; } = new List<DataSyncFinding>();

        public override string ToString() => Name;
    }
}
