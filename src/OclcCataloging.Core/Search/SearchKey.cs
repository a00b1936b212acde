using System;
using System.Collections.Generic;

namespace OclcCataloging.Search
{
    /// <summary>A Connexion-style batch search key, classified and broken into terms. Built by SearchKeyParser.</summary>
    public sealed class SearchKey
    {
        public SearchKey(string text, SearchKeyType type, IReadOnlyList<SearchTerm> terms)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Type = type;
            Terms = terms ?? throw new ArgumentNullException(nameof(terms));
        }

        /// <summary>The key exactly as given (one line of a key file); what retained-key files write back.</summary>
        public string Text { get; }

        public SearchKeyType Type { get; }

        public IReadOnlyList<SearchTerm> Terms { get; }

        /// <summary>Derived keys have no native equivalent on most targets: they are translated to truncated word searches.</summary>
        public bool IsDerived => Type >= SearchKeyType.DerivedNameTitle && Type <= SearchKeyType.DerivedSubject;

        public override string ToString() => Text;
    }
}
