using System;
using System.Collections.Generic;

namespace OclcCataloging.Search.Keys
{
    /// <summary>
    /// A Connexion derived-key pattern: comma-separated parts, each at most so many characters, e.g. 4,4 for
    /// name/title ("moza,magi") or 3,2,2,1 for title ("mag,fl,,"). Each non-empty part becomes a right-truncated term.
    /// </summary>
    public sealed class DerivedKeyPattern
    {
        public static readonly DerivedKeyPattern NameTitle = new DerivedKeyPattern(SearchKeyType.DerivedNameTitle, 2, new[] { 4, 4 }, SearchIndex.Author, SearchIndex.Title);
        public static readonly DerivedKeyPattern Title = new DerivedKeyPattern(SearchKeyType.DerivedTitle, 3, new[] { 3, 2, 2, 1 }, SearchIndex.Title);
        public static readonly DerivedKeyPattern PersonalName = new DerivedKeyPattern(SearchKeyType.DerivedPersonalName, 2, new[] { 4, 3, 1 }, SearchIndex.PersonalName);
        public static readonly DerivedKeyPattern CorporateName = new DerivedKeyPattern(SearchKeyType.DerivedCorporateName, 2, new[] { 4, 3, 1 }, SearchIndex.CorporateName);
        public static readonly DerivedKeyPattern AuthorityTitle = new DerivedKeyPattern(SearchKeyType.DerivedAuthorityTitle, 2, new[] { 3, 2, 2, 1 }, SearchIndex.Heading);
        public static readonly DerivedKeyPattern Subject = new DerivedKeyPattern(SearchKeyType.DerivedSubject, 2, new[] { 5, 3 }, SearchIndex.Heading);

        private readonly SearchIndex[] _indexes;

        private DerivedKeyPattern(SearchKeyType type, int minParts, int[] lengths, params SearchIndex[] indexes)
        {
            Type = type;
            MinParts = minParts;
            Lengths = lengths;
            _indexes = indexes;
        }

        public SearchKeyType Type { get; }

        /// <summary>Fewest comma-separated parts (that is, commas + 1) the key must have.</summary>
        public int MinParts { get; }

        /// <summary>Longest allowed length of each part, e.g. {3, 2, 2, 1}.</summary>
        public IReadOnlyList<int> Lengths { get; }

        /// <summary>"3,2,2,1".</summary>
        public string Shape => string.Join(",", Lengths);

        /// <summary>The index part <paramref name="position"/> searches (the last index repeats).</summary>
        public SearchIndex IndexOf(int position) => _indexes[Math.Min(position, _indexes.Length - 1)];

        /// <summary>Null when <paramref name="parts"/> fit this pattern, else why not.</summary>
        public string? Misfit(IReadOnlyList<string> parts)
        {
            if (parts.Count < MinParts || parts.Count > Lengths.Count)
                return "a " + Shape + " derived key has " + (MinParts == Lengths.Count ? MinParts.ToString() : MinParts + " to " + Lengths.Count) + " comma-separated parts, not " + parts.Count;
            if (parts[0].Length == 0) return "the first part of a derived key cannot be empty";
            for (int i = 0; i < parts.Count; i++)
            {
                if (parts[i].Length > Lengths[i])
                    return "part " + (i + 1) + " '" + parts[i] + "' is longer than " + Lengths[i] + " characters (" + Shape + " derived key)";
                foreach (char c in parts[i])
                    if (!char.IsLetterOrDigit(c)) return "part " + (i + 1) + " '" + parts[i] + "' may hold only letters and digits";
            }
            return null;
        }

        /// <summary>Right-truncated terms for the non-empty parts (already checked with <see cref="Misfit"/>).</summary>
        public IReadOnlyList<SearchTerm> ToTerms(IReadOnlyList<string> parts)
        {
            var terms = new List<SearchTerm>();
            for (int i = 0; i < parts.Count; i++)
            {
                if (parts[i].Length == 0) continue;
                terms.Add(new SearchTerm(IndexOf(i), parts[i].ToLowerInvariant(), SearchOperator.And, truncated: true));
            }
            return terms;
        }
    }
}
