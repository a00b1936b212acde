using System;
using OclcCataloging.DataSync.Transfer;
using OclcCataloging.IO;
using OclcCataloging.Resilience;

namespace OclcCataloging.Module
{
    /// <summary>Shared services the cmdlets use, created on first use.</summary>
    internal static class ModuleServices
    {
        private static readonly object s_lock = new object();
        private static IRetryExecutor? s_fileRetry;

        /// <summary>Retries a file operation that failed because the file was briefly in use.</summary>
        internal static IRetryExecutor FileRetry
        {
            get
            {
                lock (s_lock)
                {
                    return s_fileRetry ??= CreateRetryExecutor(new RetrySettings
                    {
                        MaxRetryAttempts = 5,
                        Delay = TimeSpan.FromMilliseconds(100),
                        ShouldRetry = TransientIOFailures.IsFileInUse,
                    });
                }
            }
        }

        /// <summary>Creates the SSH.NET-backed SFTP session factory from the isolated dependency folder.</summary>
        internal static ISftpSessionFactory CreateSftpSessionFactory()
        {
            var assembly = DependencyLoader.LoadDependency(DependencyLoader.SftpAdapterAssembly);
            var type = assembly.GetType("OclcCataloging.DataSync.Transfer.SshNetSftpSessionFactory", throwOnError: true)!;
            return (ISftpSessionFactory)Activator.CreateInstance(type)!;
        }

        /// <summary>Creates the Polly-backed executor from the isolated dependency folder.</summary>
        internal static IRetryExecutor CreateRetryExecutor(RetrySettings settings)
        {
            var assembly = DependencyLoader.LoadDependency(DependencyLoader.PollyAdapterAssembly);
            var type = assembly.GetType("OclcCataloging.Resilience.PollyRetryExecutor", throwOnError: true)!;
            return (IRetryExecutor)Activator.CreateInstance(type, settings)!;
        }
    }
}
