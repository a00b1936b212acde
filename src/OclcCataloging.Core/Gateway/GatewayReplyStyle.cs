namespace OclcCataloging.Gateway
{
    /// <summary>How <see cref="GatewayListener"/> words its replies.</summary>
    public enum GatewayReplyStyle
    {
        /// <summary><c>Success.  Batch number … added to Koha.</c> / <c>Bad request</c> / <c>Unauthorized request</c>, NUL, then close.</summary>
        Koha = 0,

        /// <summary><c>Import ok\n</c> / <c>Error: …\n</c>, NUL; the sender closes (or the idle timeout does).</summary>
        Folio,
    }
}
