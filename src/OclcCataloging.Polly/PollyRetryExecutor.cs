using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace OclcCataloging.Resilience
{
    /// <summary><see cref="IRetryExecutor"/> backed by a Polly resilience pipeline built from <see cref="RetrySettings"/>.</summary>
    public sealed class PollyRetryExecutor : IRetryExecutor
    {
        private readonly ResiliencePipeline _pipeline;

        public PollyRetryExecutor(RetrySettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var builder = new ResiliencePipelineBuilder();
            if (settings.MaxRetryAttempts > 0)
            {
                var options = new RetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetryAttempts,
                    Delay = settings.Delay,
                    MaxDelay = settings.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = settings.UseJitter,
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception != null && settings.ShouldRetry(args.Outcome.Exception)),
                };
                if (settings.OnRetry != null)
                {
                    var onRetry = settings.OnRetry;
                    options.OnRetry = args =>
                    {
                        onRetry(args.AttemptNumber + 1, args.Outcome.Exception!, args.RetryDelay);
                        return default;
                    };
                }
                builder.AddRetry(options);
            }
            _pipeline = builder.Build();
        }

        /// <summary>The Polly.Core assembly this executor runs on (used to check isolation).</summary>
        public static string PollyAssemblyName => typeof(ResiliencePipeline).Assembly.FullName ?? "Polly.Core";

        public T Execute<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken)
        {
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            return _pipeline.Execute(ct => operation(ct), cancellationToken);
        }

        public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
        {
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            return _pipeline.ExecuteAsync(ct => new ValueTask<T>(operation(ct)), cancellationToken).AsTask();
        }
    }
}
