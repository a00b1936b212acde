namespace OclcCataloging.Search.Sru
{
    /// <summary>An SRU diagnostic (info:srw/diagnostic/1/10 = query syntax error, 16 = unsupported index, ...).</summary>
    public sealed class SruDiagnostic
    {
        public SruDiagnostic(string uri, string? message, string? details)
        {
            Uri = uri;
            Message = message;
            Details = details;
        }

        public string Uri { get; }

        /// <summary>The number at the end of the URI ("10"), or the whole URI when it has none.</summary>
        public string Number
        {
            get
            {
                int slash = Uri.LastIndexOf('/');
                return slash >= 0 && slash < Uri.Length - 1 ? Uri.Substring(slash + 1) : Uri;
            }
        }

        public string? Message { get; }

        public string? Details { get; }

        /// <summary>"Query syntax error (dc.title=(unbalanced)" — message with details, for reports.</summary>
        public string Describe()
        {
            string text = string.IsNullOrEmpty(Message) ? Uri : Message!;
            return string.IsNullOrEmpty(Details) ? text : text + " (" + Details + ")";
        }

        public override string ToString() => Uri + " " + Describe();
    }
}
