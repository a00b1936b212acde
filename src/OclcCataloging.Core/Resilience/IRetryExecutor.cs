using System;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Resilience
{
    /// <summary>
    /// Runs an operation again when it fails for a reason that may pass (a file locked by a virus scanner,
    /// a network timeout, HTTP 429/503). The module supplies a Polly-based implementation, kept in its own
    /// assembly so that the Polly dependency stays isolated from other modules' copies.
    /// </summary>
    public interface IRetryExecutor
    {
        T Execute<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken);

        Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken);
    }
}
