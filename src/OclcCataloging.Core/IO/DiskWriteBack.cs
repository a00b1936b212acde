using System;
using System.IO;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace OclcCataloging.IO
{
    /// <summary>
    /// Asks the operating system to start writing a file's new bytes to disk while the file is still being written, so
    /// the flush before the rename (<see cref="AtomicFileWriter.Commit"/>) waits only for the last part instead of for
    /// the whole file. Only a hint: on Linux it is sync_file_range(SYNC_FILE_RANGE_WRITE), which starts the writing and
    /// returns; elsewhere, or when the call is refused, nothing happens and the final flush does all the work as before.
    /// See docs/design/output-files.md ("Writing back early").
    /// </summary>
    internal sealed class DiskWriteBack
    {
        /// <summary>Bytes written between two requests: 8 MiB, so a 600 MB export makes about 75 cheap calls.</summary>
        internal const long DefaultInterval = 8 * 1024 * 1024;

        private readonly FileStream _stream;
        private readonly long _interval;
        private long _started;
        private bool _available = Supported;

        internal DiskWriteBack(FileStream stream, long interval = DefaultInterval)
        {
            _stream = stream;
            _interval = Math.Max(1, interval);
            _started = stream.Position;
        }

        /// <summary>True where the operating system can be asked (Linux).</summary>
        internal static bool Supported
        {
            get
            {
#if NET8_0_OR_GREATER
                return OperatingSystem.IsLinux();
#else
                return false; // .NET Framework runs on Windows only, which writes back on its own schedule
#endif
            }
        }

        /// <summary>Requests made and accepted so far (tests).</summary>
        internal int Requests { get; private set; }

        /// <summary>Starts writing back what was written since the last request, once at least the interval has been written.</summary>
        internal void WrittenSoFar()
        {
            if (!_available) return;
            long position = _stream.Position;
            if (position - _started < _interval) return;
            _stream.Flush(flushToDisk: false); // the stream's own buffer into the file, so the range is complete
            if (Start(position)) Requests++;
            _started = position;
        }

        private bool Start(long position)
        {
#if NET8_0_OR_GREATER
            bool added = false;
            try
            {
                _stream.SafeFileHandle.DangerousAddRef(ref added);
                int fd = (int)_stream.SafeFileHandle.DangerousGetHandle();
                if (SyncFileRange(fd, _started, position - _started, SyncFileRangeWrite) == 0) return true;
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                // a C library without the call (not glibc): the final flush does the work
            }
            finally
            {
                if (added) _stream.SafeFileHandle.DangerousRelease();
            }
            _available = false; // refused once (e.g. not a regular file): refused always
            return false;
#else
            return false;
#endif
        }

#if NET8_0_OR_GREATER
        private const uint SyncFileRangeWrite = 2;

        [DllImport("libc.so.6", EntryPoint = "sync_file_range", SetLastError = true)]
        private static extern int SyncFileRange(int fd, long offset, long count, uint flags);
#endif
    }
}
