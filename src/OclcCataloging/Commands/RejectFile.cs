using System;
using OclcCataloging.IO;
using OclcCataloging.Resilience;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// The -RejectPath file of Import-MarcFile: the raw bytes of each unreadable record are appended, exactly as
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

        /// <summary>Abandons uncommitted rejects (the temporary file is deleted).</summary>
        public void Dispose()
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
