using System;

namespace OclcCataloging.Gateway
{
    /// <summary>A gateway export problem with a stable <see cref="Code"/> from <see cref="GatewayErrorCodes"/>. Messages never hold a password.</summary>
    public class GatewayException : Exception
    {
        public GatewayException(string code, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Code = code ?? throw new ArgumentNullException(nameof(code));
        }

        public string Code { get; }
    }

    /// <summary>
    /// No connection could be made, so no byte of the record reached the receiver: the only failure that is
    /// safe to retry (see <see cref="GatewayClient.IsRetryableFailure"/>).
    /// </summary>
    public sealed class GatewayConnectException : GatewayException
    {
        public GatewayConnectException(string code, string message, Exception? innerException = null)
            : base(code, message, innerException)
        {
        }
    }
}
