using System;
using System.Collections.Generic;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>The part of a brief-bibs response (BibBriefResultSet) batch searching needs.</summary>
    internal sealed class WorldCatBriefResults
    {
        public long NumberOfRecords { get; private set; }

        /// <summary>oclcNumber of each brief record, in result order (a string on the wire; the spec says int64).</summary>
        public List<string> OclcNumbers { get; } = new List<string>();

        public static WorldCatBriefResults Parse(string text)
        {
            if (!(JsonReader.Parse(text) is Dictionary<string, object?> obj))
                throw new FormatException("The brief-bibs response is not a JSON object.");
            var results = new WorldCatBriefResults
            {
                NumberOfRecords = JsonValues.GetInt64(obj, "numberOfRecords") ?? throw new FormatException("The brief-bibs response has no numberOfRecords."),
            };
            var records = JsonValues.GetArray(obj, "briefRecords");
            if (records == null) return results;
            foreach (var item in records)
            {
                var ocn = JsonValues.GetString(item as Dictionary<string, object?>, "oclcNumber");
                if (!string.IsNullOrWhiteSpace(ocn)) results.OclcNumbers.Add(ocn!.Trim());
            }
            return results;
        }
    }
}
