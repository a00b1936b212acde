using System;
using System.Threading;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// The HTTP attempts made for one key or one action, and whether a write is on the wire. The batch action
    /// engine uses <see cref="WriteSending"/> to note the action in its state file before the request leaves, so
    /// that a crash mid-flight is resumed as Unknown instead of being sent again.
    /// </summary>
    internal sealed class RequestAttempts
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        /// <summary>A write request has been sent and its reply has not arrived yet.</summary>
        public bool WriteInFlight { get; private set; }

        /// <summary>Called just before each write request is sent.</summary>
        public Action? WriteSending { get; set; }

        internal void Starting(bool isWrite)
        {
            Interlocked.Increment(ref _count);
            if (!isWrite) return;
            WriteSending?.Invoke();
            WriteInFlight = true;
        }

        internal void Answered() => WriteInFlight = false;
    }
}
