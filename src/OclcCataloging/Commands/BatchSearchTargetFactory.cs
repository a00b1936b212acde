using System;
using System.Collections;
using System.Collections.Generic;
using OclcCataloging.Module;
using OclcCataloging.Search;
using OclcCataloging.Search.Http;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Search.Sru;
using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Commands
{
    /// <summary>Builds the search target, with the module's Polly-backed retries, from resolved settings.</summary>
    internal static class BatchSearchTargetFactory
    {
        internal static ISearchTarget Create(BatchSearchTargetSettings settings, int timeoutSec, int retryCount)
        {
            var resilience = Resilience(timeoutSec, retryCount);
            var retry = ModuleServices.CreateRetryExecutor(SearchResilience.CreateRetrySettings(resilience));
            switch (settings.Kind)
            {
                case SearchTargetKind.WorldCat:
                    return new WorldCatSearchTarget(WorldCatOptions(settings, resilience), retry);
                case SearchTargetKind.Sru:
                    var sru = new SruTargetOptions { BaseAddress = settings.BaseAddress!, Resilience = resilience, UserAgent = UserAgent };
                    if (settings.SruVersion != null) sru.Version = ParseSruVersion(settings.SruVersion);
                    if (settings.RecordSchema != null) sru.RecordSchema = settings.RecordSchema;
                    if (settings.IndexMap != null) sru.IndexMap = SruIndexMap.FromDictionary(settings.IndexMap);
                    return new SruSearchTarget(sru, retry);
                default:
                    var idLoc = new IdLocTargetOptions { Resilience = resilience, UserAgent = UserAgent };
                    if (settings.BaseAddress != null) idLoc.BaseAddress = settings.BaseAddress;
                    if (settings.Scheme.HasValue) idLoc.Scheme = settings.Scheme.Value;
                    return new IdLocSearchTarget(idLoc, retry);
            }
        }

        internal static SearchResilienceOptions Resilience(int timeoutSec, int retryCount) => new SearchResilienceOptions
        {
            MaxRetryAttempts = retryCount,
            AttemptTimeout = TimeSpan.FromSeconds(timeoutSec),
        };

        /// <summary>The WorldCat options both the search target and the record actions are built with.</summary>
        internal static WorldCatTargetOptions WorldCatOptions(BatchSearchTargetSettings settings, SearchResilienceOptions resilience)
        {
            var worldCat = new WorldCatTargetOptions { Credential = settings.Credential!, Resilience = resilience, UserAgent = UserAgent };
            if (settings.BaseAddress != null) worldCat.ApiBaseAddress = settings.BaseAddress;
            if (settings.TokenAddress != null) worldCat.TokenAddress = settings.TokenAddress;
            if (settings.Scope != null) worldCat.Scope = settings.Scope;
            if (settings.RecordFormat.HasValue) worldCat.RecordFormat = settings.RecordFormat.Value;
            if (settings.RequestsPerSecond.HasValue) worldCat.RequestsPerSecond = settings.RequestsPerSecond.Value;
            if (settings.DailyBudget.HasValue) worldCat.DailyBudget = settings.DailyBudget.Value;
            return worldCat;
        }

        private static string UserAgent => "OclcCataloging/" + typeof(BatchSearchTargetFactory).Assembly.GetName().Version?.ToString(3);

        private static SruVersion ParseSruVersion(string text) => text switch
        {
            "1.1" => SruVersion.V1_1,
            "2.0" => SruVersion.V2_0,
            _ => SruVersion.V1_2,
        };
    }
}
