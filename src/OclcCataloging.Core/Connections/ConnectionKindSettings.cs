using System;
using System.Collections.Generic;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// Which settings each kind of connection takes and which it needs: the one table that saving a connection
    /// (Set-OclcConnection) and using one (Invoke-BatchSearch) both check. A new setting is a new row.
    /// </summary>
    public static class ConnectionKindSettings
    {
        private static readonly ConnectionSettingRule[] Rules =
        {
            new ConnectionSettingRule(ConnectionSettingNames.Credential, "the WorldCat client id (user name) and secret (password)",
                Kinds(ConnectionKind.WorldCat, ConnectionKind.Sru, ConnectionKind.Gateway, ConnectionKind.Sftp), requiredBy: Kinds(ConnectionKind.WorldCat, ConnectionKind.Sftp)),
            new ConnectionSettingRule(ConnectionSettingNames.BaseAddress, "the SRU server's address", Kinds(ConnectionKind.WorldCat, ConnectionKind.Sru, ConnectionKind.IdLoc), requiredBy: Kinds(ConnectionKind.Sru)),
            new ConnectionSettingRule(ConnectionSettingNames.TokenAddress, "the OAuth token endpoint", Kinds(ConnectionKind.WorldCat)),
            // The record actions need WorldCatMetadataAPI or each of Actions.WorldCat.WorldCatScopes.ForRecordActions (Set-OclcConnection warns).
            new ConnectionSettingRule(ConnectionSettingNames.Scope, "the OAuth scopes requested (WorldCatMetadataAPI covers searching and every record action)", Kinds(ConnectionKind.WorldCat)),
            new ConnectionSettingRule(ConnectionSettingNames.RecordFormat, "the record format requested", Kinds(ConnectionKind.WorldCat)),
            new ConnectionSettingRule(ConnectionSettingNames.RequestsPerSecond, "the most requests per second", Kinds(ConnectionKind.WorldCat)),
            new ConnectionSettingRule(ConnectionSettingNames.DailyBudget, "the most requests per day", Kinds(ConnectionKind.WorldCat)),
            new ConnectionSettingRule(ConnectionSettingNames.SruVersion, "the SRU protocol version", Kinds(ConnectionKind.Sru)),
            new ConnectionSettingRule(ConnectionSettingNames.RecordSchema, "the SRU record schema", Kinds(ConnectionKind.Sru)),
            new ConnectionSettingRule(ConnectionSettingNames.IndexMap, "the SRU index map", Kinds(ConnectionKind.Sru)),
            new ConnectionSettingRule(ConnectionSettingNames.Scheme, "the id.loc.gov authority file", Kinds(ConnectionKind.IdLoc)),
            new ConnectionSettingRule(ConnectionSettingNames.ComputerName, "the receiver's or SFTP server's host name", Kinds(ConnectionKind.Gateway, ConnectionKind.Sftp), requiredBy: Kinds(ConnectionKind.Gateway, ConnectionKind.Sftp)),
            new ConnectionSettingRule(ConnectionSettingNames.Port, "the receiver's or SFTP server's port", Kinds(ConnectionKind.Gateway, ConnectionKind.Sftp), requiredBy: Kinds(ConnectionKind.Gateway)),
            new ConnectionSettingRule(ConnectionSettingNames.ReceiverType, "the kind of receiving system", Kinds(ConnectionKind.Gateway)),
            new ConnectionSettingRule(ConnectionSettingNames.UserId, "the ILS user id sent with exports", Kinds(ConnectionKind.Gateway)),
            new ConnectionSettingRule(ConnectionSettingNames.HostKeyFingerprint, "the SFTP server's pinned host key fingerprint (SHA256:...)", Kinds(ConnectionKind.Sftp)),
            new ConnectionSettingRule(ConnectionSettingNames.PrivateKeyPath, "the private key file for SFTP key authentication", Kinds(ConnectionKind.Sftp)),
        };

        private static readonly Dictionary<string, ConnectionSettingRule> ByName = Index(Rules);

        /// <summary>Every setting, in a stable order.</summary>
        public static IReadOnlyList<ConnectionSettingRule> All => Rules;

        /// <summary>The rule for <paramref name="setting"/> (case-insensitive), or null when it is not a connection setting.</summary>
        public static ConnectionSettingRule? Find(string setting) =>
            setting != null && ByName.TryGetValue(setting, out ConnectionSettingRule? rule) ? rule : null;

        /// <summary>The settings a connection of <paramref name="kind"/> cannot work without, in table order.</summary>
        public static IReadOnlyList<ConnectionSettingRule> RequiredBy(ConnectionKind kind) =>
            Array.FindAll(Rules, r => r.IsRequiredBy(kind));

        /// <summary>The first setting of <paramref name="given"/> that does not apply to <paramref name="kind"/>; null when all fit (names that are no connection setting are ignored).</summary>
        public static ConnectionSettingRule? FirstNotFor(ConnectionKind kind, IEnumerable<string> given)
        {
            foreach (string name in given)
            {
                ConnectionSettingRule? rule = Find(name);
                if (rule != null && !rule.AppliesTo(kind)) return rule;
            }
            return null;
        }

        /// <summary>The first setting <paramref name="kind"/> needs that <paramref name="isGiven"/> says is missing; null when none is.</summary>
        public static ConnectionSettingRule? FirstMissing(ConnectionKind kind, Func<string, bool> isGiven)
        {
            if (isGiven == null) throw new ArgumentNullException(nameof(isGiven));
            foreach (ConnectionSettingRule rule in RequiredBy(kind))
                if (!isGiven(rule.Name)) return rule;
            return null;
        }

        /// <summary>Whether the kind's credential must carry a secret (a password), not only a user name.</summary>
        public static bool NeedsSecret(ConnectionKind kind) => kind == ConnectionKind.WorldCat;

        private static ConnectionKind[] Kinds(params ConnectionKind[] kinds) => kinds;

        private static Dictionary<string, ConnectionSettingRule> Index(ConnectionSettingRule[] rules)
        {
            var byName = new Dictionary<string, ConnectionSettingRule>(StringComparer.OrdinalIgnoreCase);
            foreach (ConnectionSettingRule rule in rules) byName.Add(rule.Name, rule);
            return byName;
        }
    }
}
