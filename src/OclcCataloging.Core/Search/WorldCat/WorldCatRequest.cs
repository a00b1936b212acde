using System.Net.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>One Metadata API call: method, path relative to the API base, accepted media type, optional body.</summary>
    internal sealed class WorldCatRequest
    {
        public WorldCatRequest(HttpMethod method, string relative, string accept)
        {
            Method = method;
            Relative = relative;
            Accept = accept;
            IsWrite = method != HttpMethod.Get && method != HttpMethod.Head;
        }

        public HttpMethod Method { get; }

        public string Relative { get; }

        public string Accept { get; }

        public byte[]? Body { get; set; }

        public string? ContentType { get; set; }

        /// <summary>
        /// The call changes WorldCat (set/unset holdings, LHR create/replace/delete). A write whose reply is lost
        /// (timeout, broken connection, 502/504) is never sent again: it ends in <see cref="WorldCatOutcomeUnknownException"/>.
        /// Only answers that say the server did not act (429, 503) are retried. See docs/design/worldcat-record-actions.md.
        /// Every method but GET and HEAD is a write unless the call says otherwise, so a new call cannot be retried by
        /// forgetting to say it changes something.
        /// </summary>
        public bool IsWrite { get; set; }

        /// <summary>The OAuth scope the call needs, named in the error when WorldCat answers 403.</summary>
        public string? RequiredScope { get; set; }
    }
}
