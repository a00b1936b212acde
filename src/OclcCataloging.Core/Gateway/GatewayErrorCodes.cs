namespace OclcCataloging.Gateway
{
    /// <summary>
    /// Stable identifiers for gateway export problems (<see cref="GatewaySendResult.ErrorCode"/>,
    /// <see cref="GatewayException.Code"/>, PowerShell error ids). Never change an existing value: scripts match on them.
    /// </summary>
    public static class GatewayErrorCodes
    {
        // Refused before sending (nothing sent)
        /// <summary>The record is over 99,999 bytes: its leader cannot state the length (FOLIO drops it without a reply).</summary>
        public const string RecordTooLong = "GatewayRecordTooLong";
        /// <summary>The bytes are not a well-formed ISO 2709 record (too short, no terminator, bad directory, first byte not a digit …).</summary>
        public const string RecordStructureInvalid = "GatewayRecordStructureInvalid";
        /// <summary>Leader/00-04 is not the record's exact byte length.</summary>
        public const string RecordLengthMismatch = "GatewayRecordLengthMismatch";
        /// <summary>Leader/09 contradicts the bytes (e.g. 'a' with bytes that are not UTF-8, blank with UTF-8 text).</summary>
        public const string EncodingMismatch = "GatewayEncodingMismatch";
        /// <summary>An authority record (leader/06 'z') for a bibliographic receiver, and authority records were not allowed.</summary>
        public const string AuthorityRecord = "GatewayAuthorityRecord";
        /// <summary>The record cannot be converted to the requested encoding or serialised.</summary>
        public const string RecordNotEncodable = "GatewayRecordNotEncodable";
        /// <summary>A user id, logon id or password cannot be put on the wire (over 191 bytes and starting with a digit, or holding a NUL).</summary>
        public const string IdentifierNotEncodable = "GatewayIdentifierNotEncodable";
        /// <summary>The record has validation errors (severity Error after the rules were applied); see the result's findings.</summary>
        public const string RecordInvalid = "GatewayRecordInvalid";

        // Connection (nothing of the record reached the receiver; retried)
        /// <summary>The host name could not be resolved.</summary>
        public const string HostNotFound = "GatewayHostNotFound";
        /// <summary>The receiver refused the connection or could not be reached.</summary>
        public const string ConnectFailed = "GatewayConnectFailed";
        /// <summary>No connection within the connect timeout.</summary>
        public const string ConnectTimeout = "GatewayConnectTimeout";

        // After connecting (the record may have been imported; never resent)
        /// <summary>The connection failed while the request was being written.</summary>
        public const string SendFailed = "GatewaySendFailed";
        /// <summary>The receiver closed the connection without a reply.</summary>
        public const string NoReply = "GatewayNoReply";
        /// <summary>No complete reply within the reply timeout.</summary>
        public const string ReplyTimeout = "GatewayReplyTimeout";
        /// <summary>The connection was reset while the reply was awaited or read.</summary>
        public const string ConnectionReset = "GatewayConnectionReset";
        /// <summary>The operation was cancelled after the record was sent.</summary>
        public const string Cancelled = "GatewayCancelled";
        /// <summary>The receiver answered with a text this receiver type does not explain.</summary>
        public const string UnrecognisedReply = "GatewayUnrecognisedReply";
        /// <summary>The receiver answered with an error text (see the reply text).</summary>
        public const string ReceiverRejected = "GatewayReceiverRejected";
        /// <summary>The receiver refused the logon (Koha "Unauthorized request", Alma "Logon Failed"): every further record would be refused too.</summary>
        public const string LogonRefused = "GatewayLogonRefused";
    }
}
