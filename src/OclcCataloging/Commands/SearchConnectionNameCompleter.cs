using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using OclcCataloging.Commands.WorldCat;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Completes -Connection of the WorldCat client commands with the connections they can use: the WorldCat record
    /// actions take WorldCat connections only; Invoke-BatchSearch takes any search connection, or the kind its
    /// -Target already typed names.
    /// </summary>
    public sealed class SearchConnectionNameCompleter : ConnectionNameCompleter
    {
        private static readonly Lazy<Dictionary<string, Type>> CmdletTypes = new Lazy<Dictionary<string, Type>>(() =>
            typeof(SearchConnectionNameCompleter).Assembly.GetTypes()
                .Select(t => new { Type = t, Cmdlet = t.GetCustomAttribute<CmdletAttribute>() })
                .Where(x => x.Cmdlet != null)
                .ToDictionary(x => x.Cmdlet!.VerbName + "-" + x.Cmdlet.NounName, x => x.Type, StringComparer.OrdinalIgnoreCase));

        protected override IReadOnlyCollection<ConnectionKind>? Kinds(string commandName, IDictionary fakeBoundParameters)
        {
            string name = commandName ?? string.Empty;
            name = name.Substring(name.LastIndexOf('\\') + 1);
            if (CmdletTypes.Value.TryGetValue(name, out Type? type) && typeof(WorldCatActionCommand).IsAssignableFrom(type))
                return new[] { ConnectionKind.WorldCat };
            ConnectionKind? target = KindFrom(fakeBoundParameters, "Target");
            return target != null ? new[] { target.Value } : SearchTargetConnections.SearchKinds;
        }
    }
}
