using System;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>Where and how <see cref="IdLocSearchTarget"/> searches the LC authorities.</summary>
    public sealed class IdLocTargetOptions
    {
        public Uri BaseAddress { get; set; } = new Uri("https://id.loc.gov");

        public IdLocScheme Scheme { get; set; } = IdLocScheme.Names;

        /// <summary>suggest2 page size (1..250): the most candidates one search looks at.</summary>
        public int SuggestCount { get; set; } = 10;

        public SearchResilienceOptions Resilience { get; set; } = new SearchResilienceOptions();

        /// <summary>id.loc.gov asks clients to identify themselves.</summary>
        public string UserAgent { get; set; } = "OclcCataloging/0.1";
    }
}
