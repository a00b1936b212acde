using System;
using System.Net;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>Where Koha is and who the receiver logs in as (the daemon's koha:/user:/password:).</summary>
    public sealed class KohaConnection
    {
        public KohaConnection(Uri staffBaseUrl, NetworkCredential credential)
        {
            StaffBaseUrl = staffBaseUrl ?? throw new ArgumentNullException(nameof(staffBaseUrl));
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        /// <summary>The staff interface, e.g. https://staff.example (the daemon's koha:).</summary>
        public Uri StaffBaseUrl { get; }

        public NetworkCredential Credential { get; }

        /// <summary>Per HTTP call; the daemon's was 10 s.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>HTTP connections to Koha at once.</summary>
        public int MaxConnections { get; set; } = 16;

        /// <summary>Test hook: the HTTP handler to use instead of a new one.</summary>
        internal System.Net.Http.HttpMessageHandler? Handler { get; set; }

        internal Uri Resolve(string relative)
        {
            string b = StaffBaseUrl.AbsoluteUri;
            if (!b.EndsWith("/", StringComparison.Ordinal)) b += "/";
            return new Uri(new Uri(b), relative.TrimStart('/'));
        }
    }
}
