using System;
using System.Net.Http;
using System.Threading;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// Everything one WorldCat client holds: HTTP client, token provider, daily budget, pacer, statistics and the
    /// API client over them. The search target and the record-action client each own one, so both send through
    /// the same budget (and budget state file), pacing, token renewal and retry rules.
    /// </summary>
    internal sealed class WorldCatConnection : IDisposable
    {
        private readonly HttpClient _http;

        public WorldCatConnection(WorldCatTargetOptions options, IRetryExecutor retry, HttpMessageHandler? handler)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (retry == null) throw new ArgumentNullException(nameof(retry));
            if (options.Credential == null || string.IsNullOrEmpty(options.Credential.UserName))
                throw new ArgumentException("WorldCat needs a credential: client id (WSKey) as UserName, secret as Password.", nameof(options));
            if (options.ApiBaseAddress == null || options.TokenAddress == null) throw new ArgumentException("ApiBaseAddress and TokenAddress are required.", nameof(options));
            Options = options;
            _http = handler == null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            _http.Timeout = Timeout.InfiniteTimeSpan;
            Statistics = new WorldCatStatistics();
            Budget = new DailyRequestBudget(options.DailyBudget, options.BudgetStatePath);
            Tokens = new WorldCatTokenProvider(_http, options, retry, Statistics);
            Api = new WorldCatApiClient(_http, options, retry, Tokens, new RequestPacer(options.RequestsPerSecond), Budget, Statistics);
        }

        public WorldCatTargetOptions Options { get; }

        public WorldCatStatistics Statistics { get; }

        public DailyRequestBudget Budget { get; }

        public WorldCatTokenProvider Tokens { get; }

        public WorldCatApiClient Api { get; }

        public void Dispose()
        {
            Tokens.Dispose();
            _http.Dispose();
        }
    }
}
