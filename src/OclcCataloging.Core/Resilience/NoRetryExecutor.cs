using System;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Resilience
{
    /// <summary>Runs each operation once. Used where retrying is not wanted (and by unit tests).</summary>
    public sealed class NoRetryExecutor : IRetryExecutor
    {
        public static readonly NoRetryExecutor Instance = new NoRetryExecutor();

        public T Execute<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken)
        {
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            cancellationToken.ThrowIfCancellationRequested();
            return operation(cancellationToken);
        }

        public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
        {
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            cancellationToken.ThrowIfCancellationRequested();
            return operation(cancellationToken);
        }
    }
}
