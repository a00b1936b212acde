namespace OclcCataloging.Gateway
{
    /// <summary>Character coding to send a record in.</summary>
    public enum GatewayRecordEncoding
    {
        /// <summary>As the record is (leader/09 must match its bytes).</summary>
        AsIs = 0,

        /// <summary>Convert to UTF-8 (leader/09 'a'), as the Koha manual recommends.</summary>
        Utf8,

        /// <summary>Convert to MARC-8 (leader/09 blank).</summary>
        Marc8,
    }
}
