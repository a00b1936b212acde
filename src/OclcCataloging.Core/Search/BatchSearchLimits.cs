using System;

namespace OclcCataloging.Search
{
    /// <summary>Connexion's batch options: how many matches to download, and when a search found too many.</summary>
    public sealed class BatchSearchLimits
    {
        public const int MaxRecordsCeiling = 150;
        public const int DefaultTooManyThreshold = 1500;

        private int _maxRecords = 1;
        private int _tooManyThreshold = DefaultTooManyThreshold;

        /// <summary>Records to download per key, 1..150 (default 1).</summary>
        public int MaxRecords
        {
            get => _maxRecords;
            set
            {
                if (value < 1 || value > MaxRecordsCeiling) throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRecords must be between 1 and 150.");
                _maxRecords = value;
            }
        }

        /// <summary>A search with more hits than this is TooMany and downloads nothing (default 1,500).</summary>
        public int TooManyThreshold
        {
            get => _tooManyThreshold;
            set
            {
                if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), value, "TooManyThreshold must be positive.");
                _tooManyThreshold = value;
            }
        }

        /// <summary>The Connexion decision for a hit count (before any record is downloaded).</summary>
        public KeySearchStatus Classify(long hitCount)
        {
            if (hitCount <= 0) return KeySearchStatus.NotFound;
            return hitCount > TooManyThreshold ? KeySearchStatus.TooMany : KeySearchStatus.Found;
        }
    }
}
