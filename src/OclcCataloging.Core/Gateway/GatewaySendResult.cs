using System;
using System.Collections.Generic;
using OclcCataloging.Marc.Validation;

namespace OclcCataloging.Gateway
{
    /// <summary>The outcome of sending one record. Never holds a password.</summary>
    public sealed class GatewaySendResult
    {
        internal GatewaySendResult(GatewayRecord record, string computerName, int port, GatewayReceiverType receiverType)
        {
            ControlNumber = record.ControlNumber;
            OclcNumber = record.OclcNumber;
            Title = record.Title;
            ComputerName = computerName;
            Port = port;
            ReceiverType = receiverType;
        }

        public GatewayStatus Status { get; internal set; }

        /// <summary>Koha biblionumber or Alma MMS ID, when the receiver gave one.</summary>
        public string? ReceiverRecordId { get; internal set; }

        /// <summary>The URL in the reply (Koha), or null.</summary>
        public string? Url { get; internal set; }

        /// <summary>The receiver's reply as it came (without the closing NUL); null when there was none.</summary>
        public string? ReplyText { get; internal set; }

        /// <summary>Stable code (<see cref="GatewayErrorCodes"/>) when the record was not accepted; null when it was.</summary>
        public string? ErrorCode { get; internal set; }

        /// <summary>What happened, in a sentence (reasons for NotSent and Unknown; notes on the reply).</summary>
        public string? Message { get; internal set; }

        /// <summary>Connection attempts made (0 when the record was refused before connecting).</summary>
        public int Attempts { get; internal set; }

        public TimeSpan Elapsed { get; internal set; }

        /// <summary>The validation findings of a record refused for validation errors (<see cref="GatewayErrorCodes.RecordInvalid"/>); empty otherwise.</summary>
        public IReadOnlyList<MarcFinding> Findings { get; internal set; } = new MarcFinding[0];

        /// <summary>Bytes of the request written to the receiver (identifiers, record, NUL).</summary>
        public int BytesSent { get; internal set; }

        public string? ControlNumber { get; }

        public string? OclcNumber { get; }

        public string? Title { get; }

        public string ComputerName { get; }

        public int Port { get; }

        public GatewayReceiverType ReceiverType { get; }

        public override string ToString()
        {
            string s = Status + " 001=" + (ControlNumber ?? "(none)");
            if (ReceiverRecordId != null) s += " id=" + ReceiverRecordId;
            if (ErrorCode != null) s += " [" + ErrorCode + "]";
            if (Message != null) s += " " + Message;
            return s;
        }
    }
}
