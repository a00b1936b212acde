using System;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.Sru
{
    /// <summary>Where and how <see cref="SruSearchTarget"/> talks to an SRU server.</summary>
    public sealed class SruTargetOptions
    {
        /// <summary>The server's base address, e.g. http://127.0.0.1:21210/Default (required).</summary>
        public Uri BaseAddress { get; set; } = null!;

        public SruVersion Version { get; set; } = SruVersion.V1_2;

        /// <summary>recordSchema= (the server's name for MARCXML; "marcxml" on Zebra and LC).</summary>
        public string RecordSchema { get; set; } = SruRecordSchemas.MarcXml;

        /// <summary>CQL index names of this server.</summary>
        public SruIndexMap IndexMap { get; set; } = SruIndexMap.Default;

        /// <summary>Records asked for per request (maximumRecords=), 1..1000.</summary>
        public int PageSize { get; set; } = 50;

        /// <summary>Send searchRetrieve as a form POST instead of GET (long queries).</summary>
        public bool UsePost { get; set; }

        public SearchResilienceOptions Resilience { get; set; } = new SearchResilienceOptions();

        public string UserAgent { get; set; } = "OclcCataloging/0.1";

        /// <summary>Throws <see cref="ArgumentException"/> when a setting cannot work.</summary>
        public void Validate()
        {
            if (BaseAddress == null) throw new ArgumentException("SruTargetOptions.BaseAddress is required.");
            if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException("SruTargetOptions.BaseAddress must be an absolute http or https address, not '" + BaseAddress + "'.");
            if (PageSize < 1 || PageSize > 1000) throw new ArgumentException("SruTargetOptions.PageSize must be between 1 and 1000, not " + PageSize + ".");
            if (string.IsNullOrWhiteSpace(RecordSchema)) throw new ArgumentException("SruTargetOptions.RecordSchema is required.");
            if (IndexMap == null) throw new ArgumentException("SruTargetOptions.IndexMap is required.");
            if (Resilience == null) throw new ArgumentException("SruTargetOptions.Resilience is required.");
        }
    }
}
