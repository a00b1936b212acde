using System;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Module;
using OclcCataloging.Resilience;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The module's file retry (<see cref="ModuleServices.FileRetry"/>), created only when an operation first
    /// runs through it. Files are written through a temporary file and only the final rename is retried, so Polly
    /// and its dependencies load at the first commit, not when a command merely starts (or runs with -WhatIf).
    /// </summary>
    internal sealed class DeferredRetryExecutor : IRetryExecutor
    {
        internal static readonly DeferredRetryExecutor FileRetry = new DeferredRetryExecutor(() => ModuleServices.FileRetry);

        private readonly Func<IRetryExecutor> _factory;

        private DeferredRetryExecutor(Func<IRetryExecutor> factory)
        {
            _factory = factory;
        }

        public T Execute<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken)
            => _factory().Execute(operation, cancellationToken);

        public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
            => _factory().ExecuteAsync(operation, cancellationToken);
    }
}
