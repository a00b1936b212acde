using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using OclcCataloging.Connections;
using OclcCataloging.Search;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// What Invoke-BatchSearch needs to build its target: a saved connection's values, overridden by any
    /// parameter given on the command line.
    /// </summary>
    internal sealed class BatchSearchTargetSettings
    {
        internal SearchTargetKind Kind { get; set; }
        internal Uri? BaseAddress { get; set; }
        internal NetworkCredential? Credential { get; set; }
        internal Uri? TokenAddress { get; set; }
        internal string? Scope { get; set; }
        internal WorldCatRecordFormat? RecordFormat { get; set; }
        internal double? RequestsPerSecond { get; set; }
        internal int? DailyBudget { get; set; }
        internal string? SruVersion { get; set; }
        internal IDictionary<string, string>? IndexMap { get; set; }
        internal string? RecordSchema { get; set; }
        internal IdLocScheme? Scheme { get; set; }

        internal static BatchSearchTargetSettings From(InvokeBatchSearchCommand command)
        {
            var settings = new BatchSearchTargetSettings();
            SearchTargetKind? kind = null;
            if (!string.IsNullOrEmpty(command.Connection))
                kind = SavedConnectionSettings.Apply(command, command.Connection!, settings);
            if (command.Target.HasValue) kind = command.Target;
            if (!kind.HasValue)
            {
                command.ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Say where to search: -Target WorldCat|Sru|IdLoc, or -Connection with a saved connection."),
                    ErrorIds.SearchTargetMissing, ErrorCategory.InvalidArgument, null));
            }
            settings.Kind = kind!.Value;
            settings.ApplyParameters(command);
            if (command.RecordFormat.HasValue) settings.RecordFormat = command.RecordFormat;
            if (command.SruVersion != null) settings.SruVersion = command.SruVersion;
            if (command.IndexMap != null) settings.IndexMap = ReadIndexMap(command);
            if (command.RecordSchema != null) settings.RecordSchema = command.RecordSchema;
            if (command.Scheme.HasValue) settings.Scheme = command.Scheme;
            settings.Check(command, "search");
            return settings;
        }

        /// <summary>The WorldCat parameters given on the command line override the saved connection's values.</summary>
        internal void ApplyParameters(WorldCatClientCommand command)
        {
            if (command.BaseAddress != null) BaseAddress = command.BaseAddress;
            if (command.Credential != null) Credential = command.Credential.GetNetworkCredential();
            if (command.TokenAddress != null) TokenAddress = command.TokenAddress;
            if (command.Scope != null) Scope = command.Scope;
            if (command.RequestsPerSecond.HasValue) RequestsPerSecond = command.RequestsPerSecond;
            if (command.DailyBudget.HasValue) DailyBudget = command.DailyBudget;
        }

        private static IDictionary<string, string>? ReadIndexMap(InvokeBatchSearchCommand command)
        {
            try { return IndexMapArgument.ToEntries(command.IndexMap); }
            catch (ArgumentException e)
            {
                command.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.SearchTargetIncomplete, ErrorCategory.InvalidArgument, command.IndexMap));
                return null;
            }
        }

        /// <summary>Stops the cmdlet when a setting the kind needs is missing; <paramref name="job"/> names what it is for ("search").</summary>
        internal void Check(PSCmdlet command, string job)
        {
            ConnectionSettingRule? missing = ConnectionKindSettings.FirstMissing(SearchTargetConnections.KindOf(Kind), IsGiven);
            if (missing == null) return;
            string problem = missing.Name switch
            {
                ConnectionSettingNames.BaseAddress => "An SRU " + job + " needs -BaseAddress, the server's database address (e.g. http://127.0.0.1:21210/Default).",
                ConnectionSettingNames.Credential => "A WorldCat " + job + " needs -Credential (client id as user name, secret as password) or a saved -Connection.",
                _ => "A " + Kind + " " + job + " needs -" + missing.Name + " (" + missing.Description + ").",
            };
            command.ThrowTerminatingError(new ErrorRecord(new PSArgumentException(problem), ErrorIds.SearchTargetIncomplete, ErrorCategory.InvalidArgument, Kind));
        }

        private bool IsGiven(string setting) => setting switch
        {
            ConnectionSettingNames.BaseAddress => BaseAddress != null,
            ConnectionSettingNames.Credential => Credential != null,
            ConnectionSettingNames.TokenAddress => TokenAddress != null,
            ConnectionSettingNames.Scope => Scope != null,
            ConnectionSettingNames.RecordFormat => RecordFormat.HasValue,
            ConnectionSettingNames.RequestsPerSecond => RequestsPerSecond.HasValue,
            ConnectionSettingNames.DailyBudget => DailyBudget.HasValue,
            ConnectionSettingNames.SruVersion => SruVersion != null,
            ConnectionSettingNames.IndexMap => IndexMap != null,
            ConnectionSettingNames.RecordSchema => RecordSchema != null,
            ConnectionSettingNames.Scheme => Scheme.HasValue,
            _ => false,
        };
    }
}
