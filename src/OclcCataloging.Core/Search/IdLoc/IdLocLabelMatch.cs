using System;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>A known-label hit: the record URI and the authorized heading the 302 named.</summary>
    internal sealed class IdLocLabelMatch
    {
        public IdLocLabelMatch(Uri recordUri, string? preferredLabel)
        {
            RecordUri = recordUri;
            PreferredLabel = preferredLabel;
        }

        public Uri RecordUri { get; }

        /// <summary>From X-PrefLabel-Encoded (UTF-8, URL-encoded) or else X-PrefLabel (Latin-1 only, so possibly damaged).</summary>
        public string? PreferredLabel { get; }
    }
}
