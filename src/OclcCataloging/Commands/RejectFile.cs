using System;
using System.IO;
using System.Management.Automation;
using OclcCataloging.IO;
using OclcCataloging.Resilience;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The -RejectPath file of Import-MarcFile and Convert-MarcFile: the raw bytes of each unreadable record are appended, exactly as
    /// they were in the input. Nothing is created or touched until the first reject; the new content becomes
    /// visible in one step (through <see cref="AtomicFileWriter"/>) when <see cref="Commit"/> is called.
    /// </summary>
    internal sealed class RejectFile : IDisposable
    {
        private readonly IRetryExecutor _retry;
        private AtomicFileWriter? _writer;

        internal RejectFile(string path, IRetryExecutor retry)
        {
            Path = path;
            _retry = retry;
        }

        internal string Path { get; }

        /// <summary>Rejects appended during this command.</summary>
        internal int Count { get; private set; }

        internal long Bytes { get; private set; }

        internal void Add(byte[] rawBytes)
        {
            _writer ??= new AtomicFileWriter(Path, _retry, copyExisting: true);
            _writer.Stream.Write(rawBytes, 0, rawBytes.Length);
            Count++;
            Bytes += rawBytes.Length;
        }

        /// <summary>Moves the rejects into place; does nothing when there were none.</summary>
        internal void Commit()
        {
            var writer = _writer;
            if (writer == null) return;
            _writer = null;
            using (writer) writer.Commit();
        }

        /// <summary>
        /// The end of a command that completed: moves the rejects into place and says so (verbose), or reports why
        /// it could not as a non-terminating error.
        /// </summary>
        internal void CommitAndReport(Cmdlet cmdlet)
        {
            int count = Count;
            try
            {
                Commit();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                cmdlet.WriteError(new ErrorRecord(e, ErrorIds.RejectFileWriteFailed, ErrorCategory.WriteError, Path));
                return;
            }
            if (count > 0) cmdlet.WriteVerbose("Appended " + count + " reject(s) (unreadable records, bytes outside any record) to '" + Path + "'.");
        }

        /// <summary>
        /// The end of a command however it ended (stopped, a terminating error): the rejects found so far are kept when
        /// they can be, without reporting (nothing can be reported any more), and the file is released.
        /// </summary>
        internal void KeepAndDispose()
        {
            try
            {
                Commit();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // The temporary file is removed below.
            }
            Dispose();
        }

        /// <summary>Abandons uncommitted rejects (the temporary file is deleted).</summary>
        public void Dispose()
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
