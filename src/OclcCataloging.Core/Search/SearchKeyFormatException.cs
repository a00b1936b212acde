using System;

namespace OclcCataloging.Search
{
    /// <summary>A key line that is not a valid Connexion search key (reason says why).</summary>
    public sealed class SearchKeyFormatException : FormatException
    {
        public SearchKeyFormatException(string key, string reason)
            : base("Search key '" + key + "' is not valid: " + reason)
        {
            Key = key;
            Reason = reason;
        }

        public string Key { get; }

        public string Reason { get; }
    }
}
