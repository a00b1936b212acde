using System;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// A record as <see cref="GatewayClient.Check"/> found it: the record and why it may not be sent (null when it
    /// may). <see cref="GatewayClient.SendAsync(GatewayCheckedRecord, System.Threading.CancellationToken)"/> takes it
    /// as it is, so each record is checked once (docs/design/gateway-protocol.md §2).
    /// </summary>
    public sealed class GatewayCheckedRecord
    {
        internal GatewayCheckedRecord(GatewayRecord record, GatewayRefusal? refusal, GatewayClientOptions checkedFor)
        {
            Record = record ?? throw new ArgumentNullException(nameof(record));
            Refusal = refusal;
            CheckedFor = checkedFor;
        }

        public GatewayRecord Record { get; }

        /// <summary>Why the record is not sent, or null when it may be.</summary>
        public GatewayRefusal? Refusal { get; }

        /// <summary>True when the record passed the check.</summary>
        public bool MaySend => Refusal == null;

        /// <summary>The settings the check applied (another client re-checks the record).</summary>
        internal GatewayClientOptions CheckedFor { get; }

        public override string ToString() => (MaySend ? "May send " : "Refused (" + Refusal!.Code + ") ") + Record;
    }
}
