using System;
using System.Collections.Generic;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>One suggest2 hit: the label, and the record URI when the search type returns objects (keyword).</summary>
    internal sealed class SuggestHit
    {
        public SuggestHit(string label, string? uri)
        {
            Label = label;
            Uri = uri;
        }

        public string Label { get; }

        public string? Uri { get; }
    }

    /// <summary>
    /// A suggest2 answer. Left-anchored hits are plain strings, keyword hits are objects
    /// (suggestLabel, uri, aLabel, ...). "count" is read as the total number of hits; when it is missing the
    /// page's hit count is used.
    /// </summary>
    internal sealed class SuggestResponse
    {
        private SuggestResponse(long count, List<SuggestHit> hits)
        {
            Count = count;
            Hits = hits;
        }

        public long Count { get; }

        public IReadOnlyList<SuggestHit> Hits { get; }

        public static SuggestResponse Parse(string json)
        {
            if (!(JsonReader.Parse(json) is Dictionary<string, object?> root)) throw new FormatException("The suggest2 answer is not a JSON object.");
            var hits = new List<SuggestHit>();
            if (root.TryGetValue("hits", out object? hitsValue) && hitsValue is List<object?> list)
            {
                foreach (object? item in list)
                {
                    if (item is string label) hits.Add(new SuggestHit(label, null));
                    else if (item is Dictionary<string, object?> obj)
                    {
                        string? text = Text(obj, "aLabel") ?? Text(obj, "suggestLabel") ?? Text(obj, "vLabel");
                        if (text != null) hits.Add(new SuggestHit(text, Text(obj, "uri")));
                    }
                }
            }
            long count = JsonValues.GetInt64(root, "count") ?? hits.Count;
            return new SuggestResponse(Math.Max(count, hits.Count), hits);
        }

        private static string? Text(Dictionary<string, object?> obj, string name) =>
            obj.TryGetValue(name, out object? v) && v is string s && s.Length > 0 ? s : null;
    }
}
