using System;

namespace OclcCataloging.Search
{
    /// <summary>One term of a search key: an index, a value, how it joins the previous term.</summary>
    public sealed class SearchTerm
    {
        public SearchTerm(SearchIndex index, string value, SearchOperator joinWithPrevious = SearchOperator.And, bool truncated = false, bool phrase = false)
        {
            Index = index;
            Value = value ?? throw new ArgumentNullException(nameof(value));
            JoinWithPrevious = joinWithPrevious;
            Truncated = truncated;
            Phrase = phrase;
        }

        public SearchIndex Index { get; }

        /// <summary>The normalised value: digits for numbers, words for text, without the truncation mark.</summary>
        public string Value { get; }

        /// <summary>Ignored for the first term.</summary>
        public SearchOperator JoinWithPrevious { get; }

        /// <summary>Right truncation (derived key parts, or a trailing * typed by the user).</summary>
        public bool Truncated { get; }

        /// <summary>The value was quoted, or is a multi-word value to search as a phrase.</summary>
        public bool Phrase { get; }

        public override string ToString() => Index + "=" + Value + (Truncated ? "*" : "");
    }
}
