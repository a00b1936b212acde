using System;
using System.Net;
using System.Text;

namespace OclcCataloging.Gateway
{
    /// <summary>Settings for <see cref="GatewayListener"/>.</summary>
    public sealed class GatewayListenerOptions
    {
        /// <summary>Address to listen on (default: every IPv4 address).</summary>
        public IPAddress BindAddress { get; set; } = IPAddress.Any;

        /// <summary>Port to listen on; 0 picks a free one (see <see cref="GatewayListener.LocalEndPoint"/>).</summary>
        public int Port { get; set; }

        /// <summary>
        /// Logon ID and password a sender must give (U, or A when U is empty, as Koha checks them); null accepts anyone.
        /// </summary>
        public NetworkCredential? Credential { get; set; }

        public GatewayReplyStyle ReplyStyle { get; set; } = GatewayReplyStyle.Koha;

        /// <summary>A connection silent this long gets an error reply (incomplete request) or is closed.</summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Largest request buffered (identifiers + record); more is refused. Default 100,000 + 1,024 bytes.</summary>
        public int MaxRequestBytes { get; set; } = 100_000 + 1024;

        /// <summary>Connections handled at once; more wait in the accept queue.</summary>
        public int MaxConnections { get; set; } = 64;

        /// <summary>Encoding of U/A/P values (UTF-8 by default).</summary>
        public Encoding? IdentifierEncoding { get; set; }

        /// <summary>Accept authority records (leader/06 'z'); on by default since the listener imports nothing itself.</summary>
        public bool AllowAuthority { get; set; } = true;

        /// <summary>Called with one line per connection problem (never a password).</summary>
        public Action<string>? Log { get; set; }
    }
}
