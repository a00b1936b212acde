using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace OclcCataloging.Search.Http
{
    /// <summary>
    /// Counts requests in a rolling 24-hour window (OCLC: 50,000 per WSKey, rolling) and refuses one that would
    /// exceed the limit. Requests are counted per minute, so the window is exact to the minute. With a state file
    /// the count survives between runs (a run stopped by the cap resumes with the right count). Thread-safe.
    /// </summary>
    public sealed class DailyRequestBudget
    {
        public static readonly TimeSpan Window = TimeSpan.FromHours(24);
        private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(1);

        private readonly object _gate = new object();
        private readonly SortedDictionary<long, int> _perMinute = new SortedDictionary<long, int>();
        private readonly string? _statePath;
        private int _count;

        /// <param name="limit">Requests allowed in 24 hours; 0 or less = unlimited.</param>
        /// <param name="statePath">Optional file keeping the counts between runs.</param>
        public DailyRequestBudget(int limit, string? statePath = null)
        {
            Limit = limit;
            _statePath = string.IsNullOrWhiteSpace(statePath) ? null : statePath;
            if (_statePath != null) Load(_statePath);
        }

        public int Limit { get; }

        /// <summary>Requests counted in the window ending at <paramref name="now"/>.</summary>
        public int Used(DateTimeOffset now)
        {
            lock (_gate)
            {
                Expire(now);
                return _count;
            }
        }

        /// <summary>Counts one request, or returns false (counting nothing) when the budget is spent;
        /// <paramref name="availableAt"/> then says when the oldest counted requests leave the window.</summary>
        public bool TryConsume(DateTimeOffset now, out DateTimeOffset availableAt)
        {
            availableAt = now;
            lock (_gate)
            {
                Expire(now);
                if (Limit > 0 && _count >= Limit)
                {
                    availableAt = new DateTimeOffset(_perMinute.Keys.First(), TimeSpan.Zero) + Bucket + Window;
                    return false;
                }
                long minute = MinuteOf(now);
                _perMinute.TryGetValue(minute, out int n);
                _perMinute[minute] = n + 1;
                _count++;
                if (_statePath != null) Save(_statePath);
                return true;
            }
        }

        private static long MinuteOf(DateTimeOffset time)
        {
            long ticks = time.UtcTicks;
            return ticks - ticks % Bucket.Ticks;
        }

        private void Expire(DateTimeOffset now)
        {
            long oldestKept = MinuteOf(now - Window) + Bucket.Ticks;
            while (_perMinute.Count > 0)
            {
                var first = _perMinute.First();
                if (first.Key >= oldestKept) break;
                _count -= first.Value;
                _perMinute.Remove(first.Key);
            }
        }

        // State file: one line per minute, "2026-11-27T23:45Z 12".
        private void Load(string path)
        {
            if (!File.Exists(path)) return;
            foreach (var line in File.ReadAllLines(path))
            {
                var parts = line.Split(' ');
                if (parts.Length != 2) continue;
                if (!DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var minute)) continue;
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0) continue;
                long key = MinuteOf(minute);
                _perMinute.TryGetValue(key, out int existing);
                _perMinute[key] = existing + n;
                _count += n;
            }
        }

        private void Save(string path)
        {
            var sb = new StringBuilder();
            foreach (var pair in _perMinute)
                sb.Append(new DateTimeOffset(pair.Key, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture))
                  .Append(' ').Append(pair.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var temp = path + ".tmp";
            File.WriteAllText(temp, sb.ToString());
            if (File.Exists(path)) File.Replace(temp, path, null);
            else File.Move(temp, path);
        }
    }
}
