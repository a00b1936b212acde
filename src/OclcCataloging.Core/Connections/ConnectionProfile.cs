using System;
using System.Collections.Generic;
using System.Globalization;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// A named, saved connection: where to connect, the user name (WorldCat client id or gateway logon id) and the
    /// secret in protected form only. The protected value is internal so it is never shown by PowerShell.
    /// </summary>
    public sealed class ConnectionProfile
    {
        public ConnectionProfile(string name, ConnectionKind kind)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A connection name is required.", nameof(name));
            Name = name;
            Kind = kind;
        }

        public string Name { get; }

        public ConnectionKind Kind { get; }

        /// <summary>The WorldCat client id (API key) or the gateway logon id; null when none.</summary>
        public string? UserName { get; set; }

        public string? Description { get; set; }

        /// <summary>When the profile was last saved (UTC).</summary>
        public DateTimeOffset Modified { get; set; }

        /// <summary>Kind-specific settings, keyed by <see cref="ConnectionSettingNames"/> (case-insensitive).</summary>
        public IDictionary<string, string> Settings { get; } = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>SRU: search index name (e.g. Title) to CQL index (e.g. dc.title).</summary>
        public IDictionary<string, string> IndexMap { get; } = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How the secret is kept; <see cref="SecretStoreKind.None"/> when there is none.</summary>
        public SecretStoreKind SecretStore { get; private set; }

        public bool HasSecret => ProtectedSecret != null;

        /// <summary>The secret as its protector stores it (DPAPI hex, key-file ciphertext or a vault reference).</summary>
        internal string? ProtectedSecret { get; private set; }

        internal void SetProtectedSecret(SecretStoreKind store, string? protectedSecret)
        {
            if ((store == SecretStoreKind.None) != (protectedSecret == null))
                throw new ArgumentException("A protected secret needs a secret store, and only then.", nameof(store));
            SecretStore = store;
            ProtectedSecret = protectedSecret;
        }

        /// <summary>The setting's value, or null when it is not set.</summary>
        public string? GetSetting(string name) => Settings.TryGetValue(name, out string? v) ? v : null;

        /// <summary>The setting as an absolute URI, or null when it is not set.</summary>
        public Uri? GetUriSetting(string name)
        {
            string? v = GetSetting(name);
            return v == null ? null : new Uri(v, UriKind.Absolute);
        }

        /// <summary>The setting as an integer, or null when it is not set.</summary>
        public int? GetInt32Setting(string name)
        {
            string? v = GetSetting(name);
            return v == null ? (int?)null : int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        /// <summary>The setting as a number, or null when it is not set.</summary>
        public double? GetDoubleSetting(string name)
        {
            string? v = GetSetting(name);
            return v == null ? (double?)null : double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        public override string ToString() => Name;
    }
}
