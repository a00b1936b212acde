using System;
using System.Threading;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// The one decision of when reading and writing MARC files is worth a thread of its own
    /// (<see cref="MarcReadAhead"/>, <see cref="MarcWriteBehind"/>): only on a machine with more than one processor,
    /// and for reading ahead only for files of at least <see cref="ReadAheadMinimumBytes"/> bytes (for a small file
    /// the thread would cost more than it saves). See docs/design/marc-pipeline.md.
    /// </summary>
    public static class MarcThreadingPolicy
    {
        /// <summary>The default of <see cref="ReadAheadMinimumBytes"/>: 1 MiB, about a thousand records.</summary>
        public const long DefaultReadAheadMinimumBytes = 1024 * 1024;

        private static long s_minimumBytes = DefaultReadAheadMinimumBytes;
        private static volatile bool s_enabled = true;

        /// <summary>False: everything is read and written on the caller's thread (tests compare the two paths).</summary>
        public static bool Enabled
        {
            get => s_enabled;
            set => s_enabled = value;
        }

        /// <summary>Files shorter than this are read on the caller's thread.</summary>
        public static long ReadAheadMinimumBytes
        {
            get => Interlocked.Read(ref s_minimumBytes);
            set => Interlocked.Exchange(ref s_minimumBytes, Math.Max(0, value));
        }

        /// <summary>A second thread can run at the same time as the caller's.</summary>
        public static bool HasSpareProcessor => Environment.ProcessorCount > 1;

        /// <summary>True when a file of <paramref name="length"/> bytes is worth reading ahead on a thread of its own.</summary>
        public static bool ShouldReadAhead(long length) => Enabled && HasSpareProcessor && length >= ReadAheadMinimumBytes;

        /// <summary>True when records read ahead are worth serialising and writing on a thread of their own as well.</summary>
        public static bool ShouldWriteBehind(bool inputReadAhead) => inputReadAhead && Enabled && HasSpareProcessor;

        private static long s_running;
        private static long s_started;

        /// <summary>Reading and writing threads running now in this process (0 once every pipeline has ended or was stopped).</summary>
        public static long RunningThreads => Interlocked.Read(ref s_running);

        /// <summary>Reading and writing threads started so far in this process.</summary>
        public static long StartedThreads => Interlocked.Read(ref s_started);

        internal static void ThreadStarted()
        {
            Interlocked.Increment(ref s_started);
            Interlocked.Increment(ref s_running);
        }

        internal static void ThreadEnded() => Interlocked.Decrement(ref s_running);

        /// <summary>Starts a counted background thread (see <see cref="ThreadStarted"/>); the count is undone when it cannot start.</summary>
        internal static Thread StartThread(ThreadStart body, string name)
        {
            var thread = new Thread(body) { IsBackground = true, Name = name };
            ThreadStarted();
            try
            {
                thread.Start();
            }
            catch
            {
                ThreadEnded();
                throw;
            }
            return thread;
        }
    }
}
