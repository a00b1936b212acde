using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OclcCataloging.Resilience
{
    /// <summary><see cref="IRetryExecutor"/> backed by a Polly resilience pipeline built from <see cref="RetrySettings"/>.</summary>
    /// <remarks>Polly's own exception types never leave this assembly: an attempt timeout surfaces as
    /// <see cref="TimeoutException"/>, so callers (and <see cref="RetrySettings.ShouldRetry"/>) see only BCL types.</remarks>
    public sealed class PollyRetryExecutor : IRetryExecutor
    {
        private readonly ResiliencePipeline _pipeline;

        public PollyRetryExecutor(RetrySettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var builder = new ResiliencePipelineBuilder();
            if (settings.MaxRetryAttempts > 0)
                builder.AddRetry(CreateRetryOptions(settings));
            if (settings.AttemptTimeout.HasValue)
                builder.AddTimeout(settings.AttemptTimeout.Value);
            _pipeline = builder.Build();
        }

        private static RetryStrategyOptions CreateRetryOptions(RetrySettings settings)
        {
            var options = new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                Delay = settings.Delay,
                MaxDelay = settings.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = settings.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception != null && settings.ShouldRetry(Normalize(args.Outcome.Exception))),
            };
            if (settings.DelayHint != null)
            {
                var hint = settings.DelayHint;
                options.DelayGenerator = args =>
                {
                    var delay = args.Outcome.Exception == null ? null : hint(Normalize(args.Outcome.Exception));
                    return new ValueTask<TimeSpan?>(delay);
                };
            }
            if (settings.OnRetry != null)
            {
                var onRetry = settings.OnRetry;
                options.OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, Normalize(args.Outcome.Exception!), args.RetryDelay);
                    return default;
                };
            }
            return options;
        }

        private static Exception Normalize(Exception exception) =>
            exception is TimeoutRejectedException timeout ? new TimeoutException(timeout.Message, timeout) : exception;

        /// <summary>The Polly.Core assembly this executor runs on (used to check isolation).</summary>
        public static string PollyAssemblyName => typeof(ResiliencePipeline).Assembly.FullName ?? "Polly.Core";

        public T Execute<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken)
        {
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            try
            {
                return _pipeline.Execute(ct => operation(ct), cancellationToken);
            }
            catch (TimeoutRejectedException ex)
            {
                throw Normalize(ex);
            }
        }

        public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
        {
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            try
            {
                return await _pipeline.ExecuteAsync(ct => new ValueTask<T>(operation(ct)), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException ex)
            {
                throw Normalize(ex);
            }
        }
    }
}
