using System;
using System.Text;

namespace OclcCataloging.Gateway
{
    /// <summary>Where and how <see cref="GatewayClient"/> sends records.</summary>
    public sealed class GatewayClientOptions
    {
        /// <summary>Alma's integration port; the only conventional port (Koha and FOLIO have none that can be assumed).</summary>
        public const int AlmaDefaultPort = 5500;

        public GatewayClientOptions(string computerName, int port)
        {
            if (string.IsNullOrWhiteSpace(computerName)) throw new ArgumentException("A computer name is required.", nameof(computerName));
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port), "The port must be 1-65535.");
            ComputerName = computerName;
            Port = port;
        }

        public string ComputerName { get; }

        public int Port { get; }

        public GatewayReceiverType ReceiverType { get; set; } = GatewayReceiverType.Generic;

        /// <summary>U, A and P values, or null to send none.</summary>
        public GatewayLogon? Logon { get; set; }

        /// <summary>Encoding of U/A/P values (UTF-8 by default).</summary>
        public Encoding? IdentifierEncoding { get; set; }

        /// <summary>Send a NUL after the record (default on).</summary>
        public bool SendEndOfTransmission { get; set; } = true;

        /// <summary>How long to wait for the reply once the request is written (90 s, as vendor guides set Connexion).</summary>
        public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(90);

        /// <summary>How long one connection attempt may take.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Send authority records (leader/06 'z') too; by default they are refused.</summary>
        public bool AllowAuthority { get; set; }

        /// <summary>Replies longer than this are cut (the rest is not read).</summary>
        public int MaxReplyBytes { get; set; } = 64 * 1024;
    }
}
