namespace OclcCataloging.Search
{
    /// <summary>
    /// The fixed values of <see cref="KeySearchOutcome.ErrorType"/> (reports and scripts match on them; never change
    /// one). Target-specific types are built from a prefix and a code: "HTTP 400 …", "SRU diagnostic 16".
    /// </summary>
    public static class SearchErrorTypes
    {
        /// <summary>The key line is not a valid Connexion search key.</summary>
        public const string InvalidKey = "InvalidKey";

        /// <summary>The target cannot search this kind of key (no index for it).</summary>
        public const string Unsupported = "Unsupported";

        /// <summary>The target did not answer in time.</summary>
        public const string Timeout = "Timeout";

        /// <summary>The target's answer could not be read.</summary>
        public const string InvalidResponse = "InvalidResponse";

        /// <summary>The connection failed (reset, refused after it was once open).</summary>
        public const string Network = "Network";

        /// <summary>WorldCat: the connection failed.</summary>
        public const string ConnectionFailed = "ConnectionFailed";
    }
}
