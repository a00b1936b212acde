using System;
using System.Collections.Generic;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>{holdings:[{requestedControlNumber, currentControlNumber (null when unknown), institutionSymbol, holdingSet}]}.</summary>
    internal sealed class CurrentHoldingsReply
    {
        internal sealed class Entry
        {
            public string Requested = "";
            public string? Current;
            public string? InstitutionSymbol;
            public bool HoldingSet;
        }

        /// <summary>Entries by requested number (as a whole number, so "00123" and "123" meet).</summary>
        public Dictionary<long, Entry> ByRequested { get; } = new Dictionary<long, Entry>();

        /// <exception cref="FormatException">Not the documented shape.</exception>
        public static CurrentHoldingsReply Parse(string text)
        {
            var obj = JsonReader.TryParseObject(text) ?? throw new FormatException("The current-holdings answer is not a JSON object.");
            var holdings = JsonValues.GetArray(obj, "holdings") ?? throw new FormatException("The current-holdings answer has no 'holdings' list.");
            var reply = new CurrentHoldingsReply();
            foreach (var item in holdings)
            {
                if (!(item is Dictionary<string, object?> h)) continue;
                var requested = JsonValues.GetInt64(h, "requestedControlNumber");
                if (!requested.HasValue) continue;
                reply.ByRequested[requested.Value] = new Entry
                {
                    Requested = JsonValues.GetString(h, "requestedControlNumber")!,
                    Current = JsonValues.GetString(h, "currentControlNumber"),
                    InstitutionSymbol = JsonValues.GetString(h, "institutionSymbol"),
                    HoldingSet = JsonValues.GetString(h, "holdingSet") == "true",
                };
            }
            return reply;
        }
    }
}
