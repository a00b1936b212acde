using System;
using System.Security;
using OclcCataloging.Connections;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// Where and as whom to connect. The password and key passphrase stay in <see cref="SecureString"/>s; the adapter
    /// takes their bytes only while authenticating. <see cref="ToString"/> shows user@host:port, never a secret.
    /// </summary>
    public sealed class SftpEndpoint
    {
        public SftpEndpoint(string host, int port, string userName)
        {
            if (string.IsNullOrWhiteSpace(host)) throw new ArgumentException("A host name is required.", nameof(host));
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 1 to 65535.");
            if (string.IsNullOrWhiteSpace(userName)) throw new ArgumentException("A user name is required.", nameof(userName));
            Host = host;
            Port = port;
            UserName = userName;
        }

        public string Host { get; }

        public int Port { get; }

        public string UserName { get; }

        public SecureString? Password { get; set; }

        /// <summary>An OpenSSH or PEM private key file; used before the password when both are given.</summary>
        public string? PrivateKeyPath { get; set; }

        public SecureString? PrivateKeyPassphrase { get; set; }

        /// <summary>The pinned host key fingerprint (SHA256:...), or null when none is pinned yet.</summary>
        public string? HostKeyFingerprint { get; set; }

        /// <summary>How long to wait for the server to answer.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The password's UTF-8 bytes (null when none); the caller clears them.</summary>
        internal byte[]? PasswordUtf8() => Password == null ? null : SecureStringBytes.ToUtf8(Password);

        /// <summary>The key passphrase's UTF-8 bytes (null when none); the caller clears them.</summary>
        internal byte[]? PassphraseUtf8() => PrivateKeyPassphrase == null ? null : SecureStringBytes.ToUtf8(PrivateKeyPassphrase);

        public override string ToString() => UserName + "@" + Host + ":" + Port;
    }
}
