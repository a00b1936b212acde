using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace OclcCataloging.Search.Http
{
    /// <summary>Reads Retry-After as delta-seconds or as an HTTP-date (RFC 9110 §10.2.3).</summary>
    public static class RetryAfterHeader
    {
        public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
        {
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var delay = header.Date.Value - now;
                return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
            }
            return null;
        }

        /// <summary>For raw header text (tests, logs): "120" or "Wed, 21 Oct 2026 07:28:00 GMT".</summary>
        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var text = value!.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date))
            {
                var delay = date - now;
                return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
            }
            return null;
        }
    }
}
