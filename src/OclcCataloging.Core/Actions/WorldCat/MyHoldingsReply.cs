using System;
using System.Collections.Generic;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>search/my-holdings: {numberOfHoldings, detailedHoldings:[{lhrControlNumber, location:{holdingLocation, sublocationCollection}}]}.</summary>
    internal sealed class MyHoldingsReply
    {
        public long NumberOfHoldings { get; private set; }

        /// <summary>(LHR control number, holding library code = 852 $b) per holding.</summary>
        public List<KeyValuePair<string, string?>> Holdings { get; } = new List<KeyValuePair<string, string?>>();

        /// <exception cref="FormatException">Not a JSON object.</exception>
        public static MyHoldingsReply Parse(string text)
        {
            var obj = JsonReader.TryParseObject(text) ?? throw new FormatException("The my-holdings answer is not a JSON object.");
            var reply = new MyHoldingsReply { NumberOfHoldings = JsonValues.GetInt64(obj, "numberOfHoldings") ?? 0 };
            foreach (var item in JsonValues.GetArray(obj, "detailedHoldings") ?? new List<object?>())
            {
                if (!(item is Dictionary<string, object?> h)) continue;
                var control = JsonValues.GetString(h, "lhrControlNumber");
                if (control == null) continue;
                reply.Holdings.Add(new KeyValuePair<string, string?>(control, JsonValues.GetString(JsonValues.GetObject(h, "location"), "sublocationCollection")));
            }
            return reply;
        }
    }
}
