namespace OclcCataloging.Gateway
{
    /// <summary>The outcome of sending one record.</summary>
    public enum GatewayStatus
    {
        /// <summary>The record was refused before anything was sent, or no connection could be made.</summary>
        NotSent = 0,

        /// <summary>The receiver said it imported the record.</summary>
        Accepted,

        /// <summary>The receiver answered with an error.</summary>
        Rejected,

        /// <summary>The record was (or may have been) sent but no readable answer came back: it may have been imported. Never resent automatically.</summary>
        Unknown,
    }
}
