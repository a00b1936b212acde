using System.Threading;

namespace OclcCataloging.Gateway
{
    /// <summary>The counts <see cref="GatewayListener"/> reports, updated by its connections at the same time.</summary>
    internal sealed class GatewayListenerStatistics
    {
        private long _accepted;
        private long _rejected;
        private long _failed;

        public long RecordsAccepted => Interlocked.Read(ref _accepted);

        public long RequestsRejected => Interlocked.Read(ref _rejected);

        public long ConnectionsFailed => Interlocked.Read(ref _failed);

        public void CountAccepted() => Interlocked.Increment(ref _accepted);

        public void CountRejected() => Interlocked.Increment(ref _rejected);

        public void CountFailed() => Interlocked.Increment(ref _failed);

        /// <summary>An answered request: accepted when the handler accepted the record, otherwise rejected.</summary>
        public void Count(GatewayListenerReply reply)
        {
            if (reply.Kind == GatewayListenerReplyKind.Accepted) CountAccepted();
            else CountRejected();
        }
    }
}
