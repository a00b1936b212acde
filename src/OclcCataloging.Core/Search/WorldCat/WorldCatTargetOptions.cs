using System;
using System.Net;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>Where and how <see cref="WorldCatSearchTarget"/> talks to the WorldCat Metadata API v2.</summary>
    public sealed class WorldCatTargetOptions
    {
        /// <summary>The API base; paths /search/brief-bibs and /manage/bibs/{ocn} are relative to it.</summary>
        public Uri ApiBaseAddress { get; set; } = new Uri("https://metadata.api.oclc.org/worldcat");

        public Uri TokenAddress { get; set; } = new Uri("https://oauth.oclc.org/token");

        /// <summary>UserName = client id (WSKey), Password = secret. Required.</summary>
        public NetworkCredential? Credential { get; set; }

        /// <summary>Space-separated OAuth scopes; add "context:&lt;registryId&gt;" for multi-institution keys.</summary>
        public string Scope { get; set; } = "WorldCatMetadataAPI";

        public WorldCatRecordFormat RecordFormat { get; set; } = WorldCatRecordFormat.MarcXml;

        /// <summary>API requests per second across all keys (0 = unpaced).</summary>
        public double RequestsPerSecond { get; set; } = 2;

        /// <summary>API requests allowed in any rolling 24 hours (OCLC's documented per-key cap; 0 = unlimited).</summary>
        public int DailyBudget { get; set; } = 50000;

        /// <summary>Optional file that keeps the rolling-24h request count across runs.</summary>
        public string? BudgetStatePath { get; set; }

        public SearchResilienceOptions Resilience { get; set; } = new SearchResilienceOptions();

        public string UserAgent { get; set; } = "OclcCataloging/0.1";

        /// <summary>A token is renewed this long before it expires (covers clock skew and in-flight requests).</summary>
        public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Index label sent for LCCN keys. "ln" as in Connexion and NightShift; OCLC's own error text lists
        /// ln among indexes not allowed alone (doc §8 Q2), so this stays changeable until checked live.</summary>
        public string LccnIndexLabel { get; set; } = "ln";

        /// <summary>The clock for token expiry and the daily budget (tests move it).</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
    }
}
