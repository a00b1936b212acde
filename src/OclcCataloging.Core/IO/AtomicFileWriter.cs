using System;
using System.IO;
using System.Threading;
using OclcCataloging.Resilience;

namespace OclcCataloging.IO
{
    /// <summary>
    /// Writes a file through a temporary file in the same folder and renames it over the destination on
    /// <see cref="Commit"/>, so a failure half way never leaves half a file. Disposing without committing
    /// deletes the temporary file and leaves any existing destination untouched. A missing folder of the
    /// destination is created (one rule for every output file, docs/design/output-files.md); errors name the
    /// destination and its folder, never the temporary file.
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
            try
            {
                Directory.CreateDirectory(dir);
                _stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UnauthorizedAccessException("Cannot write '" + DestinationPath + "': no permission to create files in the folder '" + dir + "'.", e);
            }
            catch (IOException e)
            {
                throw new IOException("Cannot write '" + DestinationPath + "': " + Unnamed(e.Message, dir), e);
            }
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
            try
            {
                _retry.Execute(_ =>
                {
                    if (File.Exists(DestinationPath)) File.Replace(TemporaryPath, DestinationPath, null);
                    else File.Move(TemporaryPath, DestinationPath);
                    return true;
                }, CancellationToken.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UnauthorizedAccessException("Cannot replace '" + DestinationPath + "': access denied; it was left as it was.", e);
            }
            catch (IOException e)
            {
                throw new IOException("Cannot replace '" + DestinationPath + "' (it was left as it was): " + Unnamed(e.Message, DestinationPath), e);
            }
            _committed = true;
        }

        /// <summary>The system's message with the temporary file's name replaced by <paramref name="instead"/>: users know only the names they gave.</summary>
        private string Unnamed(string message, string instead) =>
            message.Replace(TemporaryPath, instead).Replace(Path.GetFileName(TemporaryPath), Path.GetFileName(instead));

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
