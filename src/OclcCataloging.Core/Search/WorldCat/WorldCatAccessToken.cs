using System;
using System.Collections.Generic;
using System.Globalization;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>A bearer token from the OAuth token server and when it stops being usable.</summary>
    internal sealed class WorldCatAccessToken
    {
        // Lifetime assumed when the response states none (OCLC issues 1199 s tokens).
        private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(1199);

        public WorldCatAccessToken(string value, DateTimeOffset expiresAt)
        {
            Value = value;
            ExpiresAt = expiresAt;
        }

        public string Value { get; }

        public DateTimeOffset ExpiresAt { get; }

        public bool IsUsable(DateTimeOffset now, TimeSpan skew) => now < ExpiresAt - skew;

        /// <summary>The token is deliberately left out: it is a credential.</summary>
        public override string ToString() => "WorldCat token expiring " + ExpiresAt.ToString("u", CultureInfo.InvariantCulture);

        /// <summary>
        /// Reads the success body. expires_in (int, or a string in OCLC's older example) is relative, so it is
        /// preferred over expires_at ("yyyy-MM-dd HH:mm:ssZ", server clock) which suffers from clock skew.
        /// </summary>
        private const long MaxLifetimeSeconds = 24 * 60 * 60;

        public static WorldCatAccessToken Parse(string text, DateTimeOffset now)
        {
            var obj = JsonReader.Parse(text) as Dictionary<string, object?> ?? throw new FormatException("The token response is not a JSON object.");
            var value = JsonValues.GetString(obj, "access_token");
            if (string.IsNullOrEmpty(value)) throw new FormatException("The token response has no access_token.");
            var expiresIn = JsonValues.GetInt64(obj, "expires_in");
            DateTimeOffset expiresAt;
            // a lifetime beyond a day is not a real token's (OCLC's last 20 minutes): capped, never an overflow
            if (expiresIn.HasValue && expiresIn.Value > 0) expiresAt = now.AddSeconds(Math.Min(expiresIn.Value, MaxLifetimeSeconds));
            else if (TryParseExpiresAt(JsonValues.GetString(obj, "expires_at"), out var at)) expiresAt = at;
            else expiresAt = now + DefaultLifetime;
            return new WorldCatAccessToken(value!, expiresAt);
        }

        public static bool TryParseExpiresAt(string? text, out DateTimeOffset value) =>
            DateTimeOffset.TryParseExact(text ?? "", "yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
