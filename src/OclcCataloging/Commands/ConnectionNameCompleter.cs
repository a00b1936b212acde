using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Completes the names of saved connections. Limited to one kind by a subclass (for a -Connection parameter),
    /// or by the -Kind value already typed on the command line.
    /// </summary>
    public class ConnectionNameCompleter : IArgumentCompleter
    {
        private readonly ConnectionKind? _kind;

        public ConnectionNameCompleter() : this(null) { }

        protected ConnectionNameCompleter(ConnectionKind? kind) { _kind = kind; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyCollection<ConnectionKind>? kinds = Kinds(commandName, fakeBoundParameters);
            var pattern = CompletionPattern.For(wordToComplete);
            IReadOnlyList<ConnectionProfile> profiles;
            try { profiles = ConnectionProfileStore.OpenDefault().Load(); }
            catch (ConnectionStoreException) { return Array.Empty<CompletionResult>(); }
            return profiles
                .Where(p => (kinds == null || kinds.Contains(p.Kind)) && pattern.IsMatch(p.Name))
                .Select(p => new CompletionResult(Completion.ListCompleter.Quote(p.Name), p.Name, CompletionResultType.ParameterValue,
                    p.Kind + (string.IsNullOrEmpty(p.Description) ? string.Empty : ": " + p.Description)))
                .ToList();
        }

        /// <summary>The kinds of connection offered, or null for all.</summary>
        protected virtual IReadOnlyCollection<ConnectionKind>? Kinds(string commandName, IDictionary fakeBoundParameters)
        {
            ConnectionKind? kind = _kind ?? KindFrom(fakeBoundParameters, "Kind");
            return kind == null ? null : new[] { kind.Value };
        }

        /// <summary>The connection kind named by a parameter already typed on the command line, if any.</summary>
        protected static ConnectionKind? KindFrom(IDictionary bound, string parameterName)
        {
            object? value = bound?[parameterName];
            if (value is PSObject pso) value = pso.BaseObject;
            if (value is ConnectionKind k) return k;
            return value != null && Enum.TryParse(value.ToString(), true, out ConnectionKind parsed) ? parsed : (ConnectionKind?)null;
        }
    }

    /// <summary>Completes WorldCat connection names (for Invoke-BatchSearch -Connection).</summary>
    public sealed class WorldCatConnectionNameCompleter : ConnectionNameCompleter
    {
        public WorldCatConnectionNameCompleter() : base(ConnectionKind.WorldCat) { }
    }

    /// <summary>Completes SRU connection names.</summary>
    public sealed class SruConnectionNameCompleter : ConnectionNameCompleter
    {
        public SruConnectionNameCompleter() : base(ConnectionKind.Sru) { }
    }

    /// <summary>Completes id.loc.gov connection names.</summary>
    public sealed class IdLocConnectionNameCompleter : ConnectionNameCompleter
    {
        public IdLocConnectionNameCompleter() : base(ConnectionKind.IdLoc) { }
    }

    /// <summary>Completes gateway connection names (for Send-GatewayExport -Connection).</summary>
    public sealed class GatewayConnectionNameCompleter : ConnectionNameCompleter
    {
        public GatewayConnectionNameCompleter() : base(ConnectionKind.Gateway) { }
    }

    /// <summary>Completes the names of saved Sftp connections.</summary>
    public sealed class SftpConnectionNameCompleter : ConnectionNameCompleter
    {
        public SftpConnectionNameCompleter() : base(ConnectionKind.Sftp) { }
    }
}
