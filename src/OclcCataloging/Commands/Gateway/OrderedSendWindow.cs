using System.Collections.Generic;
using System.Threading.Tasks;
using OclcCataloging.Gateway;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>
    /// Up to N sends in flight (-ThrottleLimit); results leave in the order the records came, so the output lines up
    /// with the input even when later records finish first.
    /// </summary>
    internal sealed class OrderedSendWindow
    {
        private readonly Queue<KeyValuePair<MarcRecord, Task<GatewaySendResult>>> _pending = new Queue<KeyValuePair<MarcRecord, Task<GatewaySendResult>>>();
        private readonly int _limit;

        internal OrderedSendWindow(int limit)
        {
            _limit = limit < 1 ? 1 : limit;
        }

        internal int Count => _pending.Count;

        internal bool IsFull => _pending.Count >= _limit;

        internal void Add(MarcRecord record, Task<GatewaySendResult> send) => _pending.Enqueue(new KeyValuePair<MarcRecord, Task<GatewaySendResult>>(record, send));

        /// <summary>True when the oldest send has finished (or <paramref name="wait"/>: waits for it). Throws what the send threw.</summary>
        internal bool TryTakeOldest(bool wait, out MarcRecord? record, out GatewaySendResult? result)
        {
            record = null;
            result = null;
            if (_pending.Count == 0) return false;
            var head = _pending.Peek();
            if (!wait && !head.Value.IsCompleted) return false;
            _pending.Dequeue();
            record = head.Key;
            result = head.Value.GetAwaiter().GetResult();
            return true;
        }
    }
}
