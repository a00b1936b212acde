using System;
using System.IO;
using System.Threading;
using OclcCataloging.Resilience;

namespace OclcCataloging.IO
{
    /// <summary>
    /// Writes a file through a temporary file in the same folder and renames it over the destination on
    /// <see cref="Commit"/>, so a failure half way never leaves half a file. Disposing without committing
    /// deletes the temporary file and leaves any existing destination untouched.
    /// </summary>
    public sealed class AtomicFileWriter : IDisposable
    {
        private readonly IRetryExecutor _retry;
        private FileStream? _stream;
        private bool _committed;

        /// <param name="destinationPath">The file to create or replace.</param>
        /// <param name="retry">Retries the final rename when the destination is briefly locked.</param>
        /// <param name="copyExisting">Start the temporary file with the destination's current content (for appending).</param>
        public AtomicFileWriter(string destinationPath, IRetryExecutor? retry = null, bool copyExisting = false)
        {
            if (string.IsNullOrEmpty(destinationPath)) throw new ArgumentException("A destination path is required.", nameof(destinationPath));
            DestinationPath = Path.GetFullPath(destinationPath);
            _retry = retry ?? NoRetryExecutor.Instance;
            string dir = Path.GetDirectoryName(DestinationPath) ?? ".";
            TemporaryPath = Path.Combine(dir, "." + Path.GetFileName(DestinationPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            _stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            try
            {
                if (copyExisting && File.Exists(DestinationPath))
                {
                    using (var existing = new FileStream(DestinationPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                    {
                        existing.CopyTo(_stream);
                    }
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public string DestinationPath { get; }

        public string TemporaryPath { get; }

        /// <summary>The stream to write to; positioned at the end of any copied content.</summary>
        public FileStream Stream => _stream ?? throw new ObjectDisposedException(nameof(AtomicFileWriter));

        /// <summary>Flushes to disk and moves the temporary file into place.</summary>
        public void Commit()
        {
            var s = Stream;
            s.Flush(true);
            s.Dispose();
            _stream = null;
            _retry.Execute(_ =>
            {
                if (File.Exists(DestinationPath)) File.Replace(TemporaryPath, DestinationPath, null);
                else File.Move(TemporaryPath, DestinationPath);
                return true;
            }, CancellationToken.None);
            _committed = true;
        }

        public void Dispose()
        {
            _stream?.Dispose();
            _stream = null;
            if (!_committed)
            {
                try { File.Delete(TemporaryPath); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }
    }
}
