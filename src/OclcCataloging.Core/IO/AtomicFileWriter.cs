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
        private DiskWriteBack? _writeBack;
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

        /// <summary>
        /// Tells the writer how far the file has got, so that the system starts writing the bytes to disk early
        /// (<see cref="DiskWriteBack"/>): writers of large files call it now and then (after each record, say).
        /// </summary>
        public void WrittenSoFar()
        {
            FileStream s = Stream;
            (_writeBack ??= new DiskWriteBack(s)).WrittenSoFar();
        }

        /// <summary>Write-back requests the system accepted so far (tests).</summary>
        internal int WriteBackRequests => _writeBack?.Requests ?? 0;

        /// <summary>Flushes to disk and moves the temporary file into place.</summary>
        public void Commit()
        {
            var s = Stream;
            try
            {
                s.Flush(true);
            }
            catch (IOException e)
            {
                throw Explain(e);
            }
            finally
            {
                s.Dispose();
                _stream = null;
            }
            if (!Directory.Exists(Path.GetDirectoryName(DestinationPath)))
                throw Explain(new DirectoryNotFoundException(DestinationPath));
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

        /// <summary>
        /// A failure while writing or committing, told in terms of the destination the user gave (never the temporary
        /// file): the folder that disappeared, the full disk, or the system's own words with the names replaced. The
        /// previous file is always left as it was.
        /// </summary>
        public IOException Explain(IOException e)
        {
            string folder = Path.GetDirectoryName(DestinationPath) ?? ".";
            if (!Directory.Exists(folder))
            {
                return new DirectoryNotFoundException("Cannot write '" + DestinationPath + "': its folder '" + folder
                    + "' no longer exists (it was removed or unmounted while the file was being written). Nothing was written; create the folder and run again.", e);
            }
            if (IsDiskFull(e))
            {
                return new IOException("Cannot write '" + DestinationPath + "': the disk holding '" + folder
                    + "' is full. The previous file, if any, was left as it was; free some space and run again.", e);
            }
            return new IOException("Cannot write '" + DestinationPath + "': " + Unnamed(e.Message, DestinationPath) + " The previous file, if any, was left as it was.", e);
        }

        private static bool IsDiskFull(IOException e)
        {
            const int ErrorDiskFull = 0x70, ErrorHandleDiskFull = 0x27, Enospc = 28;
            int code = e.HResult & 0xFFFF;
            return code == ErrorDiskFull || code == ErrorHandleDiskFull || code == Enospc
                   || e.Message.IndexOf("No space left", StringComparison.OrdinalIgnoreCase) >= 0
                   || e.Message.IndexOf("not enough space", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>The system's message with the temporary file's name replaced by <paramref name="instead"/>: users know only the names they gave.</summary>
        private string Unnamed(string message, string instead) =>
            message.Replace(TemporaryPath, instead).Replace(Path.GetFileName(TemporaryPath), Path.GetFileName(instead));

        public void Dispose()
        {
            try
            {
                _stream?.Dispose(); // flushes what is buffered: fails again on a full disk
            }
            catch (IOException)
            {
                // the temporary file is deleted below anyway
            }
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
