using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The "options used" rows of an HTML report: the command and each parameter the caller gave, as typed values
    /// (lists joined, hashtables as key=value). Secrets (PSCredential, SecureString), script blocks, records and
    /// common parameters are left out.
    /// </summary>
    internal static class ReportSettings
    {
        public static List<KeyValuePair<string, string>> From(PSCmdlet cmdlet, params KeyValuePair<string, string>[] extra)
        {
            var rows = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("Command", cmdlet.MyInvocation.MyCommand.Name) };
            rows.AddRange(extra);
            foreach (var p in cmdlet.MyInvocation.BoundParameters.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (CommonParameters.Contains(p.Key)) continue;
                string? text = Describe(p.Value);
                if (text != null) rows.Add(new KeyValuePair<string, string>("-" + p.Key, text));
            }
            return rows;
        }

        private static readonly HashSet<string> CommonParameters = new HashSet<string>(
            new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
                "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm" }, StringComparer.OrdinalIgnoreCase);

        private static string? Describe(object? value)
        {
            object? v = value is PSObject pso ? pso.BaseObject : value;
            switch (v)
            {
                case null: return "";
                case PSCredential _:
                case SecureString _:
                case ScriptBlock _:
                case MarcRecord _:
                case MarcRecord[] _:
                    return null;
                case SwitchParameter s: return s.IsPresent ? "true" : "false";
                case string s: return s;
                case IDictionary d: return string.Join("; ", d.Keys.Cast<object>().Select(k => k + "=" + d[k]).ToArray());
                case IEnumerable e: return string.Join(", ", e.Cast<object>().Select(o => Describe(o) ?? "").ToArray());
                default: return v.ToString();
            }
        }
    }
}
