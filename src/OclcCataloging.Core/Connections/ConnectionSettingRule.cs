using System;
using System.Collections.Generic;

namespace OclcCataloging.Connections
{
    /// <summary>One row of <see cref="ConnectionKindSettings"/>: a setting, the kinds that take it and the kinds that need it.</summary>
    public sealed class ConnectionSettingRule
    {
        public ConnectionSettingRule(string name, string description, ConnectionKind[] kinds, ConnectionKind[]? requiredBy = null)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A setting name is required.", nameof(name));
            Name = name;
            Description = description ?? throw new ArgumentNullException(nameof(description));
            Kinds = kinds ?? throw new ArgumentNullException(nameof(kinds));
            RequiredBy = requiredBy ?? Array.Empty<ConnectionKind>();
            foreach (ConnectionKind k in RequiredBy)
                if (Array.IndexOf(kinds, k) < 0) throw new ArgumentException(name + " cannot be required by " + k + " without applying to it.", nameof(requiredBy));
        }

        /// <summary>The setting's name (a <see cref="ConnectionSettingNames"/> value).</summary>
        public string Name { get; }

        /// <summary>What the setting holds, as a noun phrase ("the SRU server's address").</summary>
        public string Description { get; }

        /// <summary>The kinds of connection the setting applies to.</summary>
        public IReadOnlyList<ConnectionKind> Kinds { get; }

        /// <summary>The kinds of connection that cannot work without it.</summary>
        public IReadOnlyList<ConnectionKind> RequiredBy { get; }

        public bool AppliesTo(ConnectionKind kind) => Contains(Kinds, kind);

        public bool IsRequiredBy(ConnectionKind kind) => Contains(RequiredBy, kind);

        private static bool Contains(IReadOnlyList<ConnectionKind> kinds, ConnectionKind kind)
        {
            foreach (ConnectionKind k in kinds) if (k == kind) return true;
            return false;
        }
    }
}
