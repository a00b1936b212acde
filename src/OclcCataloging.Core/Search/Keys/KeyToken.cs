namespace OclcCataloging.Search.Keys
{
    /// <summary>One blank-separated piece of a key: an optional index label ("ti"), its text, and whether it was quoted.</summary>
    internal sealed class KeyToken
    {
        public KeyToken(string? label, string text, bool quoted)
        {
            Label = label;
            Text = text;
            Quoted = quoted;
        }

        /// <summary>The two-letter label before the colon, lower-cased; null when none.</summary>
        public string? Label { get; }

        public string Text { get; }

        public bool Quoted { get; }

        public bool IsOperator(out SearchOperator op)
        {
            op = SearchOperator.And;
            if (Quoted || Label != null) return false;
            switch (Text.ToLowerInvariant())
            {
                case "and": op = SearchOperator.And; return true;
                case "or": op = SearchOperator.Or; return true;
                case "not": op = SearchOperator.Not; return true;
                default: return false;
            }
        }
    }
}
