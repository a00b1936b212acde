namespace OclcCataloging.Gateway
{
    /// <summary>Why a record is not sent: a stable <see cref="Code"/> (<see cref="GatewayErrorCodes"/>) and a sentence.</summary>
    public sealed class GatewayRefusal
    {
        public GatewayRefusal(string code, string message)
        {
            Code = code;
            Message = message;
        }

        public string Code { get; }

        public string Message { get; }

        public override string ToString() => Code + ": " + Message;
    }
}
